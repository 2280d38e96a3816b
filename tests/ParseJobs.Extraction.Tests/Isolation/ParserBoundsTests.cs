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
    [Fact]
    public async Task Parse_FailsTooComplex_AndTheParentStaysBounded_WhenAChildRepliesWithHalfAGigabyte()
    {
        using var pool = ParserProcessPoolTests.CreatePool(1, TimeSpan.FromSeconds(60), maxReplyBytes: 1024 * 1024);
        _ = await pool.ParseAsync("warm"u8.ToArray(), DocumentType.Txt, ParseLimits.Default, null, CancellationToken.None);
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var error = await Assert.ThrowsAsync<DocumentParseException>(() =>
            pool.ParseAsync("bigreply:512"u8.ToArray(), DocumentType.Txt, ParseLimits.Default, null, CancellationToken.None));

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal(ParseErrorCodes.DocumentTooComplex, error.Code);
        Assert.Contains("1 MB", error.Message, StringComparison.Ordinal);
        Assert.InRange(allocated, 0, 64L * 1024 * 1024);
        var after = await pool.ParseAsync("after"u8.ToArray(), DocumentType.Txt, ParseLimits.Default, null, CancellationToken.None);
        Assert.Equal("after", after.Segments[0].Text);
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
