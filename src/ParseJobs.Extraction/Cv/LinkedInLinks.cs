using ParseJobs.Extraction.Documents;

namespace ParseJobs.Extraction.Cv;

/// <summary>LinkedIn profiles carried only by a PDF link annotation: the page shows a label ("LinkedIn", an icon,
/// the person's name) and the URI lies behind it, so the reading-order text has no handle to read.</summary>
internal static class LinkedInLinks
{
    /// <summary>Fills an empty <see cref="PersonalInfo.LinkedIn"/> from the first link to a LinkedIn profile.</summary>
    public static void Apply(PersonalInfo info, LayoutDocument layout)
    {
        if (info.LinkedIn.Length > 0)
            return;
        foreach (var (_, link) in layout.Links())
        {
            if (ContactPatterns.LinkedInUrlPattern().Match(Uri.UnescapeDataString(link.Uri)) is { Success: true } m)
            {
                info.LinkedIn = PersonalInfoReader.LinkedInUrl(m.Groups[1].Value);
                return;
            }
        }
    }
}
