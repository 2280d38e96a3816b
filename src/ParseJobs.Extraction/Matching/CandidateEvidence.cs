using System.Text.RegularExpressions;
using ParseJobs.Extraction.Cv;

namespace ParseJobs.Extraction.Matching;

/// <summary>Where a candidate shows a skill: the words used and whether a skills list names it.</summary>
internal sealed record SkillEvidence(string Canonical, string Surface, bool InSkillsList, int Order);

/// <summary>The skills a CV shows, through the taxonomy: skills lists item by item, running text (summary, experience,
/// courses) sentence by sentence. A sentence about recruiting, advertising, organising or selling for others
/// ("Recruited 30 React developers", "Organised training on Salesforce") shows nothing of the person's own (cues.tsv
/// negative): its skills do not count.</summary>
internal sealed partial class CandidateEvidence
{
    private readonly Dictionary<string, SkillEvidence> skills = new(StringComparer.Ordinal);
    private readonly List<IReadOnlyList<SkillScanner.Token>> texts = [];

    /// <summary>Skills in the order first shown.</summary>
    public IEnumerable<SkillEvidence> Skills => skills.Values.OrderBy(s => s.Order);

    public bool TryGet(string canonical, out SkillEvidence evidence) => skills.TryGetValue(canonical, out evidence!);

    /// <summary>True when the phrase (its word keys) stands in a counted text: for skills the taxonomy does not know.</summary>
    public bool ContainsPhrase(string phraseKey) => phraseKey.Length > 0 && texts.Exists(t => SkillScanner.FindPhrase(t, phraseKey) >= 0);

    public static CandidateEvidence From(CvProfile profile, int maxTextCharacters = 100_000)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var evidence = new CandidateEvidence();
        var budget = maxTextCharacters;
        var lists = profile.Skills;
        foreach (var item in lists.ItSkills.Concat(lists.HardSkills).Concat(lists.FieldsOfExpertise).Concat(lists.SoftSkills))
        {
            if (SkillTaxonomy.TryFind(item, out var skill))
                evidence.Add(skill.Canonical, item, inList: true);
            else
                evidence.AddText(item, inList: true, ref budget);
        }

        evidence.AddText(profile.ProfessionalSummary, inList: false, ref budget);
        foreach (var entry in profile.Experience)
            evidence.AddText(entry.Description, inList: false, ref budget);
        foreach (var entry in profile.Education)
            evidence.AddText(entry.Description, inList: false, ref budget);
        return evidence;
    }

    private void AddText(string text, bool inList, ref int budget)
    {
        if (string.IsNullOrWhiteSpace(text) || budget <= 0)
            return;
        if (text.Length > budget)
            text = text[..budget];
        budget -= text.Length;
        foreach (var unit in Units(text))
        {
            if (Cues.Of("negative").ContainsAny(unit))
                continue;
            texts.Add(SkillScanner.Tokenize(unit));
            foreach (var hit in SkillScanner.Scan(unit))
                Add(hit.Canonical, hit.Surface, inList);
        }
    }

    private void Add(string canonical, string surface, bool inList)
    {
        if (skills.TryGetValue(canonical, out var known))
        {
            // A skills list is the stronger evidence; the first words shown stay the surface.
            if (inList && !known.InSkillsList)
                skills[canonical] = known with { InSkillsList = true };
            return;
        }

        skills[canonical] = new SkillEvidence(canonical, surface, inList, skills.Count);
    }

    /// <summary>Lines, and the sentences of a line: the unit a negative cue speaks for.</summary>
    private static IEnumerable<string> Units(string text) =>
        text.Split('\n').Select(CvText.StripBullet).SelectMany(l => SentenceBreak().Split(l)).Where(u => u.Trim().Length > 0);

    [GeneratedRegex(@"(?<=[.!?;])\s+(?=[\p{Lu}\d])", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SentenceBreak();
}
