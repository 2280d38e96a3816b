using ParseJobs.Extraction.Cv;

namespace ParseJobs.Extraction.Matching;

/// <summary>A skill found in running text: the taxonomy's canonical name and the words that named it.</summary>
internal sealed record SkillHit(string Canonical, string Surface, bool IsCanonicalName, int Position);

/// <summary>Finds the taxonomy's skills (canonical names and aliases) in running text, longest name first, on word
/// boundaries. Names that are also ordinary words ("Go", "R", "Excel" in "excel at") count in prose only when written
/// with the taxonomy's capitals; in a skills list every item is looked up whole (SkillTaxonomy).</summary>
internal static class SkillScanner
{
    private static readonly Lazy<Index> Names = new(Build);

    /// <summary>The canonical names, by comparison key.</summary>
    public static bool IsKnown(string name) => SkillTaxonomy.TryFind(name, out _);

    public static IReadOnlyList<SkillHit> Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var index = Names.Value;
        var tokens = Tokenize(text);
        var hits = new List<SkillHit>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var found = false;
            for (var n = Math.Min(index.MaxWords, tokens.Count - i); n >= 1 && !found; n--)
            {
                var key = string.Join(' ', tokens.Skip(i).Take(n).Select(t => t.Key));
                if (!index.ByKey.TryGetValue(key, out var entry))
                    continue;
                var surface = text[tokens[i].Start..tokens[i + n - 1].End];
                if (entry.CaseSensitive && !string.Equals(surface, entry.Name, StringComparison.Ordinal))
                    continue;
                hits.Add(new SkillHit(entry.Canonical, surface, string.Equals(entry.Key, SkillTaxonomy.Key(entry.Canonical), StringComparison.Ordinal), tokens[i].Start));
                i += n - 1;
                found = true;
            }
        }

        return hits;
    }

    /// <summary>Words with their comparison keys; '#', '+', '.' and '/' stay inside a word (C#, C++, Node.js, CI/CD),
    /// a word's trailing dot does not ("React.").</summary>
    internal static List<Token> Tokenize(string text) => Tokenize(text, splitUnknownSlashes: true);

    private static List<Token> Tokenize(string text, bool splitUnknownSlashes)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !IsWordChar(text[i]))
                i++;
            var start = i;
            while (i < text.Length && (IsWordChar(text[i]) || (text[i] is '.' or '/' or '\'' or '’' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))))
                i++;
            if (i > start)
                AddWord(text, start, i, tokens, splitUnknownSlashes);
        }

        return tokens;
    }

    private static void AddWord(string text, int start, int end, List<Token> tokens, bool splitUnknownSlashes)
    {
        var word = text[start..end];
        var slash = word.IndexOf('/', StringComparison.Ordinal);
        // "Statistik/Mathematik" is two words; "CI/CD" and "TCP/IP" are names.
        if (slash > 0 && splitUnknownSlashes && !Names.Value.ByKey.ContainsKey(SkillTaxonomy.Key(word)))
        {
            AddWord(text, start, start + slash, tokens, splitUnknownSlashes);
            AddWord(text, start + slash + 1, end, tokens, splitUnknownSlashes);
            return;
        }

        var key = SkillTaxonomy.Key(word);
        if (key.Length > 0)
            tokens.Add(new Token(key, start, end));
    }

    // Hyphens separate words ("SQL-Abfragen", "Key-Account-Management"), as SkillTaxonomy.Key does.
    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '#' or '+' or '&';

    internal readonly record struct Token(string Key, int Start, int End);

    private sealed record Entry(string Name, string Key, string Canonical, bool CaseSensitive);

    private sealed record Index(Dictionary<string, Entry> ByKey, int MaxWords);

    private static Index Build()
    {
        var ambiguous = MatchingData.Lines("ambiguous.tsv").Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
        var byKey = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var maxWords = 1;
        foreach (var row in SkillTaxonomy.LoadRows())
        {
            foreach (var name in row.Names)
            {
                // The key of a name is the keys of its words: "SQL-Abfragen" is found as "sql abfragen".
                var key = string.Join(' ', Tokenize(name, splitUnknownSlashes: false).Select(t => t.Key));
                if (key.Length == 0 || byKey.ContainsKey(key))
                    continue;
                var caseSensitive = ambiguous.Contains(name) || (name.Length <= 2 && !name.Any(char.IsDigit));
                byKey[key] = new Entry(name, key, row.Canonical, caseSensitive);
                maxWords = Math.Max(maxWords, key.Count(c => c == ' ') + 1);
            }
        }

        return new Index(byKey, maxWords);
    }

    /// <summary>The comparison key of a phrase, word by word (as <see cref="Scan"/> compares).</summary>
    public static string PhraseKey(string phrase) => string.Join(' ', Tokenize(phrase).Select(t => t.Key));

    /// <summary>Where (the word index) <paramref name="phraseKey"/> first occurs in the words, or -1.</summary>
    public static int FindPhrase(IReadOnlyList<Token> tokens, string phraseKey)
    {
        var words = phraseKey.Split(' ');
        for (var i = 0; i + words.Length <= tokens.Count; i++)
        {
            var all = true;
            for (var j = 0; j < words.Length && all; j++)
                all = string.Equals(tokens[i + j].Key, words[j], StringComparison.Ordinal);
            if (all)
                return i;
        }

        return -1;
    }
}
