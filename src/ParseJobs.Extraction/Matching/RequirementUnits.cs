using System.Text.RegularExpressions;
using ParseJobs.Extraction.Cv;

namespace ParseJobs.Extraction.Matching;

internal enum RequirementKind
{
    None,
    Core,
    Nice,
}

/// <summary>A sentence or bullet of a job description and what it asks for.</summary>
internal sealed record RequirementUnit(string Text, RequirementKind Kind, bool IsListItem);

/// <summary>Cuts a job description into sentences and bullets and gives each its kind: from its own cue words, else from
/// the heading above it (a requirements heading makes its bullets core, a tasks or benefits heading makes them nothing).</summary>
internal static partial class RequirementUnits
{
    private enum Section
    {
        Neutral,
        Core,
        Nice,
        Ignore,
    }

    public static List<RequirementUnit> Read(IReadOnlyList<string> lines, int start)
    {
        var units = new List<RequirementUnit>();
        var section = Section.Neutral;
        for (var i = start; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
                continue;
            var isBullet = CvText.StartsWithBullet(line);
            if (!isBullet && IsHeading(line, NextLine(lines, i)))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var heading = colon > 0 ? line[..colon] : line;
                section = HeadingSection(heading);
                var rest = colon > 0 ? line[(colon + 1)..].Trim() : "";
                if (rest.Length > 0)
                    AddSentences(units, rest, section);
                continue;
            }

            if (isBullet)
            {
                var item = CvText.StripBullet(line);
                var kind = section == Section.Ignore ? RequirementKind.None : KindOf(item, Fallback(section));
                units.Add(new RequirementUnit(item, kind, IsListItem: true));
                continue;
            }

            AddSentences(units, line, section);
        }

        return units;
    }

    private static void AddSentences(List<RequirementUnit> units, string paragraph, Section section)
    {
        var first = units.Count;
        foreach (var sentence in SentenceBreak().Split(paragraph).Select(s => s.Trim()).Where(s => s.Length > 0))
        {
            var kind = section == Section.Ignore ? RequirementKind.None : KindOf(sentence, Fallback(section));
            // "These are required." / "Das ist ein Plus.": a short cue sentence speaks of the sentence before it.
            if (kind != RequirementKind.None && CvText.WordCount(sentence) <= 6 && units.Count > first && units[^1].Kind == RequirementKind.None
                && SkillScanner.Scan(sentence).Count == 0)
            {
                units[^1] = units[^1] with { Kind = kind };
                continue;
            }

            units.Add(new RequirementUnit(sentence, kind, IsListItem: false));
        }
    }

    private static RequirementKind Fallback(Section section) => section switch
    {
        Section.Core => RequirementKind.Core,
        Section.Nice => RequirementKind.Nice,
        _ => RequirementKind.None,
    };

    /// <summary>Nice-to-have wins over required in one sentence ("a plus, but not required").</summary>
    internal static RequirementKind KindOf(string sentence, RequirementKind fallback)
    {
        if (Cues.Of("nice").ContainsAny(sentence))
            return RequirementKind.Nice;
        if (Cues.Of("core").ContainsAny(sentence))
            return RequirementKind.Core;
        return fallback;
    }

    private static Section HeadingSection(string heading)
    {
        if (Cues.Of("nice").ContainsAny(heading))
            return Section.Nice;
        if (Cues.Of("ignore").ContainsAny(heading))
            return Section.Ignore;
        return Cues.Of("core").ContainsAny(heading) ? Section.Core : Section.Neutral;
    }

    /// <summary>"Requirements:", "Ihr Profil", "Nice to have" above bullets: a short line, not a sentence.</summary>
    private static bool IsHeading(string line, string? next)
    {
        var words = CvText.WordCount(line);
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (line.EndsWith(':') && words <= 10)
            return true;
        if (colon > 0 && CvText.WordCount(line[..colon]) <= 4)
            return true;
        return words <= 6 && !line.EndsWith('.') && !line.Contains(',', StringComparison.Ordinal) && next is not null && CvText.StartsWithBullet(next);
    }

    private static string? NextLine(IReadOnlyList<string> lines, int i)
    {
        for (var j = i + 1; j < lines.Count; j++)
        {
            if (lines[j].Length > 0)
                return lines[j];
        }

        return null;
    }

    [GeneratedRegex(@"(?<=[.!?;])\s+(?=[\p{Lu}\d])", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SentenceBreak();
}
