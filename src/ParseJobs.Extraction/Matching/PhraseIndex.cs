namespace ParseJobs.Extraction.Matching;

/// <summary>A phrase found in a text: where (in words), how many words, and what the phrase stands for.</summary>
internal readonly record struct PhraseHit<T>(int Start, int Words, T Value);

/// <summary>Phrases compared word by word on their comparison keys (folded, hyphens as spaces; SkillScanner.Tokenize):
/// the longest phrase at a position wins and hits do not overlap. Built once from the data files.</summary>
internal sealed class PhraseIndex<T>
{
    private readonly Dictionary<string, T> phrases = new(StringComparer.Ordinal);
    private int maxWords = 1;

    public int Count => phrases.Count;

    /// <summary>Adds a phrase; the first value given for a phrase stays.</summary>
    public void Add(string phrase, T value)
    {
        var key = SkillScanner.PhraseKey(phrase);
        if (key.Length == 0)
            return;
        phrases.TryAdd(key, value);
        maxWords = Math.Max(maxWords, key.Count(c => c == ' ') + 1);
    }

    public List<PhraseHit<T>> FindAll(IReadOnlyList<SkillScanner.Token> tokens)
    {
        var hits = new List<PhraseHit<T>>();
        for (var i = 0; i < tokens.Count; i++)
        {
            for (var n = Math.Min(maxWords, tokens.Count - i); n >= 1; n--)
            {
                if (!phrases.TryGetValue(Join(tokens, i, n), out var value))
                    continue;
                hits.Add(new PhraseHit<T>(i, n, value));
                i += n - 1;
                break;
            }
        }

        return hits;
    }

    public List<PhraseHit<T>> FindAll(string text) => FindAll(SkillScanner.Tokenize(text));

    public bool ContainsAny(string text) => FindAll(text).Count > 0;

    public bool TryGetExact(string phrase, out T value) => phrases.TryGetValue(SkillScanner.PhraseKey(phrase), out value!);

    private static string Join(IReadOnlyList<SkillScanner.Token> tokens, int start, int count)
    {
        if (count == 1)
            return tokens[start].Key;
        var parts = new string[count];
        for (var k = 0; k < count; k++)
            parts[k] = tokens[start + k].Key;
        return string.Join(' ', parts);
    }
}

/// <summary>The cue words of Data/cues.tsv by kind (core, nice, ignore, intro, negative, junior, senior).</summary>
internal static class Cues
{
    private static readonly Lazy<Dictionary<string, PhraseIndex<string>>> ByKind = new(() =>
    {
        var kinds = new Dictionary<string, PhraseIndex<string>>(StringComparer.Ordinal);
        foreach (var row in MatchingData.Rows("cues.tsv"))
        {
            if (!kinds.TryGetValue(row[0], out var index))
                kinds[row[0]] = index = new PhraseIndex<string>();
            foreach (var phrase in MatchingData.Names(row, 1))
                index.Add(phrase, phrase);
        }

        return kinds;
    });

    public static PhraseIndex<string> Of(string kind) =>
        ByKind.Value.TryGetValue(kind, out var index) ? index : throw new InvalidOperationException($"cues.tsv has no '{kind}' cues.");
}
