namespace ParseJobs.Extraction.Matching;

/// <summary>A position's title read against the role families: the family (or "" when unknown), the catalog title that
/// named it and whether the title says junior or senior outside that name ("Junior Data Analyst").</summary>
internal sealed record RoleReading(string Family, string MatchedTitle, bool IsJunior, bool IsSenior, IReadOnlyList<string> Words);

/// <summary>Role families and their titles (Data/roles.tsv).</summary>
internal static class RoleCatalog
{
    private sealed record Family(string Id, HashSet<string> Related);

    private static readonly Lazy<(PhraseIndex<string> Titles, Dictionary<string, Family> Families)> Data = new(() =>
    {
        var titles = new PhraseIndex<string>();
        var families = new Dictionary<string, Family>(StringComparer.Ordinal);
        foreach (var row in MatchingData.Rows("roles.tsv"))
        {
            families[row[0]] = new Family(row[0], MatchingData.Names(row, 1).ToHashSet(StringComparer.Ordinal));
            foreach (var title in MatchingData.Names(row, 2))
                titles.Add(title, row[0]);
        }

        return (titles, families);
    });

    // Words that say nothing about the role when two unknown titles are compared.
    private static readonly HashSet<string> GenericWords = new(StringComparer.Ordinal)
    {
        "manager", "specialist", "engineer", "developer", "analyst", "assistant", "officer", "consultant", "coordinator",
        "technician", "representative", "associate", "executive", "lead", "head", "of", "and", "the", "for", "in", "im", "fur",
        "und", "der", "die", "das", "de", "du", "des", "et", "di", "e", "m", "w", "d", "f", "x", "h", "mitarbeiter",
        "mitarbeiterin", "sachbearbeiter", "sachbearbeiterin", "referent", "referentin", "leiter", "leiterin", "fachkraft",
        "spezialist", "berater", "beraterin", "responsable", "charge", "chargee", "responsabile", "addetto", "tecnico",
    };

    public static RoleReading Read(string title)
    {
        var tokens = SkillScanner.Tokenize(title ?? "");
        var hits = Data.Value.Titles.FindAll(tokens);
        var best = hits.Count == 0 ? (PhraseHit<string>?)null : hits.OrderByDescending(h => h.Words).ThenBy(h => h.Start).First();
        var junior = false;
        var senior = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (best is { } b && i >= b.Start && i < b.Start + b.Words)
                continue;
            var word = tokens[i].Key;
            junior |= Cues.Of("junior").TryGetExact(word, out _);
            senior |= Cues.Of("senior").TryGetExact(word, out _);
        }

        var matched = best is { } hit ? string.Join(' ', tokens.Skip(hit.Start).Take(hit.Words).Select(t => t.Key)) : "";
        var words = tokens.Select(t => t.Key)
            .Where(w => w.Length > 1 && !Cues.Of("junior").TryGetExact(w, out _) && !Cues.Of("senior").TryGetExact(w, out _))
            .ToList();
        return new RoleReading(best?.Value ?? "", matched, junior, senior, words);
    }

    /// <summary>1 same role, 0.75 its junior version, 0.5 a related role, 0 another (docs/MATCHING.md).</summary>
    public static double Similarity(RoleReading job, RoleReading candidate)
    {
        if (job.Family.Length > 0 && candidate.Family.Length > 0)
        {
            if (string.Equals(job.Family, candidate.Family, StringComparison.Ordinal))
                return candidate.IsJunior && !job.IsJunior ? 0.75 : 1.0;
            return IsRelated(job.Family, candidate.Family) ? 0.5 : 0.0;
        }

        // A title the catalog does not know: its words against the job title's.
        var jobWords = job.Words.Where(w => !GenericWords.Contains(w)).ToHashSet(StringComparer.Ordinal);
        var candidateWords = candidate.Words.Where(w => !GenericWords.Contains(w)).ToHashSet(StringComparer.Ordinal);
        if (jobWords.Count == 0 || candidateWords.Count == 0)
            return 0.0;
        var unknownJob = job.Family.Length == 0;
        if (unknownJob && candidateWords.SetEquals(jobWords) && job.Words.Count == candidate.Words.Count)
            return candidate.IsJunior && !job.IsJunior ? 0.75 : 1.0;
        return candidateWords.Overlaps(jobWords) ? 0.5 : 0.0;
    }

    public static bool IsRelated(string a, string b) =>
        Data.Value.Families.TryGetValue(a, out var fa) && Data.Value.Families.TryGetValue(b, out var fb)
        && (fa.Related.Contains(b) || fb.Related.Contains(a));
}

/// <summary>Sectors and the phrases that name them (Data/sectors.tsv).</summary>
internal static class SectorCatalog
{
    private static readonly Lazy<(PhraseIndex<string> Phrases, List<(string[] Words, string Sector)> Pairs, Dictionary<string, string> Labels)> Data = new(() =>
    {
        var phrases = new PhraseIndex<string>();
        var pairs = new List<(string[], string)>();
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in MatchingData.Rows("sectors.tsv"))
        {
            labels[row[0]] = row[1];
            phrases.Add(row[1], row[0]);
            foreach (var phrase in MatchingData.Names(row, 2))
            {
                if (phrase.Contains('+', StringComparison.Ordinal))
                    pairs.Add((phrase.Split('+').Select(SkillScanner.PhraseKey).ToArray(), row[0]));
                else
                    phrases.Add(phrase, row[0]);
            }
        }

        return (phrases, pairs, labels);
    });

    public static string Label(string sector) => Data.Value.Labels.GetValueOrDefault(sector, sector);

    /// <summary>The sector a text names with its longest phrase, or "" (ties: the earlier phrase).</summary>
    public static string Find(string text)
    {
        var tokens = SkillScanner.Tokenize(text ?? "");
        var best = "";
        var bestLength = 0;
        foreach (var hit in Data.Value.Phrases.FindAll(tokens))
        {
            var length = tokens[hit.Start + hit.Words - 1].End - tokens[hit.Start].Start;
            if (length > bestLength)
                (best, bestLength) = (hit.Value, length);
        }

        var keys = tokens.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (words, sector) in Data.Value.Pairs)
        {
            var length = words.Sum(w => w.Length) + 1;
            if (length > bestLength && words.All(keys.Contains))
                (best, bestLength) = (sector, length);
        }

        return best;
    }
}

/// <summary>Fields of study and their groups (Data/fields.tsv).</summary>
internal static class FieldCatalog
{
    private static readonly Lazy<(PhraseIndex<string> Names, Dictionary<string, string[]> Groups, Dictionary<string, string> Display)> Data = new(() =>
    {
        var names = new PhraseIndex<string>();
        var groups = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var display = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in MatchingData.Rows("fields.tsv"))
        {
            groups[row[0]] = MatchingData.Names(row, 1);
            var all = MatchingData.Names(row, 2);
            display[row[0]] = all.Length > 0 ? all[0] : row[0];
            foreach (var name in all)
                names.Add(name, row[0]);
        }

        return (names, groups, display);
    });

    /// <summary>The fields a text names, in order, without repeats.</summary>
    public static List<string> Find(string text) =>
        Data.Value.Names.FindAll(text ?? "").Select(h => h.Value).Distinct(StringComparer.Ordinal).ToList();

    public static string Display(string field) => Data.Value.Display.GetValueOrDefault(field, field);

    public static bool IsKnown(string field) => Data.Value.Groups.ContainsKey(field);

    public static bool AreRelated(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
            return true;
        return Data.Value.Groups.TryGetValue(a, out var ga) && Data.Value.Groups.TryGetValue(b, out var gb) && ga.Intersect(gb, StringComparer.Ordinal).Any();
    }
}

/// <summary>Skill implications (Data/implications.tsv): React ⇒ JavaScript.</summary>
internal static class SkillImplications
{
    private static readonly Lazy<Dictionary<string, string[]>> Data = new(() =>
        MatchingData.Rows("implications.tsv").ToDictionary(r => r[0], r => MatchingData.Names(r, 1), StringComparer.Ordinal));

    /// <summary>The skills <paramref name="canonical"/> implies (one step).</summary>
    public static IReadOnlyList<string> Of(string canonical) => Data.Value.TryGetValue(canonical, out var implied) ? implied : [];
}
