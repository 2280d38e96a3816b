using System.Text.RegularExpressions;

namespace ParseJobs.Extraction.Cv;

/// <summary>Degree levels (the profile's <c>degree_level</c>) from a degree's name in EN/DE/FR/IT; matching compares them.</summary>
public static partial class DegreeLevels
{
    public const string Doctorate = "doctorate";
    public const string Certificate = "certificate";
    public const string Master = "master";
    public const string Bachelor = "bachelor";
    public const string Apprenticeship = "apprenticeship";
    public const string Baccalaureate = "baccalaureate";
    public const string Diploma = "diploma";

    /// <summary>The level of a degree as printed ("MSc Computer Science" → master), or "" when the name does not tell.</summary>
    public static string Of(string degree)
    {
        ArgumentNullException.ThrowIfNull(degree);
        var d = CvText.Fold(degree);
        if (DoctoratePattern().IsMatch(d))
            return Doctorate;
        if (CertificatePattern().IsMatch(d))
            return Certificate;
        // Engineering diplomas of the French and German systems and the Italian laurea magistrale are master-level.
        if (MasterPattern().IsMatch(d))
            return Master;
        if (BachelorPattern().IsMatch(d))
            return Bachelor;
        if (ApprenticeshipPattern().IsMatch(d))
            return Apprenticeship;
        if (BaccalaureatePattern().IsMatch(d))
            return Baccalaureate;
        if (DiplomaPattern().IsMatch(d))
            return Diploma;
        return "";
    }

    [GeneratedRegex(@"\b(phd|ph\.d|doktor|doctorat|dottorato|dr\.)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DoctoratePattern();

    [GeneratedRegex(@"\b(cas|das|certificate|zertifikat|certificat|certificato|fachausweis)\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CertificatePattern();

    [GeneratedRegex(@"\b(master|msc|ma|mba|emba|mas|meng|llm|magister)\b|diplome d.ingenieur|diplom-ingenieur|dipl\.-ing|laurea (magistrale|specialistica)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MasterPattern();

    [GeneratedRegex(@"\b(bachelor|bsc|ba|beng|llb|licence|laurea)\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BachelorPattern();

    [GeneratedRegex(@"\b(efz|eba|lehre|apprenticeship|apprentissage|apprendistato)\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ApprenticeshipPattern();

    [GeneratedRegex(@"\b(matura|maturitat|maturite|maturita|baccalaureate|baccalaureat|abitur|a-levels?|high school diploma)\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BaccalaureatePattern();

    [GeneratedRegex(@"\b(diplom|diploma|diplome|dipl\.)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DiplomaPattern();
}
