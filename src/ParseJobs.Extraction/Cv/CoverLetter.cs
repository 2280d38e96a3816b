using System.Text.RegularExpressions;

namespace ParseJobs.Extraction.Cv;

/// <summary>An application bundle puts a cover letter before the CV: its recipient's address and its prose are not
/// the candidate's profile. A letter is told by its salutation near the top; the CV starts at its title
/// ("Lebenslauf", "Curriculum Vitae") or, without one, at the first section heading after the closing formula.</summary>
internal static partial class CoverLetter
{
    public static List<string> Skip(List<string> lines)
    {
        var salutation = lines.Take(40).ToList().FindIndex(l => Salutation().IsMatch(l));
        if (salutation < 0)
            return lines;
        var title = lines.FindIndex(salutation + 1, l => CvTitle().IsMatch(l.Trim()));
        if (title > 0)
            return lines.Skip(title + 1).ToList();
        var closing = lines.FindIndex(salutation + 1, l => Closing().IsMatch(l));
        if (closing < 0)
            return lines;
        var heading = lines.FindIndex(closing + 1, l => SectionDetector.Classify(l.Split('\t')[0]) is not null);
        return heading > 0 ? lines.Skip(heading).ToList() : lines;
    }

    [GeneratedRegex(@"^(?:sehr geehrte[rn]?|liebe[rs]?|dear|to whom it may concern|madame|monsieur|cher|chère|gentil[ei]ssim[oa]|gentile|egregi[oa]|spettabile)\b", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Salutation();

    [GeneratedRegex(@"^(?:lebenslauf|curriculum vitae|cv|résumé|resume|tabellarischer lebenslauf)$", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CvTitle();

    [GeneratedRegex(@"^(?:mit freundlichen gr[üu](?:ß|ss)en|freundliche gr[üu](?:ß|ss)e|beste gr[üu](?:ß|ss)e|sincerely|yours sincerely|yours faithfully|kind regards|best regards|regards|cordialement|bien cordialement|veuillez agréer|distinti saluti|cordiali saluti|in attesa)", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Closing();
}
