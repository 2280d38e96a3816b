using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using System.Text.Json;
using ParseJobs.Extraction.Isolation;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Tests.Isolation;

/// <summary>The pool against a real child process whose parser hangs, hoards memory or dies on request.</summary>
public sealed class ParserProcessPoolTests : IDisposable
{
    private readonly ParserProcessPool _pool = CreatePool(poolSize: 2, timeout: TimeSpan.FromSeconds(3));

    public static ParserProcessPool CreatePool(int poolSize, TimeSpan timeout, int memoryLimitMb = 256, int maxRequests = 200,
        long maxReplyBytes = 64L * 1024 * 1024, string? temporaryDirectory = null) =>
        new(new ParserProcessOptions
        {
            FileName = DotnetHost(),
            Arguments = [TestParserPath],
            PoolSize = poolSize,
            ParseTimeout = timeout,
            MemoryLimitMb = memoryLimitMb,
            MaxRequestsPerProcess = maxRequests,
            MaxReplyBytes = maxReplyBytes,
            TemporaryDirectory = temporaryDirectory,
        }, NullLogger.Instance);

    public static string TestParserPath => Path.Combine(AppContext.BaseDirectory, "ParseJobs.TestParser.dll");

    public static string DotnetHost() => Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    /// <summary>The document product without markdown and html: what the tests read of a child's answer.</summary>
    public static DocumentResultProduct Layout { get; } = new(512, IncludeMarkdown: false, IncludeHtml: false, "/images/");

    private Task<ChildText> ParseAsync(string text, IProgress<PageProgress>? progress = null, CancellationToken ct = default) =>
        ParseTextAsync(_pool, text, progress, ct);

    /// <summary>Parses <paramref name="text"/> (a chaos command or a document) into the document product, read back.</summary>
    public static async Task<ChildText> ParseTextAsync(ParserProcessPool pool, string text, IProgress<PageProgress>? progress = null, CancellationToken ct = default) =>
        ChildText.Of(await pool.ParseAsync(Encoding.UTF8.GetBytes(text), DocumentType.Txt, ParseLimits.Default, Layout, progress, ct));

    private async Task<string> ErrorCodeOfAsync(string text) =>
        (await Assert.ThrowsAsync<DocumentParseException>(() => ParseAsync(text))).Code;

    [Fact]
    public async Task Parse_ReturnsTheChildsDocument()
    {
        var document = await ParseAsync("hello from a child");

        Assert.Equal(1, document.PageCount);
        Assert.Equal("hello from a child", Assert.Single(document.Texts));
    }

    [Fact]
    public async Task Parse_ReportsProgressPerPage()
    {
        var reports = new List<PageProgress>();
        var progress = new SynchronousProgress(reports.Add);

        var document = await ParseAsync("slow:4", progress);

        Assert.Equal(4, document.PageCount);
        Assert.Equal([new(1, 4), new(2, 4), new(3, 4), new(4, 4)], reports);
    }

    [Fact]
    public async Task Parse_FailsWithParseTimeout_WhenParserHangs_AndThePoolKeepsServing()
    {
        var started = DateTime.UtcNow;

        Assert.Equal(ParseErrorCodes.ParseTimeout, await ErrorCodeOfAsync("hang"));

        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(15));
        Assert.Equal("after", Assert.Single((await ParseAsync("after")).Texts));
    }

    [Fact]
    public async Task Parse_FailsWithOutOfMemory_WhenParserAllocatesWithoutEnd_AndThePoolKeepsServing()
    {
        Assert.Equal(ParseErrorCodes.ParserOutOfMemory, await ErrorCodeOfAsync("oom"));

        Assert.Equal("after", Assert.Single((await ParseAsync("after")).Texts));
    }

    [Theory]
    [InlineData("crash")]
    [InlineData("stackoverflow")]
    public async Task Parse_FailsWithParserCrashed_WhenTheChildDies_AndThePoolKeepsServing(string behaviour)
    {
        Assert.Equal(ParseErrorCodes.ParserCrashed, await ErrorCodeOfAsync(behaviour));

        Assert.Equal("after", Assert.Single((await ParseAsync("after")).Texts));
    }

    [Fact]
    public async Task Parse_PassesDocumentErrorsThrough_WithCodeAndMessage()
    {
        var error = await Assert.ThrowsAsync<DocumentParseException>(() => ParseAsync("corrupt"));

        Assert.Equal(ParseErrorCodes.DocumentCorrupt, error.Code);
        Assert.Equal("Chaos: the document is corrupt.", error.Message);
    }

    [Fact]
    public async Task Parse_ReusesAWarmChild_ForSequentialDocuments()
    {
        var first = (await ParseAsync("pid")).Texts[0];
        var second = (await ParseAsync("pid")).Texts[0];
        _ = await ErrorCodeOfAsync("corrupt"); // a document error does not cost the child
        var third = (await ParseAsync("pid")).Texts[0];

        Assert.Equal(first, second);
        Assert.Equal(first, third);
        Assert.Equal(1, _pool.ProcessesStarted);
    }

    [Fact]
    public async Task Parse_ReplacesAChild_AfterItsRequestBudget()
    {
        using var pool = CreatePool(poolSize: 1, timeout: TimeSpan.FromSeconds(10), maxRequests: 2);
        var pids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            pids.Add((await ParseTextAsync(pool, "pid")).Texts[0]);
        }

        Assert.Equal(2, pids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(2, pool.ProcessesStarted);
    }

    [Fact]
    public async Task Parse_RunsAtMostPoolSizeChildren_AndServesEveryRequest()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => ParseAsync($"doc {i}")));

        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"doc {i}"), results.Select(r => r.Texts[0]), StringComparer.Ordinal);
        Assert.InRange(_pool.ProcessesStarted, 1, 2);
    }

    [Fact]
    public async Task Parse_KillsTheChildAndThrows_WhenCancelled()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ParseAsync("hang", ct: cancel.Token));

        Assert.Equal("after", Assert.Single((await ParseAsync("after")).Texts));
    }

    [Fact]
    public async Task Parse_LeavesNoTemporaryFiles()
    {
        await ParseAsync("one");
        _ = await ErrorCodeOfAsync("corrupt");
        _ = await ErrorCodeOfAsync("crash");

        // Counted in the pool's own folder: other pools (the API tests run at the same time) have theirs.
        Assert.Empty(Directory.GetFiles(_pool.TemporaryDirectory, "*.bin"));
    }

    [Fact]
    public async Task Parse_HandsTheDocumentOver_AsAnOwnerOnlyFileInAPrivateFolder()
    {
        var parse = ParseAsync("slow:1:1500");
        var file = await WaitForAsync(() => Directory.GetFiles(_pool.TemporaryDirectory, "*.bin").FirstOrDefault());

        Assert.StartsWith(Path.GetTempPath(), _pool.TemporaryDirectory, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_pool.TemporaryDirectory));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        Assert.Equal("page 1", Assert.Single((await parse).Texts));
    }

    [Fact]
    public void Pool_DeletesTheFolderOfAPoolThatDied_AndKeepsTheFoldersOfLivingPools()
    {
        var root = Directory.CreateTempSubdirectory("pj-pool-test-").FullName;
        try
        {
            // A killed worker leaves its folder, its unlocked lock file and the CV it was parsing.
            var dead = Directory.CreateDirectory(Path.Combine(root, "parsejobs-dead")).FullName;
            File.WriteAllText(Path.Combine(dead, ".lock"), "");
            File.WriteAllText(Path.Combine(dead, "cv.bin"), "Jane Doe");
            var legacy = Path.Combine(root, "parsejobs-0123456789abcdef.bin"); // how older versions left CVs behind
            File.WriteAllText(legacy, "Jane Doe");
            File.SetLastWriteTimeUtc(legacy, DateTime.UtcNow.AddHours(-2));
            using var living = CreatePool(1, TimeSpan.FromSeconds(5), temporaryDirectory: root);

            using var starting = CreatePool(1, TimeSpan.FromSeconds(5), temporaryDirectory: root);

            Assert.False(Directory.Exists(dead));
            Assert.False(File.Exists(legacy));
            Assert.True(Directory.Exists(living.TemporaryDirectory));
            Assert.True(Directory.Exists(starting.TemporaryDirectory));
            Assert.NotEqual(living.TemporaryDirectory, starting.TemporaryDirectory, StringComparer.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Dispose_DeletesThePoolsFolder()
    {
        var pool = CreatePool(1, TimeSpan.FromSeconds(5));
        var folder = pool.TemporaryDirectory;

        pool.Dispose();

        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task Parse_StartsChildrenWithACleanEnvironment()
    {
        // Variables as a worker has them: the database password must not reach a parser of hostile files.
        const string secret = "ConnectionStrings__ParseJobsPoolTest";
        const string other = "PARSEJOBS_POOL_TEST_API_TOKEN";
        Environment.SetEnvironmentVariable(secret, "Host=db;Password=hunter2");
        Environment.SetEnvironmentVariable(other, "token");
        using var pool = CreatePool(1, TimeSpan.FromSeconds(10));
        try
        {
            var names = (await ParseTextAsync(pool, "env")).Texts[0].Split('\n');

            Assert.DoesNotContain(secret, names, StringComparer.Ordinal);
            Assert.DoesNotContain(other, names, StringComparer.Ordinal);
            Assert.Contains("PATH", names, StringComparer.Ordinal);
            Assert.Contains("DOTNET_GCHeapHardLimit", names, StringComparer.Ordinal);
            Assert.Contains("PARSEJOBS_PARENT_PID", names, StringComparer.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(secret, null);
            Environment.SetEnvironmentVariable(other, null);
        }
    }

    [Fact]
    public async Task Parse_FailsWithAnalysisFailed_NotDocumentCorrupt_WhenOurOwnCodeThrows()
    {
        var pid = (await ParseAsync("pid")).Texts[0];

        var error = await Assert.ThrowsAsync<DocumentParseException>(() => ParseAsync("bug"));

        Assert.Equal(ParseErrorCodes.AnalysisFailed, error.Code);
        Assert.Contains("InvalidOperationException", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Chaos", error.Message, StringComparison.Ordinal); // the exception's own message stays in the logs
        Assert.Equal(pid, (await ParseAsync("pid")).Texts[0]); // the child is fine
    }

    private static async Task<string> WaitForAsync(Func<string?> probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } found)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("The pool wrote no document file.");
    }

    public void Dispose() => _pool.Dispose();

    private sealed class SynchronousProgress(Action<PageProgress> report) : IProgress<PageProgress>
    {
        public void Report(PageProgress value) => report(value);
    }
}

/// <summary>What a test reads of a document product: its page count and the content of its segments in order.</summary>
public sealed record ChildText(int PageCount, IReadOnlyList<string> Texts)
{
    public static ChildText Of(ParsedProduct product)
    {
        using var json = JsonDocument.Parse(product.Json);
        var root = json.RootElement;
        var texts = root.GetProperty("chunks").EnumerateArray()
            .SelectMany(c => c.GetProperty("segments").EnumerateArray())
            .Select(s => s.GetProperty("content").GetString() ?? "")
            .ToList();
        return new ChildText(root.GetProperty("page_count").GetInt32(), texts);
    }
}
