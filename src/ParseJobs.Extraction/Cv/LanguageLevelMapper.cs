using System.Text.RegularExpressions;

namespace ParseJobs.Extraction.Cv;

/// <summary>Recognises spoken-language names (EN/DE/FR/IT) and reads CEFR levels (A1–C2) that are printed.</summary>
internal static partial class LanguageLevelMapper
{
    private static readonly HashSet<string> Names = BuildNames();

    /// <summary>True when the text (folded) is a language name.</summary>
    public static bool IsLanguage(string text) => Names.Contains(CvText.Fold(text).Trim());

    /// <summary>The longest language name at the start of the text, as printed, or null.</summary>
    public static string? LeadingLanguage(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var n = Math.Min(3, words.Length); n >= 1; n--)
        {
            var candidate = string.Join(' ', words.Take(n)).TrimEnd(':', ',', '-', '–').Trim();
            if (IsLanguage(candidate))
                return candidate;
        }

        return null;
    }

    private static readonly HashSet<string> LevelWords = new[]
    {
        "native", "mother", "fluent", "beginner", "basic", "basics", "elementary", "intermediate", "advanced", "good", "proficient",
        "business", "conversational", "professional", "bilingual", "muttersprache", "fliessend", "fließend", "gut", "gute", "sehr",
        "grundkenntnisse", "verhandlungssicher", "anfänger", "maternelle", "courant", "bilingue", "notions", "débutant", "intermédiaire",
        "avancé", "bon", "bonne", "madrelingua", "fluente", "buono", "buona", "base", "discreto", "ottimo", "avanzato", "scolastico",
    }.Select(CvText.Fold).ToHashSet(StringComparer.Ordinal);

    /// <summary>A word that names a level of a language ("Beginner", "fliessend", "courant"), not a language.</summary>
    public static bool IsLevelWord(string word) => LevelWords.Contains(CvText.Fold(word).Trim());

    /// <summary>The CEFR level printed in the text ("C1", "B2+"), or "".</summary>
    public static string Cefr(string text)
    {
        var m = CefrPattern().Match(text);
        return m.Success ? m.Groups[1].Value.ToUpperInvariant() : "";
    }

    /// <summary>The CEFR level of a printed proficiency: the code when one is printed, else the level of the longest
    /// level word of the table in contracts/language-levels.md (the same in every language), else "" (never guessed).</summary>
    public static string Standard(string proficiency)
    {
        var printed = Cefr(proficiency);
        if (printed.Length > 0 || proficiency.Length == 0)
            return printed;
        var folded = " " + WordSeparator().Replace(CvText.Fold(proficiency), " ") + " ";
        foreach (var (words, level) in LevelTable)
        {
            if (folded.Contains(words, StringComparison.Ordinal))
                return level;
        }

        return "";
    }

    // Longest phrases first, so that "very good" is C1 before "good" is B2 and "gute Kenntnisse" B2 before "gut".
    private static readonly (string Words, string Level)[] LevelTable = BuildLevelTable();

    private static (string, string)[] BuildLevelTable()
    {
        (string Level, string[] Words)[] table =
        [
            ("C2", ["native", "native speaker", "mother tongue", "first language", "bilingual", "muttersprache", "muttersprachlich", "erstsprache",
                "zweisprachig", "langue maternelle", "bilingue", "madrelingua", "lingua madre"]),
            ("C1", ["fluent", "proficient", "excellent", "very good", "business fluent", "fließend", "fliessend", "verhandlungssicher", "sehr gut",
                "sehr gute", "sehr gute kenntnisse", "ausgezeichnet", "courant", "couramment", "très bien", "très bonnes connaissances", "fluente",
                "ottimo", "ottima", "ottima conoscenza", "eccellente"]),
            ("B2", ["good", "good working knowledge", "upper intermediate", "upper-intermediate", "gut", "gute", "gute kenntnisse", "bon", "bonne",
                "bien", "bonnes connaissances", "buono", "buona", "buona conoscenza"]),
            ("B1", ["intermediate", "conversational", "working knowledge", "mittelstufe", "solide grundkenntnisse", "erweiterte grundkenntnisse",
                "intermédiaire", "connaissances moyennes", "intermedio", "discreto"]),
            ("A2", ["basic", "basic knowledge", "basics", "elementary", "grundkenntnisse", "basiskenntnisse", "notions", "connaissances de base",
                "élémentaire", "base", "conoscenza di base", "elementare", "scolastico"]),
            ("A1", ["beginner", "anfänger", "débutant", "principiante"]),
        ];
        return table.SelectMany(row => row.Words.Select(w => (" " + WordSeparator().Replace(CvText.Fold(w), " ") + " ", row.Level)))
            .OrderByDescending(e => e.Item1.Length).ToArray();
    }

    private static HashSet<string> BuildNames()
    {
        string[] names =
        [
            "english", "englisch", "anglais", "inglese", "german", "deutsch", "allemand", "tedesco", "hochdeutsch",
            "swiss german", "schweizerdeutsch", "suisse allemand", "svizzero tedesco", "french", "französisch", "français", "francese",
            "italian", "italienisch", "italien", "italiano", "spanish", "spanisch", "espagnol", "spagnolo", "portuguese", "portugiesisch",
            "portugais", "portoghese", "dutch", "niederländisch", "néerlandais", "olandese", "russian", "russisch", "russe", "russo",
            "chinese", "mandarin", "mandarin chinese", "chinesisch", "chinois", "cinese", "turkish", "türkisch", "turc", "turco",
            "polish", "polnisch", "polonais", "polacco", "arabic", "arabisch", "arabe", "arabo", "japanese", "japanisch", "japonais",
            "giapponese", "korean", "koreanisch", "coréen", "coreano", "hindi", "greek", "griechisch", "grec", "greco", "swedish",
            "schwedisch", "suédois", "svedese", "norwegian", "norwegisch", "norvégien", "norvegese", "danish", "dänisch", "danois",
            "danese", "finnish", "finnisch", "finnois", "finlandese", "czech", "tschechisch", "tchèque", "ceco", "hungarian",
            "ungarisch", "hongrois", "ungherese", "romanian", "rumänisch", "roumain", "rumeno", "serbian", "serbisch", "serbe", "serbo",
            "croatian", "kroatisch", "croate", "croato", "albanian", "albanisch", "albanais", "albanese", "romansh", "rätoromanisch",
            "romanche", "romancio", "ukrainian", "ukrainisch", "ukrainien", "ucraino", "hebrew", "hebräisch", "hébreu", "ebraico",
            "persian", "farsi", "persisch", "persan", "persiano", "bulgarian", "bulgarisch", "bulgare", "bulgaro", "slovak", "slowakisch",
            "slovaque", "slovacco", "slovenian", "slowenisch", "slovène", "sloveno", "tamil", "thai", "vietnamese", "vietnamesisch",
            "vietnamien", "vietnamita", "indonesian", "malay", "bengali", "urdu", "punjabi", "cantonese", "kantonesisch", "cantonais",
            "cantonese", "latin", "latein", "latin", "latino", "catalan", "katalanisch", "catalano", "tigrinya", "kurdish", "kurdisch",
        ];
        return names.Select(CvText.Fold).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"\b([ABC][12])\b\+?", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CefrPattern();

    [GeneratedRegex(@"[^\p{L}\p{N}]+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WordSeparator();
}
