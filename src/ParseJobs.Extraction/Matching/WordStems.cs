namespace ParseJobs.Extraction.Matching;

/// <summary>A light suffix stemmer for EN/DE/FR/IT skill words: enough to see "negotiating" in "Negotiation" and "cold
/// calls" in "Cold Calling", not a linguistic analysis. Words of four letters or less stay as they are.</summary>
internal static class WordStems
{
    // Longest first; each leaves at least four letters.
    private static readonly string[] Suffixes =
    [
        "ations", "ation", "ements", "ement", "ments", "ment", "ungen", "ions", "ing", "ion", "ies", "ied", "ers", "al", "ed",
        "er", "es", "en", "ung", "s", "e", "y",
    ];

    public static string Stem(string word)
    {
        if (word.Length <= 4)
            return word;
        foreach (var suffix in Suffixes)
        {
            if (word.Length - suffix.Length >= 4 && word.EndsWith(suffix, StringComparison.Ordinal))
                return word[..^suffix.Length];
        }

        return word;
    }

    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal) { "and", "of", "the", "for", "in", "und", "der", "die", "das", "von", "et", "de", "des", "du", "la", "e", "di", "del" };

    /// <summary>The first six letters of each word of a phrase (its stem when shorter), without filler words.</summary>
    public static string[] Prefixes(string phraseKey) =>
        phraseKey.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Filler.Contains(w))
            .Select(w => Stem(w)).Select(w => w.Length > 6 ? w[..6] : w).Distinct(StringComparer.Ordinal).ToArray();

    public static string[] Of(string phraseKey) => phraseKey.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Stem).ToArray();

    /// <summary>True when the stems occur in a row in the stemmed words.</summary>
    public static bool Find(string[] words, string[] stems)
    {
        for (var i = 0; i + stems.Length <= words.Length; i++)
        {
            var all = true;
            for (var j = 0; j < stems.Length && all; j++)
                all = string.Equals(words[i + j], stems[j], StringComparison.Ordinal);
            if (all)
                return true;
        }

        return false;
    }
}
