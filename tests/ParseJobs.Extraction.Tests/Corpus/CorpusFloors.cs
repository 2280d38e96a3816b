namespace ParseJobs.Extraction.Tests.Corpus;

/// <summary>What today's extractor achieves per family (measured with PARSEJOBS_CORPUS_MEASURE, tests/corpus/README.md):
/// the documents whose name, e-mail or phone it misses today, the largest error in the number of experience entries, the
/// smallest share of start dates found in one document and the share over the family (tests/corpus/floors.py writes it). Raise a floor when the extractor gets better; never lower one
/// without saying why in the commit.</summary>
internal static class CorpusFloors
{
    public static readonly IReadOnlyDictionary<string, FamilyFloor> ByFamily = new Dictionary<string, FamilyFloor>(StringComparer.Ordinal)
    {
        ["docx-lebenslauf-pandoc"] = new(StartDates: 1.00, FamilyStartDates: 1.00, MaxCountDifference: 0),
        ["docx-table"] = new(StartDates: 1.00, FamilyStartDates: 1.00, MaxCountDifference: 0),
        ["docx-word-md"] = new(StartDates: 1.00, FamilyStartDates: 1.00, MaxCountDifference: 0),
        ["html-lebenslauf"] = new(StartDates: 1.00, FamilyStartDates: 1.00, MaxCountDifference: 0),
        ["html-sidebar"] = new(StartDates: 1.00, FamilyStartDates: 1.00, MaxCountDifference: 3),
        ["html-timeline"] = new(StartDates: 1.00, FamilyStartDates: 1.00, MaxCountDifference: 0),
        ["latex-europasscv"] = new(StartDates: 1.00, FamilyStartDates: 1.00, MaxCountDifference: 0),
        ["latex-moderncv-banking"] = new(StartDates: 1.00, FamilyStartDates: 1.00, MaxCountDifference: 0),
        ["latex-moderncv-casual"] = new(StartDates: 0.50, FamilyStartDates: 0.71, MaxCountDifference: 1),
        ["latex-moderncv-classic"] = new(StartDates: 0.50, FamilyStartDates: 0.85, MaxCountDifference: 1, PhoneGap: ["latex-moderncv-classic_2"]),
        ["latex-moderncv-oldstyle"] = new(StartDates: 0.75, FamilyStartDates: 0.93, MaxCountDifference: 1),
        ["theme-actual"] = new(StartDates: 1.00, FamilyStartDates: 1.00, MaxCountDifference: 1),
        ["theme-class"] = new(StartDates: 1.00, FamilyStartDates: 1.00, MaxCountDifference: 0),
        ["theme-elegant"] = new(StartDates: 1.00, FamilyStartDates: 1.00, MaxCountDifference: 0),
        ["theme-flat"] = new(StartDates: 1.00, FamilyStartDates: 1.00, MaxCountDifference: 0),
        ["theme-kendall"] = new(StartDates: 1.00, FamilyStartDates: 1.00, MaxCountDifference: 0),
        ["theme-paper"] = new(StartDates: 1.00, FamilyStartDates: 1.00, MaxCountDifference: 0),
        ["theme-spartan"] = new(StartDates: 1.00, FamilyStartDates: 1.00, MaxCountDifference: 0),
        ["theme-stackoverflow"] = new(StartDates: 1.00, FamilyStartDates: 1.00, MaxCountDifference: 0),
        ["txt-columns"] = new(StartDates: 1.00, FamilyStartDates: 1.00, MaxCountDifference: 0),
        ["txt-markdown"] = new(StartDates: 1.00, FamilyStartDates: 1.00, MaxCountDifference: 0),
    };
}

/// <summary>The floor of one family: the smallest share of start dates found in one document, the share over the whole
/// family, the largest error in the entry count; gaps are documents (FAMILY_N) whose field today's extractor misses.</summary>
internal sealed record FamilyFloor(double StartDates, double FamilyStartDates, int MaxCountDifference, string[]? NameGap = null, string[]? EmailGap = null, string[]? PhoneGap = null)
{
    public IReadOnlySet<string> NameGaps { get; } = (NameGap ?? []).ToHashSet(StringComparer.Ordinal);
    public IReadOnlySet<string> EmailGaps { get; } = (EmailGap ?? []).ToHashSet(StringComparer.Ordinal);
    public IReadOnlySet<string> PhoneGaps { get; } = (PhoneGap ?? []).ToHashSet(StringComparer.Ordinal);
}
