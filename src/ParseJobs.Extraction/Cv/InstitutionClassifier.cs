using System.Text.RegularExpressions;

namespace ParseJobs.Extraction.Cv;

/// <summary>
/// The kind of school an education entry names, from the words of its name in EN/DE/FR/IT (and, where the name
/// says nothing, from the degree): university, university_of_applied_sciences, school (Gymnasium, lycée, liceo,
/// high school) or vocational_school (Berufsschule, école professionnelle); "" when the name does not tell.
/// </summary>
internal static partial class InstitutionClassifier
{
    public const string University = "university";
    public const string AppliedSciences = "university_of_applied_sciences";
    public const string School = "school";
    public const string Vocational = "vocational_school";

    public static string Classify(string institution, string degreeLevel)
    {
        var name = " " + CvText.Fold(institution) + " ";
        if (AppliedSciencesPattern().IsMatch(name))
            return AppliedSciences;
        if (VocationalPattern().IsMatch(name))
            return Vocational;
        if (SchoolPattern().IsMatch(name))
            return School;
        if (UniversityPattern().IsMatch(name))
            return University;
        return degreeLevel switch
        {
            "apprenticeship" => Vocational,
            "baccalaureate" => School,
            "bachelor" or "master" or "doctorate" when institution.Length > 0 => University,
            _ => "",
        };
    }

    // Swiss and German Fachhochschulen, French hautes écoles, Italian SUPSI: names or their usual abbreviations.
    [GeneratedRegex(@"fachhochschule|angewandte wissenschaften|applied sciences|haute[s]? ecole|\bhes(-so)?\b|\bheig\b|\bzhaw\b|\bfhnw\b|\bsupsi\b|\bhslu\b|\bbfh\b|scuola universitaria professionale|(?<!technische |padagogische |eidgenossische technische )hochschule (luzern|fur|der|zurich|rapperswil|mittweida)|\bfh\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AppliedSciencesPattern();

    [GeneratedRegex(@"berufsschule|berufsfachschule|berufsbildung|gewerbeschule|gewerblich|handelsschule|\bkv\b|ecole professionnelle|centre professionnel|scuola professionale|istituto professionale|vocational|trade school|technical college", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex VocationalPattern();

    [GeneratedRegex(@"gymnasium|kantonsschule|mittelschule|\blycee\b|\bliceo\b|high school|secondary school|grammar school|sixth form|realschule|sekundarschule|college of further education", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SchoolPattern();

    [GeneratedRegex(@"universit|\beth\b|\bepfl\b|polytechn|politecnico|technische hochschule|\bcollege\b|institute of technology|\bmit\b|business school|\binsead\b|\bhsg\b|grande ecole|sciences po|\binsa\b|ecole normale|ecole centrale", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UniversityPattern();
}
