namespace ParseJobs.Extraction.Cv;

/// <summary>Word lists that tell organisations, job titles, degrees and places apart.</summary>
internal static class FieldClassifier
{
    private static readonly string[] CompanyMarkers =
    [
        " ag", " gmbh", " ltd", " inc", " corp", " llc", " plc", " sa", " se", " sàrl", " sarl", " srl", " spa", " s.p.a", " s.a", " co.", " kg", " oy", " nv", " bv",
        " group", " gruppe", " groupe", " gruppo", " holding", " & ", " und ", " and ", " e figli", " et fils", " partner", " partners", " bank", " banque", " banca",
        " versicherung", " assurance", " assicurazioni", " consulting", " solutions", " systems", " systeme", " services", " technologies", " technik", " logistics", " logistik",
        " logistica", " analytics", " software", " engineering", " industries", " labs", " studio", " consulenza", " conseil", " beratung", " - ", " limited", " company", " gesellschaft",
    ];

    private static readonly string[] PositionWords =
    [
        "engineer", "developer", "manager", "analyst", "consultant", "specialist", "architect", "administrator", "lead", "head", "director", "scientist",
        "designer", "assistant", "officer", "controller", "accountant", "coordinator", "intern", "trainee", "owner", "master", "partner", "recruiter", "technician",
        "representative", "executive", "president", "associate", "advisor", "adviser", "expert", "programmer", "tester", "support", "operator", "buyer", "planner",
        "ingenieur", "ingenieurin", "entwickler", "entwicklerin", "leiter", "leiterin", "berater", "beraterin", "sachbearbeiter", "sachbearbeiterin", "projektleiter",
        "mitarbeiter", "mitarbeiterin", "fachperson", "fachmann", "fachfrau", "controllerin", "systemadministrator", "informatiker", "informatikerin", "kauffrau", "kaufmann",
        "verantwortlicher", "spezialist", "spezialistin", "praktikant", "praktikantin", "assistent", "assistentin", "teamleiter", "geschäftsführer", "buchhalter", "buchhalterin",
        "ingénieur", "ingénieure", "développeur", "développeuse", "chef", "cheffe", "chargé", "chargée", "responsable", "conseiller", "conseillère", "analyste", "gestionnaire",
        "directeur", "directrice", "comptable", "stagiaire", "technicien", "consultante", "administrateur",
        "architecte", "conducteur", "conductrice", "assistante", "opérateur", "opératrice", "technicienne", "acheteur", "acheteuse",
        "architetto", "operatore", "operatrice", "assistente", "coordinatore", "coordinatrice",
        "ingegnere", "sviluppatore", "sviluppatrice", "consulente", "responsabile", "direttore", "direttrice", "tecnico", "analista", "contabile", "impiegato", "impiegata",
        "capo", "addetto", "addetta", "stagista", "amministratore", "progettista",
        // founders, C-level titles, research, teaching and volunteer roles (volunteer roles count as jobs)
        "founder", "cofounder", "ceo", "cto", "cfo", "coo", "cio", "vp", "chief", "researcher", "postdoc", "professor", "lecturer", "teacher", "tutor",
        "supervisor", "volunteer", "ambassador", "editor", "writer", "secretary", "clerk", "agent", "mechanic", "electrician", "nurse", "fellow",
        "werkstudent", "werkstudentin", "lehrer", "lehrerin", "verkäufer", "verkäuferin", "betreuer", "betreuerin", "gründer", "gründerin",
        "forscher", "forscherin", "doktorand", "doktorandin", "professeur", "enseignant", "enseignante", "chercheur", "chercheuse", "vendeur", "vendeuse",
        "bénévole", "volontaire", "ambassadeur", "ambassadrice", "fondateur", "fondatrice", "ricercatore", "ricercatrice", "insegnante", "volontario",
        "volontaria", "fondatore", "fondatrice", "commesso", "commessa",
        // trades, care and service occupations (issue 9: German titles such as "Pflegefachkraft" or "Elektroniker" stayed
        // in the company line); the long ones also end compounds ("Krankenpfleger", "Elektrotechniker", "Personalreferentin")
        "fachkraft", "pflegekraft", "lehrkraft", "hilfskraft", "pfleger", "pflegerin", "helfer", "helferin", "techniker", "technikerin",
        "elektroniker", "elektronikerin", "mechaniker", "mechanikerin", "mechatroniker", "mechatronikerin", "monteur", "monteurin", "installateur",
        "erzieher", "erzieherin", "arzt", "arztin", "fachangestellte", "fachangestellter", "referent", "referentin", "disponent", "disponentin",
        "meister", "meisterin", "hebamme", "therapeut", "therapeutin", "apotheker", "apothekerin", "sozialarbeiter", "sozialarbeiterin",
        "elektriker", "fahrer", "fahrerin", "lagerist", "kassierer", "kassiererin", "sekretar", "sekretarin",
        "infirmier", "infirmiere", "aide-soignant", "aide-soignante", "infermiere", "infermiera", "elettricista", "meccanico",
        "cook", "carer", "caregiver", "paramedic", "pharmacist", "therapist", "physician", "midwife", "driver", "cashier", "receptionist",
        "bookkeeper", "auditor", "paralegal", "lawyer", "attorney", "surgeon", "inspector", "welder", "machinist", "plumber", "worker",
    ];

    private static readonly string[] InstitutionWords =
    [
        "university", "universität", "universitat", "université", "università", "universidad", "universiteit", "hochschule", "fachhochschule", "college", "school", "institute",
        "institut", "istituto", "politecnico", "polytechnic", "eth ", "eth", "epfl", "academy", "akademie", "académie", "accademia", "école", "ecole", "scuola", "liceo", "gymnasium",
        "kantonsschule", "berufsschule", "gewerbeschule", "lycée", "hes", "hes-so", "heig", "zhaw", "fhnw", "hslu", "supsi", "bfh", "ost", "hsg", "kit", "tu ", "lmu", "campus",
        "seminar", "conservatoire", "conservatorio", "berufsbildungszentrum", "handelsschule", "wifi", "sawi", "iaf",
        // vocational schools: "Berufsfachschule Uster", "Carl-Benz-Schule Mannheim", "Centre professionnel du Littoral"
        "fachschule", "-schule", "centre professionnel", "centro professionale", "centre de formation", "centro di formazione",
    ];

    private static readonly string[] DegreeWords =
    [
        "bachelor", "master", "bsc", "msc", "ba", "ma", "mba", "emba", "phd", "ph.d", "dr.", "doctor", "doktor", "doctorat", "dottorato", "diplom", "diploma", "diplôme", "efz", "eba",
        "cas", "mas", "das", "lizentiat", "licence", "license", "laurea", "matura", "maturität", "abitur", "baccalauréat", "maturité", "maturità", "certificate", "zertifikat",
        "certificat", "certificato", "apprenticeship", "lehre", "apprentissage", "apprendistato", "berufsmaturität", "fachausweis", "eidg.", "meng", "beng", "llb", "llm",
        "associate", "degree", "cfc", "afc", "a-levels", "gcse", "high school diploma", "hnd", "staatsexamen", "magister", "dipl.", "bts", "dut", "specialization", "postgraduate",
    ];

    private static readonly string[] EmploymentTypes =
    [
        "full-time", "full time", "part-time", "part time", "freelance", "contract", "temporary", "internship", "permanent",
        "vollzeit", "teilzeit", "befristet", "unbefristet", "praktikum", "festanstellung", "temps plein", "temps partiel", "cdi", "cdd", "stage", "indépendant",
        "tempo pieno", "tempo parziale", "a tempo pieno", "a tempo parziale", "tempo determinato", "tempo indeterminato", "tirocinio", "stage",
    ];

    // The texts are folded before they are compared, so the words are too ("université" → "universite").
    private static readonly string[] FoldedInstitutionWords = [.. InstitutionWords.Select(CvText.Fold).Distinct(StringComparer.Ordinal)];

    private static readonly string[] FoldedDegreeWords = [.. DegreeWords.Select(CvText.Fold).Distinct(StringComparer.Ordinal)];

    private static readonly Dictionary<string, string> Countries = BuildCountries();

    public static double CompanyScore(string text)
    {
        var t = " " + CvText.Fold(text) + " ";
        var score = CompanyMarkers.Count(m => t.Contains(m + (m.EndsWith(' ') ? "" : " "), StringComparison.Ordinal) || t.TrimEnd().EndsWith(m.TrimEnd() + ".", StringComparison.Ordinal));
        if (text.Contains(',', StringComparison.Ordinal))
            score++;
        return score;
    }

    public static double PositionScore(string text)
    {
        var words = CvText.Fold(text).Split([' ', '-', '/', '(', ')', ','], StringSplitOptions.RemoveEmptyEntries);
        return words.Count(w => PositionWords.Contains(w) || PositionWords.Any(p => p.Length >= 6 && w.EndsWith(p, StringComparison.Ordinal)));
    }

    public static double InstitutionScore(string text)
    {
        var t = " " + CvText.Fold(text).Replace("(", " ", StringComparison.Ordinal).Replace(")", " ", StringComparison.Ordinal) + " ";
        return FoldedInstitutionWords.Count(w => t.Contains(" " + w.Trim() + " ", StringComparison.Ordinal) || ((w.Length >= 8 || w[0] == '-') && t.Contains(w, StringComparison.Ordinal)));
    }

    public static double DegreeScore(string text)
    {
        var t = " " + CvText.Fold(text).Replace(",", " ", StringComparison.Ordinal) + " ";
        return FoldedDegreeWords.Count(w => t.Contains(" " + w + " ", StringComparison.Ordinal) || (w.Length >= 6 && t.Contains(w, StringComparison.Ordinal)));
    }

    public static string? EmploymentType(string text)
    {
        var t = CvText.Fold(text).Trim();
        return EmploymentTypes.Any(e => t == e || t.StartsWith(e + " (", StringComparison.Ordinal)) ? text.Trim() : null;
    }

    /// <summary>ISO code of a printed country name or code, or null.</summary>
    public static string? CountryCode(string text) =>
        Countries.TryGetValue(CvText.Fold(text).Trim().TrimEnd('.'), out var code) ? code : null;

    /// <summary>A place name: one to three capitalised words, no digits.</summary>
    public static bool LooksLikeCity(string text)
    {
        var t = text.Trim();
        if (t.Length is < 2 or > 40 || t.Any(char.IsDigit))
            return false;
        // "Yverdon-les-Bains", "La Chaux-de-Fonds": hyphenated parts count as one word, their particles may be lower case.
        var words = t.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        return t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 3 && words.Length <= 5 && char.IsUpper(words[0][0])
            && words.All(w => char.IsUpper(w[0]) || w is "de" or "la" or "le" or "les" or "am" or "an" or "der" or "sur" or "di" or "del" or "en" or "im" or "upon" or "on")
            && CompanyScore(t) == 0 && PositionScore(t) == 0;
    }

    private static Dictionary<string, string> BuildCountries()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string code, params string[] names)
        {
            foreach (var n in names)
                map[CvText.Fold(n)] = code;
        }

        Add("CH", "CH", "Switzerland", "Schweiz", "Suisse", "Svizzera", "Swiss");
        Add("DE", "DE", "Germany", "Deutschland", "Allemagne", "Germania");
        Add("AT", "AT", "Austria", "Österreich", "Autriche");
        Add("GB", "GB", "UK", "United Kingdom", "Great Britain", "England", "Scotland", "Wales", "Vereinigtes Königreich", "Grossbritannien", "Royaume-Uni", "Regno Unito");
        Add("US", "US", "USA", "United States", "United States of America", "Vereinigte Staaten", "États-Unis", "Stati Uniti");
        Add("FR", "FR", "France", "Frankreich", "Francia");
        Add("IT", "IT", "Italy", "Italien", "Italie", "Italia");
        Add("ES", "ES", "Spain", "Spanien", "Espagne", "Spagna");
        Add("NL", "NL", "Netherlands", "Niederlande", "Pays-Bas", "Paesi Bassi");
        Add("BE", "Belgium", "Belgien", "Belgique", "Belgio");
        Add("LI", "LI", "Liechtenstein");
        Add("LU", "LU", "Luxembourg", "Luxemburg", "Lussemburgo");
        Add("IE", "IE", "Ireland", "Irland", "Irlande", "Irlanda");
        Add("CA", "Canada", "Kanada");
        Add("PT", "PT", "Portugal", "Portogallo");
        Add("PL", "PL", "Poland", "Polen", "Pologne", "Polonia");
        return map;
    }
}
