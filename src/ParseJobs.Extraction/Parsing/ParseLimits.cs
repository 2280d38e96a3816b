namespace ParseJobs.Extraction.Parsing;

/// <summary>Limits that protect a parser from hostile or oversized documents. They travel to the parser child
/// with every request, so the child enforces them before anything reaches the parent.</summary>
public sealed record ParseLimits
{
    private const long Megabyte = 1024 * 1024;

    public static ParseLimits Default { get; } = new();

    /// <summary>Documents with more pages fail with <see cref="ParseErrorCodes.TooManyPages"/>.</summary>
    public int MaxPages { get; init; } = 100;

    /// <summary>Most entries a DOCX (a ZIP package) may hold.</summary>
    public int MaxPackageEntries { get; init; } = 1_000;

    /// <summary>Most bytes the entries of a DOCX may expand to (decompression bombs).</summary>
    public long MaxUncompressedBytes { get; init; } = 200 * Megabyte;

    /// <summary>Highest compression ratio allowed for a single package entry.</summary>
    public int MaxCompressionRatio { get; init; } = 200;

    /// <summary>Most characters of text kept from one document.</summary>
    public int MaxTextCharacters { get; init; } = 2_000_000;

    /// <summary>Most segments kept from one flow document (DOCX, TXT); later blocks are dropped with TEXT_TRUNCATED.</summary>
    public int MaxSegments { get; init; } = 20_000;

    /// <summary>Most columns of a table; cells beyond are dropped with TABLE_TRUNCATED. Word itself allows 63.</summary>
    public int MaxTableColumns { get; init; } = 64;

    /// <summary>Most rows of a table; rows beyond are dropped with TABLE_TRUNCATED.</summary>
    public int MaxTableRows { get; init; } = 10_000;

    /// <summary>Most cells of a table; cells beyond are dropped with TABLE_TRUNCATED.</summary>
    public int MaxTableCells { get; init; } = 100_000;

    /// <summary>Most embedded images whose bytes are kept (each distinct image counts once); IMAGES_TRUNCATED beyond.</summary>
    public int MaxImages { get; init; } = 200;

    /// <summary>Most bytes of embedded images kept per document; IMAGES_TRUNCATED beyond.</summary>
    public long MaxImageBytes { get; init; } = 20 * Megabyte;

    /// <summary>Largest serialised result (the product the parser makes, as JSON); RESULT_TOO_LARGE beyond. Checked
    /// where the result is made, so that an oversized one never crosses the pipe.</summary>
    public long MaxResultBytes { get; init; } = 32 * Megabyte;

    /// <summary>The ZIP bounds of a DOCX package.</summary>
    public ZipLimits PackageLimits() => new()
    {
        MaxEntries = MaxPackageEntries,
        MaxUncompressedBytes = MaxUncompressedBytes,
        MaxCompressionRatio = MaxCompressionRatio,
    };
}
