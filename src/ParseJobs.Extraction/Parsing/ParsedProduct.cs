namespace ParseJobs.Extraction.Parsing;

/// <summary>
/// What a parser hands back: the result already serialised with the wire's JSON options (stored and served as
/// these bytes), the pages read, and for documents the images to store, each distinct image once.
/// </summary>
/// <param name="Json">The result as UTF-8 JSON, within <see cref="ParseLimits.MaxResultBytes"/>.</param>
/// <param name="PageCount">Pages read.</param>
public sealed record ParsedProduct(byte[] Json, int PageCount)
{
    /// <summary>The meta beside a result (a CV's language and warnings) as UTF-8 JSON; null when there is none.</summary>
    public byte[]? MetaJson { get; init; }

    /// <summary>Images to store, each distinct image once, within <see cref="ParseLimits.MaxImages"/> and
    /// <see cref="ParseLimits.MaxImageBytes"/>; every picture showing one has its <c>image_url</c>.</summary>
    public IReadOnlyList<ProductImage> Images { get; init; } = [];

    /// <summary>The codes of the warnings the result carries (TEXT_TRUNCATED, IMAGES_TRUNCATED…), for logs and tests.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>An image to store under the id of the first Picture segment that shows it.</summary>
public sealed record ProductImage(string SegmentId, string MediaType, byte[] Content);
