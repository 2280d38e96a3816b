using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using ParseJobs.Extraction.Isolation;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.TestParser;

/// <summary>
/// A stand-in for a worker, for the test that kills one: a pool with one chaos child, which prints the child's
/// pid, then gives it a document that hangs, prints "busy" and waits to be killed.
/// </summary>
public static class PoolHost
{
    public const string Command = "pool-host";

    public static async Task<int> RunAsync(TextWriter output)
    {
        var self = typeof(PoolHost).Assembly.Location;
        using var pool = new ParserProcessPool(new ParserProcessOptions
        {
            FileName = Environment.ProcessPath ?? "dotnet",
            Arguments = [self],
            PoolSize = 1,
            ParseTimeout = TimeSpan.FromMinutes(10),
            MemoryLimitMb = 128,
        }, NullLogger.Instance);

        var product = new DocumentResultProduct(512, IncludeMarkdown: false, IncludeHtml: false, "/images/");
        var pid = await pool.ParseAsync("pid"u8.ToArray(), DocumentType.Txt, ParseLimits.Default, product, null, CancellationToken.None);
        using (var json = JsonDocument.Parse(pid.Json))
        {
            await output.WriteLineAsync(json.RootElement.GetProperty("chunks")[0].GetProperty("segments")[0].GetProperty("content").GetString());
        }

        var hang = pool.ParseAsync("hang"u8.ToArray(), DocumentType.Txt, ParseLimits.Default, product, null, CancellationToken.None);
        await Task.Delay(500);
        await output.WriteLineAsync("busy");
        await output.FlushAsync();
        await hang;
        return 0;
    }
}
