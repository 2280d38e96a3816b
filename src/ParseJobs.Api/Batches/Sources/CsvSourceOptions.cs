using System.ComponentModel.DataAnnotations;

namespace ParseJobs.Api.Batches.Sources;

/// <summary>Limits of the CSV_FILE source (section <c>Sources:Csv</c>).</summary>
public sealed class CsvSourceOptions
{
    public const string Section = "Sources:Csv";

    /// <summary>Data rows read at most; a file with more is refused at submission (and never read past this + 1).</summary>
    [Range(1, 100_000)]
    public int MaxRows { get; init; } = 1_000;

    /// <summary>Largest CSV file accepted.</summary>
    [Range(1, 500)]
    public int MaxFileSizeMb { get; init; } = 50;

    /// <summary>Largest <c>resume_text</c> of one row (UTF-8 bytes); a longer one makes that row an item with an error.</summary>
    [Range(1, 10_240)]
    public int MaxResumeTextKb { get; init; } = 200;

    /// <summary>Largest <c>candidate_id</c>, <c>name</c> or <c>filename</c> (characters); longer makes the row an item with an error.</summary>
    [Range(16, 10_000)]
    public int MaxLabelChars { get; init; } = 500;

    public long MaxFileSizeBytes => MaxFileSizeMb * 1024L * 1024L;

    public int MaxResumeTextBytes => MaxResumeTextKb * 1024;
}
