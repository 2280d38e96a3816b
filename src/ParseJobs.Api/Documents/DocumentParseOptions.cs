using System.ComponentModel.DataAnnotations;


namespace ParseJobs.Api.Documents;

/// <summary>Bounds of what a document-parse job keeps besides its JSON result.</summary>
public sealed class DocumentParseOptions
{
    public const string Section = "Documents";

    /// <summary>Most embedded images stored per document; further pictures keep their segment, without bytes.</summary>
    [Range(0, 10000)]
    public int MaxImages { get; init; } = 200;

    /// <summary>Most bytes of embedded images stored per document, in MB.</summary>
    [Range(0, 1000)]
    public int MaxImageMb { get; init; } = 20;
}
