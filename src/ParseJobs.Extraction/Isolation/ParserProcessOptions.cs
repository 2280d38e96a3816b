namespace ParseJobs.Extraction.Isolation;

/// <summary>How parser child processes are started and bounded.</summary>
public sealed record ParserProcessOptions
{
    /// <summary>Program to start: an apphost, or the dotnet host with the assembly as first argument.</summary>
    public required string FileName { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Most children parsing at once; more requests wait.</summary>
    public int PoolSize { get; init; } = System.Environment.ProcessorCount;

    /// <summary>A child still busy after this long is killed (PARSE_TIMEOUT).</summary>
    public TimeSpan ParseTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>GC heap limit of a child (DOTNET_GCHeapHardLimit); beyond it: PARSER_OUT_OF_MEMORY.</summary>
    public int MemoryLimitMb { get; init; } = 1024;

    /// <summary>A child is replaced after this many documents, bounding slow leaks.</summary>
    public int MaxRequestsPerProcess { get; init; } = 200;

    /// <summary>Largest reply the parent reads from a child (result JSON, meta and image bytes, announced by a header
    /// line before they are sent); a larger one fails the document with DOCUMENT_TOO_COMPLEX, unread, and the child
    /// is discarded.</summary>
    public long MaxReplyBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Folder under which the pool creates its private (0700) folder for the documents handed to children;
    /// null means the system temp folder. Leftovers of pools that died are deleted when a pool starts.</summary>
    public string? TemporaryDirectory { get; init; }

    /// <summary>Extra environment variables for children. Nothing else of the parent's environment is passed
    /// except what the runtime needs (<see cref="ParserProcess.IsPassedToChild"/>).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
