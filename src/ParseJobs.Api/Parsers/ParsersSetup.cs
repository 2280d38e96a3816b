using Microsoft.Extensions.Options;
using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Isolation;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Api.Parsers;

public static class ParsersSetup
{
    /// <summary>The argument that turns this executable into a parser child process.</summary>
    public const string ChildCommand = "parse-worker";

    /// <summary>The parser pool (isolated child processes or in-process) and the layout extractor, shared by every feature that reads documents.</summary>
    public static IServiceCollection AddDocumentParsing(this IServiceCollection services)
    {
        services.AddOptions<ParsingOptions>().BindConfiguration(ParsingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ILayoutExtractor, DocumentLayoutExtractor>();
        services.AddSingleton<IDocumentParser>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ParsingOptions>>().Value;
            // In process, the same product code as a child's (RunChildAsync): the default CV pipeline, our extractor.
            return options.IsolateParsers
                ? new ParserProcessPool(ChildProcessOptions(options), sp.GetRequiredService<ILogger<ParserProcessPool>>())
                : new InProcessDocumentParser(new ProductMaker(sp.GetRequiredService<ILayoutExtractor>(), new CvPipeline()), sp.GetRequiredService<ILogger<InProcessDocumentParser>>());
        });
        return services;
    }

    /// <summary>Entry point of a parser child: reads requests on stdin, makes their products, answers on stdout
    /// (lines and the raw bytes they announce), until stdin closes.</summary>
    public static Task<int> RunChildAsync() =>
        ParserChildHost.RunAsync(Console.In, Console.OpenStandardOutput(), new ProductMaker(), CancellationToken.None);

    // The child is this same program started with "parse-worker": through its apphost when we run from one,
    // otherwise through the dotnet host (dotnet run, dotnet test, dotnet ParseJobs.Api.dll).
    private static ParserProcessOptions ChildProcessOptions(ParsingOptions options)
    {
        var assembly = typeof(ParsersSetup).Assembly.Location;
        var processPath = Environment.ProcessPath ?? "dotnet";
        var apphost = Path.ChangeExtension(assembly, null);
        var (fileName, arguments) = File.Exists(apphost) && !OperatingSystem.IsWindows()
            ? (apphost, new List<string> { ChildCommand })
            : (DotnetHost(processPath), new List<string> { assembly, ChildCommand });
        return new ParserProcessOptions
        {
            FileName = fileName,
            Arguments = arguments,
            PoolSize = options.ParserProcesses > 0 ? options.ParserProcesses : Environment.ProcessorCount,
            ParseTimeout = TimeSpan.FromSeconds(options.ParseTimeoutSeconds),
            MemoryLimitMb = options.ParserMemoryLimitMb,
            MaxRequestsPerProcess = options.ParserMaxDocumentsPerProcess,
            MaxReplyBytes = options.MaxReplyMb * 1024L * 1024L,
            TemporaryDirectory = string.IsNullOrWhiteSpace(options.TempDirectory) ? null : options.TempDirectory,
            Environment = ChildJit(assembly),
        };
    }

    // On ReadyToRun binaries a child without tiered compilation runs the precompiled code and JITs only what has none,
    // fully optimised, once: a two-column CV cost its child ~11 ms of CPU instead of ~14 (docs/PERFORMANCE.md). A
    // JIT-only build keeps tiering: without it the first parse of each child would JIT everything optimised (~1 s).
    internal static Dictionary<string, string> ChildJit(string assemblyPath) =>
        ReadyToRunImage.Is(assemblyPath)
            ? new(StringComparer.Ordinal) { ["DOTNET_TieredCompilation"] = "0" }
            : new(StringComparer.Ordinal);

    private static string DotnetHost(string processPath) =>
        Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? processPath
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
}
