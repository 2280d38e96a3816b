using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Isolation;

/// <summary>
/// Parses documents in warm child processes, so that a parser that hangs, exhausts memory or crashes costs one
/// document, never the calling process. At most <see cref="ParserProcessOptions.PoolSize"/> children work at once;
/// a child that times out or dies is discarded and a fresh one is started on demand. Documents reach children
/// as owner-only files in the pool's private folder (<see cref="TemporaryDirectory"/>). A child makes the whole
/// product (rendering, chunking, CV extraction: <see cref="ProductMaker"/>) under its time and heap limits; its reply
/// is read within <see cref="ParserProcessOptions.MaxReplyBytes"/>, each size checked before anything is read whole.
/// </summary>
public sealed class ParserProcessPool : IDocumentParser, IDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    private readonly ParserProcessOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<ParserProcess> _idle = [];
    private readonly ParserTempDirectory _temp;
    private int _processesStarted;
    private bool _disposed;

    public ParserProcessPool(ParserProcessOptions options, ILogger logger)
    {
        if (options.PoolSize < 1)
        {
            throw new ArgumentException("PoolSize must be at least 1.", nameof(options));
        }

        _options = options;
        _logger = logger;
        _slots = new SemaphoreSlim(options.PoolSize, options.PoolSize);
        _temp = ParserTempDirectory.Create(options.TemporaryDirectory, logger);
    }

    /// <summary>The pool's private folder (0700) for the documents handed to children.</summary>
    public string TemporaryDirectory => _temp.Path;

    /// <summary>Children started so far (a diagnostic: warm reuse keeps it low).</summary>
    public int ProcessesStarted => Volatile.Read(ref _processesStarted);

    public async Task<ParsedProduct> ParseAsync(byte[] content, DocumentType type, ParseLimits limits, ParseProduct product, IProgress<PageProgress>? progress, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(limits);
        await _slots.WaitAsync(ct);
        string? path = null;
        ParserProcess? child = null;
        var reusable = false;
        try
        {
            path = await _temp.WriteAsync(content, ct);
            child = TakeOrStart();

            // A child's start-up (runtime, JIT) is not the document's time: on a loaded machine it took seconds.
            await child.WaitUntilReadyAsync(StartupTimeout, ct);
            using var timeout = new CancellationTokenSource(_options.ParseTimeout);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
            try
            {
                var parsed = await child.ParseAsync(path, type, limits, product, progress, linked.Token);
                reusable = true;
                return parsed;
            }
            catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                _logger.LogWarning("Parser process {ProcessId} exceeded {Timeout} and was killed", child.Id, _options.ParseTimeout);
                child.Kill();
                throw new DocumentParseException(ParseErrorCodes.ParseTimeout,
                    $"Parsing the document exceeded the {_options.ParseTimeout.TotalSeconds:0} s time limit.", ex);
            }
            catch (DocumentParseException ex) when (ex.Code is not (ParseErrorCodes.ParserCrashed or ParseErrorCodes.ParserOutOfMemory))
            {
                reusable = true; // an ordinary document error: the child is fine
                throw;
            }
            catch (DocumentParseException ex)
            {
                _logger.LogWarning("Parser process {ProcessId} died: {ErrorCode}", child.Id, ex.Code);
                throw;
            }
        }
        finally
        {
            if (child is not null)
            {
                Return(child, reusable);
            }

            if (path is not null)
            {
                ParserTempDirectory.TryDelete(path);
            }

            _slots.Release();
        }
    }

    private ParserProcess TakeOrStart()
    {
        while (_idle.TryTake(out var child))
        {
            if (!child.HasExited)
            {
                return child;
            }

            child.Dispose();
        }

        Interlocked.Increment(ref _processesStarted);
        return ParserProcess.Start(_options, _logger);
    }

    private void Return(ParserProcess child, bool reusable)
    {
        if (reusable && !_disposed && !child.Killed && !child.HasExited && child.RequestsServed < _options.MaxRequestsPerProcess)
        {
            _idle.Add(child);
            return;
        }

        child.Kill();
        child.Dispose();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        while (_idle.TryTake(out var child))
        {
            child.Dispose();
        }

        _slots.Dispose();
        _temp.Dispose();
    }
}
