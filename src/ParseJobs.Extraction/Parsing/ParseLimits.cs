namespace ParseJobs.Extraction.Parsing;

/// <summary>Limits that protect a parser from hostile or oversized documents.</summary>
public sealed record ParseLimits
{
    public static ParseLimits Default { get; } = new();

    /// <summary>Documents with more pages fail with <see cref="ParseErrorCodes.TooManyPages"/>.</summary>
    public int MaxPages { get; init; } = 100;

    /// <summary>Most entries a DOCX (a ZIP package) may hold.</summary>
    public int MaxPackageEntries { get; init; } = 1_000;

    /// <summary>Most bytes the entries of a DOCX may expand to (decompression bombs).</summary>
    public long MaxUncompressedBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>Highest compression ratio allowed for a single package entry.</summary>
    public int MaxCompressionRatio { get; init; } = 200;

    /// <summary>Most characters of text kept from one document.</summary>
    public int MaxTextCharacters { get; init; } = 2_000_000;
}
