using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Isolation;

/// <summary>One parser child process, used by one request at a time.</summary>
internal sealed class ParserProcess : IDisposable
{
    private const int StderrLinesKept = 20;
    private const int StderrLineBytes = 4096;

    // What a .NET child needs from the parent's environment; secrets (ConnectionStrings__*, API keys, cloud
    // credentials) are not on the list. DOTNET_ variables with "__" are configuration keys, not runtime settings.
    private static readonly HashSet<string> PassedVariables = new(StringComparer.OrdinalIgnoreCase)
    {
        "PATH", "HOME", "TMPDIR", "TMP", "TEMP", "LANG", "LANGUAGE", "TZ", "USER", "LOGNAME",
        "SYSTEMROOT", "WINDIR", "COMSPEC", "PATHEXT", "USERPROFILE", "LOCALAPPDATA", "APPDATA",
    };

    private readonly Process _process;
    private readonly ILogger _logger;
    private readonly long _maxReplyBytes;

    private long MaxLineBytes => Math.Min(_maxReplyBytes, ParserProtocol.MaxLineBytes);
    private readonly BoundedLineReader _stdout;
    private readonly Queue<string> _stderrTail = new();
    private bool _ready;

    private ParserProcess(Process process, ParserProcessOptions options, ILogger logger)
    {
        _process = process;
        _logger = logger;
        _maxReplyBytes = options.MaxReplyBytes;
        _stdout = new BoundedLineReader(process.StandardOutput.BaseStream);

        // Drained continuously (a chatty child never blocks on stderr), line by line within a byte budget.
        _ = Task.Run(DrainStderrAsync);
    }

    public int Id => _process.Id;

    public int RequestsServed { get; private set; }

    public bool HasExited => _process.HasExited;

    /// <summary>True once this child was killed (a reply over budget, a protocol violation): never reuse it.</summary>
    public bool Killed { get; private set; }

    /// <summary>Whether a variable of the parent's environment is handed to children.</summary>
    public static bool IsPassedToChild(string name) =>
        PassedVariables.Contains(name)
        || name.StartsWith("LC_", StringComparison.Ordinal)
        || ((name.StartsWith("DOTNET_", StringComparison.OrdinalIgnoreCase) || name.StartsWith("COMPlus_", StringComparison.OrdinalIgnoreCase))
            && !name.Contains("__", StringComparison.Ordinal));

    public static ParserProcess Start(ParserProcessOptions options, ILogger logger)
    {
        var info = new ProcessStartInfo(options.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        foreach (var argument in options.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // A clean environment: the child parses hostile documents and must not hold the database password.
        info.Environment.Clear();
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            if (variable.Key is string name && IsPassedToChild(name))
            {
                info.Environment[name] = variable.Value as string;
            }
        }

        // A hard heap limit turns runaway allocation into an OutOfMemoryException inside the child.
        info.Environment["DOTNET_GCHeapHardLimit"] = (options.MemoryLimitMb * 1024L * 1024L).ToString("X", CultureInfo.InvariantCulture);
        info.Environment["DOTNET_gcServer"] = "0";
        info.Environment["DOTNET_TieredCompilation"] = "1";
        // No dynamic PGO: a child lives for ParserMaxDocumentsPerProcess documents, too short for the instrumented
        // tier to pay back; off, a two-column CV costs the child ~28 ms of CPU instead of ~38 (docs/PERFORMANCE.md).
        info.Environment["DOTNET_TieredPGO"] = "0";
        info.Environment[ParserProtocol.ParentPidVariable] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        foreach (var (key, value) in options.Environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start parser process '{options.FileName}'.");
        return new ParserProcess(process, options, logger);
    }

    /// <summary>Waits for the child's ready line (written once its runtime is up), so that start-up does not count
    /// against the document's parse timeout. A child that does not get ready in time is PARSER_CRASHED.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken ct)
    {
        if (_ready)
        {
            return;
        }

        using var startup = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, startup.Token);
        byte[]? line;
        try
        {
            line = await _stdout.ReadLineAsync(MaxLineBytes, truncate: false, linked.Token);
        }
        catch (OperationCanceledException ex) when (startup.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            Kill();
            throw new DocumentParseException(ParseErrorCodes.ParserCrashed, $"The parser process did not start within {timeout.TotalSeconds:0} s.", ex);
        }
        catch (LineTooLongException ex)
        {
            Kill();
            throw new DocumentParseException(ParseErrorCodes.ParserCrashed, "The parser process answered outside its protocol.", ex);
        }

        if (line is null)
        {
            throw await CrashedAsync();
        }

        if (Deserialize(line)?.Kind != ParseReply.ReadyKind)
        {
            Kill();
            throw new DocumentParseException(ParseErrorCodes.ParserCrashed, "The parser process answered outside its protocol.");
        }

        _ready = true;
    }

    /// <summary>Sends one request and reads the answer. Throws DocumentParseException for document errors and crashes.</summary>
    public async Task<ParsedProduct> ParseAsync(string path, DocumentType type, ParseLimits limits, ParseProduct product, IProgress<PageProgress>? progress, CancellationToken ct)
    {
        RequestsServed++;
        var request = JsonSerializer.Serialize(new ParseRequest(path, type, limits, product), ParserProtocol.Json);
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
            byte[]? line;
            try
            {
                line = await _stdout.ReadLineAsync(MaxLineBytes, truncate: false, ct);
            }
            catch (LineTooLongException ex)
            {
                // The rest of the line is still in the pipe: this child cannot answer another request.
                Kill();
                throw TooLarge(ex);
            }

            if (line is null)
            {
                throw await CrashedAsync();
            }

            var reply = Deserialize(line);
            switch (reply?.Kind)
            {
                case ParseReply.ProgressKind:
                    progress?.Report(new PageProgress(reply.Processed, reply.Total));
                    break;
                case ParseReply.ResultKind when reply.Frame is { } frame:
                    return await ReadProductAsync(frame, limits, ct);
                case ParseReply.ErrorKind:
                    if (reply.Detail is { } detail)
                    {
                        _logger.LogError("Parser process {ProcessId} failed in our own code ({ErrorCode}): {Detail}", Id, reply.Code, detail);
                    }

                    throw new DocumentParseException(reply.Code ?? ParseErrorCodes.DocumentCorrupt, reply.Message ?? "The document could not be parsed.");
                default:
                    throw OutsideProtocol();
            }
        }
    }

    /// <summary>Reads the bytes a result line announces, once every size is checked against the budgets: the reply's
    /// (<see cref="ParserProcessOptions.MaxReplyBytes"/>) and the images' (<see cref="ParseLimits"/>, which an honest
    /// child keeps). Nothing is read whole before its size is known to fit.</summary>
    private async Task<ParsedProduct> ReadProductAsync(ReplyFrame frame, ParseLimits limits, CancellationToken ct)
    {
        var images = frame.Images ?? [];
        var sizes = images.Select(i => i.Bytes).Append(frame.JsonBytes).Append(frame.MetaBytes ?? 0).ToList();
        if (sizes.Any(size => size is < 0 or > int.MaxValue) || frame.PageCount < 0
            || images.Any(i => string.IsNullOrEmpty(i.SegmentId) || string.IsNullOrEmpty(i.MediaType))
            || images.Select(i => i.SegmentId).Distinct(StringComparer.Ordinal).Count() != images.Count)
        {
            throw OutsideProtocol();
        }

        if (sizes.Sum() > _maxReplyBytes)
        {
            Kill(); // the announced bytes are still in the pipe
            throw TooLarge(null);
        }

        if (images.Count > limits.MaxImages || images.Sum(i => i.Bytes) > limits.MaxImageBytes || frame.JsonBytes > limits.MaxResultBytes)
        {
            throw OutsideProtocol(); // the child caps images and checks the result's size before it answers: this one did not
        }

        try
        {
            var json = await _stdout.ReadExactlyAsync((int)frame.JsonBytes, ct);
            var meta = frame.MetaBytes is { } metaBytes ? await _stdout.ReadExactlyAsync((int)metaBytes, ct) : null;
            var stored = new List<ProductImage>(images.Count);
            foreach (var image in images)
            {
                stored.Add(new ProductImage(image.SegmentId, image.MediaType, await _stdout.ReadExactlyAsync((int)image.Bytes, ct)));
            }

            return new ParsedProduct(json, frame.PageCount) { MetaJson = meta, Images = stored, Warnings = frame.Warnings ?? [] };
        }
        catch (EndOfStreamException)
        {
            throw await CrashedAsync();
        }
    }

    private DocumentParseException OutsideProtocol()
    {
        Kill();
        return new DocumentParseException(ParseErrorCodes.ParserCrashed, "The parser process answered outside its protocol.");
    }

    private DocumentParseException TooLarge(Exception? inner)
    {
        var message = $"The parsed document exceeds {_maxReplyBytes / (1024 * 1024)} MB (text, tables and images); it is too large to process.";
        return inner is null
            ? new DocumentParseException(ParseErrorCodes.DocumentTooComplex, message)
            : new DocumentParseException(ParseErrorCodes.DocumentTooComplex, message, inner);
    }

    private static ParseReply? Deserialize(byte[] line)
    {
        try
        {
            return JsonSerializer.Deserialize<ParseReply>(line, ParserProtocol.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task DrainStderrAsync()
    {
        var reader = new BoundedLineReader(_process.StandardError.BaseStream);
        try
        {
            while (await reader.ReadLineAsync(StderrLineBytes, truncate: true, CancellationToken.None) is { } bytes)
            {
                var line = Encoding.UTF8.GetString(bytes);
                lock (_stderrTail)
                {
                    _stderrTail.Enqueue(line);
                    if (_stderrTail.Count > StderrLinesKept)
                    {
                        _stderrTail.Dequeue();
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The child is gone.
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

        // Give the stderr drain a moment to reach the end of what the child wrote.
        await Task.Delay(50, CancellationToken.None);
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
        Killed = true;
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
