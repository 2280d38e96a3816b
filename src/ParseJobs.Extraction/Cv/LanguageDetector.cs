using System.Text.RegularExpressions;

namespace ParseJobs.Extraction.Cv;

/// <summary>A detected document language (ISO 639-1) and the share of the evidence that points to it.</summary>
public sealed record DetectedLanguage(string Code, double Confidence);

/// <summary>
/// Tells English, German, French and Italian apart by their most frequent function words and CV headings:
/// CVs are short and full of names and tools, so a few hundred common words carry the signal.
/// </summary>
public static partial class LanguageDetector
{
    public const string Unknown = "";

    private static readonly Dictionary<string, string[]> Markers = new(StringComparer.Ordinal)
    {
        ["en"] = ["the", "and", "of", "for", "with", "in", "to", "at", "as", "experience", "education", "skills", "languages", "present",
            "responsible", "management", "development", "university", "work", "professional", "summary", "hobbies", "interests", "since", "from"],
        ["de"] = ["und", "der", "die", "das", "mit", "für", "von", "bei", "im", "zur", "zum", "als", "berufserfahrung", "ausbildung", "kenntnisse",
            "sprachen", "heute", "seit", "verantwortlich", "entwicklung", "hochschule", "universität", "weiterbildung", "muttersprache", "gute"],
        ["fr"] = ["et", "de", "des", "du", "la", "le", "les", "pour", "avec", "en", "au", "expérience", "formation", "compétences", "langues",
            "aujourd'hui", "depuis", "responsable", "gestion", "développement", "université", "loisirs", "maternelle", "professionnelle", "école"],
        ["it"] = ["e", "di", "del", "della", "il", "la", "per", "con", "in", "al", "esperienza", "formazione", "competenze", "lingue", "oggi",
            "dal", "responsabile", "gestione", "sviluppo", "università", "madrelingua", "professionale", "interessi", "scuola", "presso"],
    };

    private static readonly Dictionary<string, HashSet<string>> MarkerSets =
        Markers.ToDictionary(m => m.Key, m => m.Value.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

    public static DetectedLanguage Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var counts = MarkerSets.Keys.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        foreach (Match word in WordPattern().Matches(text.Length > 200_000 ? text[..200_000] : text))
        {
            var token = word.Value.ToLowerInvariant();
            foreach (var (language, markers) in MarkerSets)
            {
                if (markers.Contains(token))
                    counts[language]++;
            }
        }

        var total = counts.Values.Sum();
        if (total == 0)
            return new DetectedLanguage(Unknown, 0);
        var best = counts.MaxBy(c => c.Value);
        return new DetectedLanguage(best.Key, Math.Round(best.Value / (double)total, 2));
    }

    [GeneratedRegex(@"[\p{L}']+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WordPattern();
}
