using System.Buffers;
using System.Text;

namespace ParseJobs.Api.Ats.Projects.ReadModel;

/// <summary>
/// The file names of profile PDFs and of a project's ZIP: "Profile - Sara Forconi.pdf", "Candidate 3.pdf". Names come
/// from CVs, so they are made safe for every file system and for a header: no path separators, control or reserved
/// characters, no leading dots, bounded length. Letters of every script stay (the header carries them as filename*).
/// </summary>
public static class ProfileFileNames
{
    private const int MaxStemLength = 120;

    // Reserved on Windows or special in shells and headers; path separators of every system.
    private static readonly SearchValues<char> Unsafe = SearchValues.Create("<>:\"/\\|?*;%\u007f");

    public static string For(CandidateView candidate, bool anonymised) =>
        anonymised ? $"{Safe(candidate.AnonymousLabel)}.pdf"
        : $"Profile - {Safe(string.IsNullOrWhiteSpace(candidate.Name) ? candidate.AnonymousLabel : candidate.Name)}.pdf";

    public static string ForZip(string projectName, bool anonymised) =>
        $"{Safe(projectName)} - {(anonymised ? "anonymised profiles" : "profiles")}.zip";

    /// <summary>A file name stem with the unsafe characters replaced and white space collapsed; "profile" when nothing is left.</summary>
    public static string Safe(string text)
    {
        var stem = new StringBuilder(Math.Min(text.Length, MaxStemLength));
        var space = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var unsafeChar = rune.IsBmp && Unsafe.Contains((char)rune.Value);
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune) || unsafeChar
                || Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.Surrogate)
            {
                space = stem.Length > 0;
                continue;
            }

            if (space)
            {
                stem.Append(' ');
                space = false;
            }

            if (stem.Length + rune.Utf16SequenceLength > MaxStemLength)
            {
                break;
            }

            stem.Append(rune.ToString());
        }

        var name = stem.ToString().Trim().TrimStart('.', ' ').TrimEnd('.', ' ');
        return name.Length == 0 ? "profile" : name;
    }

    /// <summary>Names made unique within one archive: the second "Profile - Anna Meier.pdf" becomes "Profile - Anna Meier (2).pdf".</summary>
    public sealed class UniqueNames
    {
        private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

        public string Claim(string fileName)
        {
            if (_used.Add(fileName))
            {
                return fileName;
            }

            var extension = Path.GetExtension(fileName);
            var stem = fileName[..^extension.Length];
            for (var n = 2; ; n++)
            {
                var candidate = $"{stem} ({n}){extension}";
                if (_used.Add(candidate))
                {
                    return candidate;
                }
            }
        }
    }
}
