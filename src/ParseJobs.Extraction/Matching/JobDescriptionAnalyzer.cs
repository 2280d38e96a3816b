namespace ParseJobs.Extraction.Matching;

/// <summary>Reads a job description (EN, DE, FR, IT) into a <see cref="JobAnalysis"/>. Pure and deterministic.</summary>
public sealed class JobDescriptionAnalyzer
{
    public JobAnalysis Analyze(string jobDescriptionText) => throw new NotSupportedException("matching: in progress on the batch branch");
}
