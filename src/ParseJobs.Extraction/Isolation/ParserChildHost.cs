using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Isolation;

/// <summary>
/// The loop a parser child process runs: one request per line on stdin, answers on stdout, until stdin closes.
/// Each request is made into its product here (<see cref="ProductMaker"/>: layout, caps, rendering or CV
/// extraction, JSON), so that the child's time and heap limits cover all the document-dependent work. Document
/// errors (<see cref="DocumentParseException"/>) are answered with their code; any other exception is our own fault and is answered as ANALYSIS_FAILED with its stack for the parent's log. Only what cannot be caught
/// (stack overflow, a native crash, the OS killing the process) ends the process, and the pool reports that as
/// PARSER_CRASHED. The child dies with its parent: stdin closing while a document is parsed, or the parent process
/// going away (<see cref="ParserProtocol.ParentPidVariable"/>), ends it at once, so a hung parse cannot outlive a
/// killed worker.
/// </summary>
public static class ParserChildHost
{
    /// <summary>Exit code after an out-of-memory error: the heap may be unusable, so the child stops.</summary>
    public const int OutOfMemoryExitCode = 3;

    /// <summary>Exit code when the parent went away while the child was working.</summary>
    public const int ParentGoneExitCode = 4;

    private static readonly TimeSpan ParentCheckInterval = TimeSpan.FromMilliseconds(500);

    public static async Task<int> RunAsync(TextReader input, Stream stdout, ProductMaker maker, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(maker);
        using var output = new ReplyWriter(stdout);
        var busy = new StrongBox<bool>(false);
        var requests = ReadRequests(input, busy);
        using var parentWatch = WatchParent();
        output.Line(new ParseReply(ParseReply.ReadyKind));

        await foreach (var line in requests.ReadAllAsync(ct))
        {
            if (line.Length == 0)
            {
                continue;
            }

            Volatile.Write(ref busy.Value, true);
            if (!Handle(line, output, maker))
            {
                return OutOfMemoryExitCode;
            }

            Volatile.Write(ref busy.Value, false);
        }

        return 0;
    }

    /// <summary>Answers one request; false after an out-of-memory error (answered already: the child stops).</summary>
    private static bool Handle(string line, ReplyWriter output, ProductMaker maker)
    {
        ParsedProduct product;
        try
        {
            var request = JsonSerializer.Deserialize<ParseRequest>(line, ParserProtocol.Json)
                ?? throw new InvalidDataException("Empty request.");
            var content = File.ReadAllBytes(request.Path);
            product = maker.Make(content, request.Type, request.Limits, request.Product, new LineProgress(output));
        }
        catch (DocumentParseException ex) when (ex.Code == ParseErrorCodes.AnalysisFailed)
        {
            output.Line(new ParseReply(ParseReply.ErrorKind, Code: ex.Code, Message: ex.Message, Detail: Diagnostic(ex.InnerException ?? ex)));
            return true;
        }
        catch (DocumentParseException ex)
        {
            output.Line(new ParseReply(ParseReply.ErrorKind, Code: ex.Code, Message: ex.Message));
            return true;
        }
        catch (OutOfMemoryException)
        {
            output.TryLine(new ParseReply(ParseReply.ErrorKind, Code: ParseErrorCodes.ParserOutOfMemory,
                Message: "The document needs more memory than a parser may use."));
            return false;
        }
        catch (Exception ex)
        {
            // Not the document's fault: a bug of ours (or of a library) on a document the readers accepted.
            var failure = DocumentLayoutExtractor.AnalysisFailed(ex);
            output.Line(new ParseReply(ParseReply.ErrorKind, Code: failure.Code, Message: failure.Message, Detail: Diagnostic(ex)));
            return true;
        }

        output.Result(product);
        return true;
    }

    /// <summary>Type and stack only: exception messages of parsers can quote document content.</summary>
    private static string Diagnostic(Exception ex) => $"{ex.GetType().FullName}{Environment.NewLine}{ex.StackTrace}";

    /// <summary>Request lines from a thread of their own, so that stdin closing is seen while a document is parsed.</summary>
    private static ChannelReader<string> ReadRequests(TextReader input, StrongBox<bool> busy)
    {
        var channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var thread = new Thread(() =>
        {
            try
            {
                while (input.ReadLine() is { } line)
                {
                    channel.Writer.TryWrite(line);
                }
            }
            catch (IOException)
            {
                // A broken pipe is a closed pipe.
            }

            // Idle: the loop ends normally. Busy: nobody will read this parse's answer.
            if (Volatile.Read(ref busy.Value))
            {
                Environment.Exit(ParentGoneExitCode);
            }

            channel.Writer.TryComplete();
        })
        {
            IsBackground = true,
            Name = "parser-requests",
        };
        thread.Start();
        return channel.Reader;
    }

    /// <summary>Exits when the parent named by <see cref="ParserProtocol.ParentPidVariable"/> is gone (on Linux: when
    /// this process has been re-parented, which also covers a zombie parent and a reused pid).</summary>
    private static Timer? WatchParent()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable(ParserProtocol.ParentPidVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parentPid))
        {
            return null;
        }

        return new Timer(_ =>
        {
            if (!ParentAlive(parentPid))
            {
                Environment.Exit(ParentGoneExitCode);
            }
        }, null, ParentCheckInterval, ParentCheckInterval);
    }

    private static bool ParentAlive(int parentPid)
    {
        if (OperatingSystem.IsLinux() && ParentPidFromProc() is { } current)
        {
            return current == parentPid;
        }

        try
        {
            using var parent = System.Diagnostics.Process.GetProcessById(parentPid);
            return !parent.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    // /proc/self/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses, so parse after the last ')'.
    private static int? ParentPidFromProc()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 1 && int.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ppid) ? ppid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    // Synchronous on purpose: progress is written from the extractor's thread, before the result line.
    private sealed class LineProgress(ReplyWriter output) : IProgress<PageProgress>
    {
        public void Report(PageProgress value) =>
            output.Line(new ParseReply(ParseReply.ProgressKind, value.ProcessedPages, value.TotalPages));
    }

    /// <summary>Writes replies to stdout: JSON lines, and after a result line the raw bytes it announces.</summary>
    private sealed class ReplyWriter(Stream stdout) : IDisposable
    {
        private readonly BufferedStream _stream = new(stdout, 64 * 1024);
        private readonly Lock _gate = new();

        public void Line(ParseReply reply)
        {
            lock (_gate)
            {
                WriteLine(reply);
                _stream.Flush();
            }
        }

        public void TryLine(ParseReply reply)
        {
            try
            {
                Line(reply);
            }
            catch (OutOfMemoryException)
            {
                // Nothing left to say it with; the pool sees the exit code.
            }
        }

        public void Result(ParsedProduct product)
        {
            lock (_gate)
            {
                WriteLine(new ParseReply(ParseReply.ResultKind, Frame: ReplyFrame.Of(product)));
                _stream.Write(product.Json);
                if (product.MetaJson is { } meta)
                    _stream.Write(meta);
                foreach (var image in product.Images)
                    _stream.Write(image.Content);
                _stream.Flush();
            }
        }

        public void Dispose() => _stream.Dispose();

        private void WriteLine(ParseReply reply)
        {
            _stream.Write(JsonSerializer.SerializeToUtf8Bytes(reply, ParserProtocol.Json));
            _stream.WriteByte((byte)'\n');
        }
    }
}
