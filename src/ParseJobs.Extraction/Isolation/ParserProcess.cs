using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Isolation;

/// <summary>One parser child process, used by one request at a time.</summary>
internal sealed class ParserProcess : IDisposable
{
    private const int StderrLinesKept = 20;

    private readonly Process _process;
    private readonly Queue<string> _stderrTail = new();

    private ParserProcess(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_stderrTail)
            {
                _stderrTail.Enqueue(e.Data);
                if (_stderrTail.Count > StderrLinesKept)
                {
                    _stderrTail.Dequeue();
                }
            }
        };
        _process.BeginErrorReadLine(); // drained continuously so that a chatty child never blocks on stderr
    }

    public int Id => _process.Id;

    public int RequestsServed { get; private set; }

    public bool HasExited => _process.HasExited;

    public static ParserProcess Start(ParserProcessOptions options)
    {
        var info = new ProcessStartInfo(options.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in options.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // A hard heap limit turns runaway allocation into an OutOfMemoryException inside the child.
        info.Environment["DOTNET_GCHeapHardLimit"] = (options.MemoryLimitMb * 1024L * 1024L).ToString("X", CultureInfo.InvariantCulture);
        info.Environment["DOTNET_gcServer"] = "0";
        info.Environment["DOTNET_TieredCompilation"] = "1";
        foreach (var (key, value) in options.Environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start parser process '{options.FileName}'.");
        return new ParserProcess(process);
    }

    /// <summary>Sends one request and reads the answer. Throws DocumentParseException for document errors and crashes.</summary>
    public async Task<LayoutDocument> ParseAsync(string path, DocumentType type, ParseLimits limits, IProgress<PageProgress>? progress, CancellationToken ct)
    {
        RequestsServed++;
        var request = JsonSerializer.Serialize(new ParseRequest(path, type, limits), ParserProtocol.Json);
        try
        {
            await _process.StandardInput.WriteLineAsync(request.AsMemory(), ct);
            await _process.StandardInput.FlushAsync(ct);
        }
        catch (IOException)
        {
            throw await CrashedAsync();
        }

        while (true)
        {
            var line = await _process.StandardOutput.ReadLineAsync(ct);
            if (line is null)
            {
                throw await CrashedAsync();
            }

            var reply = JsonSerializer.Deserialize<ParseReply>(line, ParserProtocol.Json);
            switch (reply?.Kind)
            {
                case ParseReply.ProgressKind:
                    progress?.Report(new PageProgress(reply.Processed, reply.Total));
                    break;
                case ParseReply.ResultKind when reply.Document is not null:
                    return reply.Document;
                case ParseReply.ErrorKind:
                    throw new DocumentParseException(reply.Code ?? ParseErrorCodes.DocumentCorrupt, reply.Message ?? "The document could not be parsed.");
                default:
                    throw new DocumentParseException(ParseErrorCodes.ParserCrashed, "The parser process answered outside its protocol.");
            }
        }
    }

    private async Task<DocumentParseException> CrashedAsync()
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }

        string tail;
        lock (_stderrTail)
        {
            tail = string.Join('\n', _stderrTail);
        }

        var exitCode = _process.HasExited ? _process.ExitCode : -1;
        return exitCode == ParserChildHost.OutOfMemoryExitCode || tail.Contains("OutOfMemory", StringComparison.Ordinal)
            ? new DocumentParseException(ParseErrorCodes.ParserOutOfMemory, "The document needs more memory than a parser may use.")
            : new DocumentParseException(ParseErrorCodes.ParserCrashed, $"The parser process died while reading the document (exit code {exitCode}).");
    }

    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public void Dispose()
    {
        try
        {
            // Closing stdin ends a healthy child's loop; anything still running after that is killed.
            _process.StandardInput.Close();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(2)))
            {
                Kill();
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
            Kill();
        }

        _process.Dispose();
    }
}
