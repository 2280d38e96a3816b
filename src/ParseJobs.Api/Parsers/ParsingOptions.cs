using System.ComponentModel.DataAnnotations;
using ParseJobs.Extraction.Parsing;


namespace ParseJobs.Api.Parsers;

public sealed class ParsingOptions
{
    public const string Section = "Parsing";

    /// <summary>Documents with more pages fail with TOO_MANY_PAGES.</summary>
    [Range(1, 5000)]
    public int MaxPages { get; init; } = 100;

    /// <summary>Time one parser child may spend on one document before it is killed (PARSE_TIMEOUT).</summary>
    [Range(1, 3600)]
    public int ParseTimeoutSeconds { get; init; } = 60;

    /// <summary>Time a whole job may run before it fails with JOB_TIMEOUT.</summary>
    [Range(1, 7200)]
    public int JobTimeoutSeconds { get; init; } = 180;

    /// <summary>Parser child processes per worker node; 0 means one per CPU core.</summary>
    [Range(0, 64)]
    public int ParserProcesses { get; init; }

    /// <summary>GC heap limit of each parser child (PARSER_OUT_OF_MEMORY beyond it).</summary>
    [Range(64, 16384)]
    public int ParserMemoryLimitMb { get; init; } = 1024;

    /// <summary>A child is replaced after this many documents, bounding slow leaks.</summary>
    [Range(1, 100000)]
    public int ParserMaxDocumentsPerProcess { get; init; } = 200;

    /// <summary>Most entries in a DOCX package (decompression-bomb guard).</summary>
    [Range(10, 100000)]
    public int MaxDocxEntries { get; init; } = 1000;

    /// <summary>Most bytes a DOCX package may expand to.</summary>
    [Range(1, 10000)]
    public int MaxDocxUncompressedMb { get; init; } = 200;

    /// <summary>Largest answer read from a parser child (the result JSON, its meta and the raw bytes of the images
    /// to store), in MB; a larger one fails the job with DOCUMENT_TOO_COMPLEX before it is read. Keep it at least
    /// Results:MaxResultMb + Documents:MaxImageMb, so that a result within both limits always fits.</summary>
    [Range(1, 2048)]
    public int MaxReplyMb { get; init; } = 64;

    /// <summary>Folder in which the pool creates its private (0700) folder for the documents handed to parser
    /// children; empty means the system temp folder. Leftovers of a killed worker are deleted at start-up.</summary>
    public string? TempDirectory { get; init; }

    /// <summary>Run parsers in child processes (true) or inside the worker (false: faster, unsafe for hostile files).</summary>
    public bool IsolateParsers { get; init; } = true;

    /// <summary>The limits handed to every parser.</summary>
    public ParseLimits Limits() => new()
    {
        MaxPages = MaxPages,
        MaxPackageEntries = MaxDocxEntries,
        MaxUncompressedBytes = MaxDocxUncompressedMb * 1024L * 1024L,
    };
}
