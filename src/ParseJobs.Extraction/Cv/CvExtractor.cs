using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Cv;

/// <summary>Rule-based extraction: sections by headings (EN/DE/FR/IT), then one reader per part of the profile.
/// Every value it returns is taken from the document text. A reader that fails leaves its part empty and adds an
/// <see cref="PartialWarning"/>: a document never fails for its content.</summary>
public sealed class CvExtractor : ICvExtractor
{
    /// <summary>Warning code: a part of the profile could not be read and stays empty.</summary>
    public const string PartialWarning = "EXTRACTION_PARTIAL";

    private static readonly CvFieldReader[] Standard =
    [
        new("personal_info", (d, p) => PersonalInfoReader.Fill(p.PersonalInfo, d)),
        new("professional_summary", (d, p) => p.ProfessionalSummary = SummaryReader.Read(d.Sections)),
        new("experience", (d, p) => p.Experience = ExperienceReader.Read(d.Sections)),
        new("education", (d, p) => p.Education = EducationReader.Read(d.Sections)),
        new("skills", (d, p) => p.Skills = SkillsReader.Read(d.Sections)),
        new("languages", (d, p) => p.Languages = LanguagesReader.Read(d.Sections)),
        new("hobbies_interests", (d, p) => p.HobbiesInterests = HobbiesReader.Read(d.Sections)),
    ];

    private readonly IReadOnlyList<CvFieldReader> readers;

    public CvExtractor()
        : this(Standard)
    {
    }

    internal CvExtractor(IReadOnlyList<CvFieldReader> readers) => this.readers = readers;

    public CvProfile Extract(ExtractedDocument document) => Extract(document, []);

    public CvProfile Extract(ExtractedDocument document, ICollection<DocumentWarning> warnings)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(warnings);
        var cv = CvDocument.Read(document.Text);
        var profile = new CvProfile();
        foreach (var reader in readers)
        {
            try
            {
                reader.Read(cv, profile);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A heuristic that trips on an unforeseen line costs that part of the profile, never the document.
                warnings.Add(new DocumentWarning(PartialWarning, $"The {reader.Field} part could not be read ({ex.GetType().Name}); it is left empty."));
            }
        }

        return profile;
    }
}

/// <summary>One part of the profile: its wire name (for warnings) and the reader that fills it.</summary>
internal sealed record CvFieldReader(string Field, Action<CvDocument, CvProfile> Read);
