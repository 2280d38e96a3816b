using System.Text.RegularExpressions;

namespace ParseJobs.Extraction.Cv;

/// <summary>Splits a printed degree into the degree and its field of study: "B.Sc. in Computer Science",
/// "Master of Engineering – Architecture", "MEng, Accounting and Finance", "Laurea magistrale in Ingegneria",
/// "Licence en droit", "Master of Science Physics". The degree is recognised by its name (EN/DE/FR/IT); a
/// certificate or apprenticeship title ("CAS in Project Management", "AFC di logistico") is a name as a whole.</summary>
internal static partial class DegreeSplitter
{
    /// <summary>The degree and the field ("" when none is printed or the text is no known degree).</summary>
    public static (string Degree, string Field) Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim().TrimEnd('.', ',', ';').Trim();
        if (Labelled(t) is { } labelled)
            return labelled;
        var head = DegreeHead().Match(t);
        if (!head.Success)
            return (t, GenericInField(t));
        var degree = head.Value.Trim();
        var rest = t[head.Length..];
        if (OfContinuation().IsMatch(rest))
            return (t, ""); // "Master of Management": an unlisted "of" name is the degree's own
        var field = Connector().Replace(rest, "").Trim().TrimEnd('.').Trim();
        if (rest.Length > 0 && !char.IsWhiteSpace(rest[0]) && rest[0] is not (',' or '–' or '—' or '-' or ':' or '|' or '(' or '/'))
            return (t, ""); // "Masterarbeit", "Bachelorstudium": the head is part of a longer word
        return IsField(field) ? (degree, field) : (t, "");
    }

    /// <summary>The field named by its label ("Fachrichtung Elektrotechnik", "Schwerpunkt Controlling", "Major: Economics",
    /// "spécialité Finance", "indirizzo Meccanica") when the text opens with the label; else "".</summary>
    public static string LabelledField(string text) =>
        Labelled(text.Trim()) is { Degree.Length: 0 } labelled ? labelled.Field : "";

    // "Staatlich geprüfter Techniker, Fachrichtung Elektrotechnik": the degree before the label, the field after it. A
    // vocational title names its field this way rather than with "in", and is no degree name the head pattern knows.
    private static (string Degree, string Field)? Labelled(string text)
    {
        var m = FieldLabel().Match(text);
        if (!m.Success)
            return null;
        var field = m.Groups["field"].Value.Trim().TrimEnd('.').Trim();
        var degree = text[..m.Index].Trim().TrimEnd(',', ';', '–', '—', '-', '|', '(').Trim();
        return IsField(field) ? (degree, field) : null;
    }

    /// <summary>True when a whole fragment names a degree ("Bachelor of Business Administration", "MSc", "Laurea").</summary>
    public static bool IsDegree(string text) => DegreeHead().Match(text.Trim()) is { Success: true } m && m.Length >= text.Trim().TrimEnd('.').Length;

    /// <summary>True when the text starts with a degree's name.</summary>
    public static bool StartsWithDegree(string text) => DegreeHead().IsMatch(text.Trim());

    /// <summary>A field of study: a few words, no digits, no school, no degree.</summary>
    public static bool IsField(string text)
    {
        if (text.Length < 3 || text.Any(char.IsDigit) || !char.IsLetter(text[0]))
            return false;
        var words = CvText.WordCount(text);
        return words <= 7 && FieldClassifier.InstitutionScore(text) == 0 && !DegreeHead().IsMatch(text) && !GenericField().IsMatch(text)
            && !text.Contains(',', StringComparison.Ordinal) && FieldClassifier.CountryCode(text) is null;
    }

    /// <summary>True when the text names a subject: "Computer Science", "Internationale Beziehungen", "Génie chimique".
    /// Places ("Berkeley") and schools do not.</summary>
    public static bool IsSubject(string text) => IsField(text) && SubjectWord().IsMatch(CvText.Fold(text));

    // "Diplom in Informatik", "Studium der Informatik": an unlisted degree with its field after "in", "en" or "der".
    private static string GenericInField(string text)
    {
        var m = InField().Match(text);
        if (!m.Success)
            return "";
        var level = DegreeLevels.Of(m.Groups["degree"].Value);
        if (level is "" or DegreeLevels.Certificate or DegreeLevels.Apprenticeship)
            return "";
        var field = m.Groups["field"].Value.Trim();
        return IsField(field) ? field : "";
    }

    // Names of degrees, longest forms first; a school's name or "(Hons)" may follow the degree ("Bachelor of Science HES-SO").
    [GeneratedRegex("""
        ^(?:
          (?:bachelor|master|doctor|diploma|certificate|associate)\s+of\s+(?:advanced\s+studies|business\s+administration|fine\s+arts|science|arts|engineering|laws|philosophy|education|commerce|technology|music|architecture|economics)(?:\s*\([A-Z]{2,5}\))?
          | master\s+universitario(?:\s+di\s+(?:primo|secondo)\s+livello)?
          | master\s+(?:di\s+(?:primo|secondo)\s+livello|professionnel|recherche)
          | laurea(?:\s+(?:di\s+primo\s+livello|di\s+secondo\s+livello|magistrale(?:\s+a\s+ciclo\s+unico)?|specialistica|triennale|breve))?
          | licence(?:\s+professionnelle)? | licenciatura | lizentiat
          | mast[eè]re\s+sp[eé]cialis[eé]
          | dipl[oô]me\s+d['’]ing[eé]nieur | diplom-ingenieur(?:in)? | dipl\.-ing\.(?:\s*\(FH\))? | diplom-kauf(?:mann|frau) | diplom
          | doctorat(?:\s+[eè]s\s+sciences)? | dottorato(?:\s+di\s+ricerca)? | promotion(?:\s*\([^)]*\))?
          | bachelor | master
          | (?:B|M)\.\s?(?:Sc|A|Eng|Ed|S)\.? | (?:BSc|MSc|BEng|MEng|MPhil|BBA|MBA|EMBA|BA|MA|BS|MS|PhD|DPhil|LLB|LLM|MRes)\b\.? | Ph\.\s?D\.? | Dr\.\s?(?:rer\.\s?\w+\.|phil\.|sc\.\s?\w+\.|med\.|iur\.|oec\.)
        )
        (?:\s+(?:HES-SO|SUPSI|FH|ETH|HSG|USI|EPFL|\((?:Hons|ETH|FH|HES|Honours)\)))*(?=$|[\s,–—\-:|(/])
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DegreeHead();

    // What stands between a degree and its field: "in", "en", "im", "of", "di", "der", a dash, comma or colon.
    [GeneratedRegex(@"^\s*(?:[,–—\-:|/]\s*)?(?:(?:in|en|im|di|der|des|de|d['’]|in the field of|with a major in|major(?:ing)? in|mit (?:Schwerpunkt|Vertiefung))\s+)?", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Connector();

    // Words and endings of subjects in EN/DE/FR/IT (folded: no case, no accents).
    [GeneratedRegex(@"(scien\w*|engineering|informati\w*|computer|mathemati\w*|physi\w*|chemi\w*|chimi\w*|biolog\w*|econom\w*|business|management|finan\w*|accounting|\blaw\b|\w*recht\b|droit|diritto|giurisprudenza|relations|beziehungen|relazioni|studies|studien|etudes|\bstudi\b|design|archite\w*|geogra\w*|statisti\w*|psycholog\w*|medi(?:cine|zin|cina)|genie|ingegneria|\w*ingenieurwesen|\w*technik|technolog\w*|tecnolog\w*|\w*wissenschaft\w*|\w*wirtschaft\w*|\w*ologie|\w*ology|marketing|research|history|geschichte|philosoph\w*|filosofia|linguisti\w*|literat\w*|environment\w*|umwelt\w*|ambiental\w*|nursing|pflege|education|padagogik|pedagogie|pedagogia|logisti\w*|verfahrens\w*|elektro\w*|electri\w*|mechani\w*|maschinenbau|\w*informatik|geoinformati\w*|operations|energy|energie|\bart\b|arts\b|music|musik|musique|musica|language|sprach\w*|langue|lingue|\w*ik\b)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SubjectWord();

    // A field's label, at the start or after a separator: "Option" or "Major" inside a sentence is no label.
    [GeneratedRegex(@"(?:^|[,;–—|(]\s*)(?:Fachrichtung|Schwerpunkt|Studienrichtung|Studienschwerpunkt|Vertiefung(?:srichtung)?|Fachbereich|Major|Concentration|Speciali[sz]ation|Spécialité|Spécialisation|Option|Indirizzo|Specializzazione|Orientamento)\s*:?\s+(?<field>[^,;|()]+)\)?$", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FieldLabel();

    [GeneratedRegex(@"^\s+of\s", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OfContinuation();

    [GeneratedRegex(@"^(?<degree>.+?)\s+(?:in|en|der)\s+(?<field>[^,()]+)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex InField();

    [GeneratedRegex(@"^(Science|Arts|Business Administration|Engineering|Laws|Hons|Honours)$", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex GenericField();
}
