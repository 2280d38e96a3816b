
namespace ParseJobs.Api.Documents;

/// <summary>An image embedded in a parsed document, served for its Picture segment.</summary>
public sealed class JobImage
{
    public Guid JobId { get; init; }

    /// <summary>The Picture segment's id ("seg_7").</summary>
    public required string SegmentId { get; init; }

    public required string MediaType { get; init; }

    public required byte[] Content { get; init; }
}
