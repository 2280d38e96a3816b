using System.Diagnostics;
using ParseJobs.Extraction.Isolation;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Tests.Isolation;

/// <summary>Alone, because they measure this process's allocations and start and kill processes.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessBoundsCollection
{
    public const string Name = "process bounds";
}

/// <summary>What a child can do to its parent: an oversized reply, and outliving it.</summary>
[Collection(ProcessBoundsCollection.Name)]
public sealed class ParserBoundsTests
{
    [Theory]
    [InlineData("bigreply:512")] // a result line without an end
    [InlineData("bigframe:512")] // a well-formed header announcing half a gigabyte of result JSON
    public async Task Parse_FailsTooComplex_AndTheParentStaysBounded_WhenAChildRepliesWithHalfAGigabyte(string behaviour)
    {
        using var pool = ParserProcessPoolTests.CreatePool(1, TimeSpan.FromSeconds(60), maxReplyBytes: 1024 * 1024);
        _ = await ParserProcessPoolTests.ParseTextAsync(pool, "warm");
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var error = await Assert.ThrowsAsync<DocumentParseException>(() => ParserProcessPoolTests.ParseTextAsync(pool, behaviour));

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal(ParseErrorCodes.DocumentTooComplex, error.Code);
        Assert.Contains("1 MB", error.Message, StringComparison.Ordinal);
        Assert.InRange(allocated, 0, 64L * 1024 * 1024);
        var after = await ParserProcessPoolTests.ParseTextAsync(pool, "after");
        Assert.Equal("after", Assert.Single(after.Texts));
        Assert.Equal(2, pool.ProcessesStarted); // the child that overflowed was discarded
    }

    [Fact]
    public async Task Child_Exits_WhenItsParentIsKilledWhileItParses()
    {
        // A worker stand-in (tests/ParseJobs.TestParser pool-host) whose child hangs in a document.
        using var host = Process.Start(new ProcessStartInfo(ParserProcessPoolTests.DotnetHost())
        {
            ArgumentList = { ParserProcessPoolTests.TestParserPath, "pool-host" },
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        })!;
        int childPid;
        try
        {
            using var read = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            childPid = int.Parse(await host.StandardOutput.ReadLineAsync(read.Token) ?? "", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal("busy", await host.StandardOutput.ReadLineAsync(read.Token));
            Assert.True(IsRunning(childPid));
        }
        finally
        {
            host.Kill(); // SIGKILL: no finally blocks, no Dispose in the host
            await host.WaitForExitAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (IsRunning(childPid) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var survived = IsRunning(childPid);
        if (survived)
        {
            using var orphan = Process.GetProcessById(childPid);
            orphan.Kill();
        }

        Assert.False(survived, $"Parser child {childPid} outlived its killed parent by 10 s.");
    }

    /// <summary>Alive and not a zombie (an orphan's zombie waits for whatever reaps it).</summary>
    private static bool IsRunning(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                return stat[(stat.LastIndexOf(')') + 2)] is not ('Z' or 'X');
            }
            catch (IOException)
            {
                return false;
            }
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
