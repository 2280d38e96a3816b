using System.Text.RegularExpressions;

namespace ParseJobs.Extraction.Cv;

/// <summary>Spoken languages and their levels.</summary>
internal static partial class LanguagesReader
{
    public static List<LanguageSkill> Read(List<CvSection> sections)
    {
        var result = new List<LanguageSkill>();
        LanguageSkill? pending = null;
        // Grid layouts print the names first, then the levels in the same order ("English", "German", "Native", "Good"):
        // the languages still waiting for a level take the level lines in turn.
        var waiting = new Queue<LanguageSkill>();
        foreach (var raw in sections.Where(s => s.Kind == SectionKind.Languages).SelectMany(s => s.Lines))
        {
            foreach (var piece in SplitLanguagePieces(CvText.StripBullet(raw)))
            {
                var name = LanguageLevelMapper.LeadingLanguage(piece) ?? UnknownLanguage(piece);
                if (name is not null)
                {
                    var rest = piece[name.Length..].Trim().TrimStart('–', '-', ':', ',', '—', '|').Trim();
                    rest = Unwrap(rest);
                    pending = new LanguageSkill { Language = name, Proficiency = rest, StandardProficiency = LanguageLevelMapper.Standard(rest) };
                    result.Add(pending);
                    if (rest.Length == 0)
                        waiting.Enqueue(pending);
                    else
                        waiting.Clear();
                    continue;
                }

                if (waiting.Count > 0)
                {
                    pending = waiting.Dequeue();
                    pending.Proficiency = Unwrap(piece.Trim());
                }
                else if (pending is null)
                {
                    continue;
                }
                else if (pending.Proficiency.Length == 0)
                {
                    pending.Proficiency = Unwrap(piece.Trim());
                }
                else if (piece.StartsWith('(') || char.IsLower(piece[0]))
                {
                    pending.Proficiency = Unwrap(pending.Proficiency + " " + piece.Trim());
                }
                else
                {
                    continue;
                }

                pending.StandardProficiency = LanguageLevelMapper.Standard(pending.Proficiency);
            }
        }

        return result.Count > 0 ? result : FromHeader(sections[0].Lines);
    }

    /// <summary>Without a languages section, a cell of the contact block that lists only language names ("English,
    /// French, Italian" beside an icon) gives the languages, without levels.</summary>
    private static List<LanguageSkill> FromHeader(List<string> header)
    {
        foreach (var cell in header.SelectMany(l => l.Split('\t')))
        {
            var names = ListSeparator().Split(cell).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
            if (names.Count >= 2 && names.TrueForAll(n => LanguageLevelMapper.LeadingLanguage(n) is { } name && name.Length == n.Length))
                return names.ConvertAll(n => new LanguageSkill { Language = n });
        }

        return [];
    }

    private static IEnumerable<string> SplitLanguagePieces(string line)
    {
        var pieces = line.Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var piece in pieces)
        {
            // "English, German", "Deutsch: Muttersprache · Spanisch: gut": several languages on one line.
            var commaParts = ListSeparator().Split(piece).Select(p => p.Trim()).Where(p => p.Length > 0).ToArray();
            if (commaParts.Length > 1 && commaParts.All(p => LanguageLevelMapper.LeadingLanguage(p) is not null))
            {
                foreach (var p in commaParts)
                    yield return p;
            }
            else
            {
                yield return piece;
            }
        }
    }

    private static string? UnknownLanguage(string piece)
    {
        var m = NameBeforeLevel().Match(piece);
        // "Beginner (A1)" on the line under its language is the level, not another language.
        return m.Success && !LanguageLevelMapper.IsLevelWord(m.Groups["name"].Value) ? m.Groups["name"].Value : null;
    }

    private static string Unwrap(string text)
    {
        var t = text.Trim();
        if (t.StartsWith('(') && t.EndsWith(')'))
            t = t[1..^1].Trim();
        return t;
    }

    [GeneratedRegex(@"[,;]|\s+[·•|]\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ListSeparator();

    [GeneratedRegex(@"^(?<name>\p{Lu}\p{Ll}+)\s*(?:[–:\-—]\s+|\()", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NameBeforeLevel();
}
