using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ParseJobs.Testing.Hr4You;

/// <summary>
/// HR4YOU on 127.0.0.1, following ../shared/contracts/hr4you-api.md: consultants, applicants, their documents and
/// jobs; bearer-token auth (401 with <c>WWW-Authenticate: Bearer</c>); errors as <c>{"error": {"status", "message"}}</c>;
/// unknown ids 404. Faults are queued per path (<see cref="Fail"/>) and consumed one per request, so a test can say
/// "the next two calls answer 503". Every request is recorded (<see cref="Requests"/>) with its headers.
/// </summary>
public sealed class FakeHr4YouServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Hr4YouFault[]> _standing = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Hr4YouFault>> _faults = new(StringComparer.Ordinal);

    private FakeHr4YouServer(WebApplication app) => _app = app;

    public const string Token = "hr4you-test-token-never-logged-7f3a9c";

    public ConcurrentDictionary<string, object> Consultants { get; } = new(StringComparer.Ordinal);
    public ConcurrentDictionary<string, object> Applicants { get; } = new(StringComparer.Ordinal);
    public ConcurrentDictionary<string, object> Jobs { get; } = new(StringComparer.Ordinal);

    /// <summary>Documents by "applicantId/documentId": bytes and content type.</summary>
    public ConcurrentDictionary<string, (byte[] Content, string ContentType, string FileName)> Documents { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<FakeHr4YouServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeHr4YouServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.Single().TrimEnd('/') + "/");
        return server;
    }

    public void AddConsultant(string id, string email, string firstName, string lastName) =>
        Consultants[id] = new { id, email, firstName, lastName };

    /// <summary>An applicant with one document per file given (id "d{applicantId}", "d{applicantId}-2", …).</summary>
    public void AddApplicant(string id, string firstName, string lastName, string? email = null, string? phone = null,
        params (byte[] Content, string ContentType, string FileName)[] files)
    {
        var documents = new List<object>();
        for (var i = 0; i < files.Length; i++)
        {
            var documentId = i == 0 ? $"d{id}" : $"d{id}-{i + 1}";
            Documents[$"{id}/{documentId}"] = files[i];
            documents.Add(new { id = documentId, fileName = files[i].FileName, contentType = files[i].ContentType });
        }

        Applicants[id] = new { id, firstName, lastName, email, phone, documents };
    }

    public void AddJob(string id, string title, string description) => Jobs[id] = new { id, title, description };

    /// <summary>The next requests to <paramref name="path"/> (e.g. "/applicants/1001") meet these faults, one each, in order.</summary>
    public void Fail(string path, params Hr4YouFault[] faults)
    {
        var queue = _faults.GetOrAdd(path, _ => new ConcurrentQueue<Hr4YouFault>());
        foreach (var fault in faults)
        {
            queue.Enqueue(fault);
        }
    }

    /// <summary>Every request to <paramref name="path"/> meets this fault until <see cref="Heal"/>.</summary>
    public void FailAlways(string path, Hr4YouFault fault) => _standing[path] = [fault];

    public void Heal(string path)
    {
        _standing.TryRemove(path, out _);
        _faults.TryRemove(path, out _);
    }

    public int CountRequests(string path) => Requests.Count(r => string.Equals(r.Path, path, StringComparison.Ordinal));

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        Requests.Enqueue(new RecordedRequest(context.Request.Method, path, context.Request.Headers.Authorization.ToString(),
            context.Request.Headers.UserAgent.ToString(), context.Request.Headers.Accept.ToString()));

        if (!string.Equals(context.Request.Headers.Authorization.ToString(), $"Bearer {Token}", StringComparison.Ordinal))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await ErrorAsync(context, 401, "Missing or invalid bearer token.");
            return;
        }

        var fault = _standing.TryGetValue(path, out var standing) ? standing[0]
            : _faults.TryGetValue(path, out var queue) && queue.TryDequeue(out var next) ? next : null;
        if (fault is not null && await ApplyAsync(context, fault))
        {
            return;
        }

        var segments = path.Trim('/').Split('/');
        switch (segments)
        {
            case ["consultants", var id]:
                await JsonOrNotFoundAsync(context, Consultants, id, fault);
                break;
            case ["applicants", var id]:
                await JsonOrNotFoundAsync(context, Applicants, id, fault);
                break;
            case ["jobs", var id]:
                await JsonOrNotFoundAsync(context, Jobs, id, fault);
                break;
            case ["applicants", var applicant, "documents", var document]:
                if (!Documents.TryGetValue($"{applicant}/{document}", out var file))
                {
                    await ErrorAsync(context, 404, $"Document {document} of applicant {applicant} not found.");
                    return;
                }

                context.Response.ContentType = file.ContentType;
                context.Response.Headers.ContentDisposition = $"attachment; filename=\"{file.FileName}\"";
                if (fault is not { Kind: Hr4YouFaultKind.Chunked })
                {
                    context.Response.ContentLength = file.Content.Length;
                }

                if (fault is { Kind: Hr4YouFaultKind.Truncate })
                {
                    // Half the bytes, then the connection is cut: the Content-Length promised more.
                    await context.Response.Body.WriteAsync(file.Content.AsMemory(0, file.Content.Length / 2));
                    await context.Response.Body.FlushAsync();
                    // Let the transport send the flushed bytes first: an abort right away can drop them, and the
                    // client then sees a reset before the headers (a dropped connection, not a truncated document).
                    await Task.Delay(200);
                    context.Abort();
                    return;
                }

                await context.Response.Body.WriteAsync(file.Content);
                break;
            default:
                await ErrorAsync(context, 404, $"No route {path}.");
                break;
        }
    }

    /// <summary>Applies a fault; true when it answered the request (the rest of the handler is skipped).</summary>
    private static async Task<bool> ApplyAsync(HttpContext context, Hr4YouFault fault)
    {
        switch (fault.Kind)
        {
            case Hr4YouFaultKind.Status:
                if (fault.RetryAfterSeconds is { } seconds)
                {
                    context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                }

                await ErrorAsync(context, fault.StatusCode, $"Fault {fault.StatusCode}.");
                return true;
            case Hr4YouFaultKind.Delay:
                await Task.Delay(fault.Delay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return context.RequestAborted.IsCancellationRequested;
            case Hr4YouFaultKind.Hang:
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return true;
            case Hr4YouFaultKind.Drop:
                context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
                context.Abort();
                return true;
            case Hr4YouFaultKind.MalformedJson:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"id\": \"1001\", \"firstName\": \"Sa");
                return true;
            default:
                return false; // Truncate and Chunked apply to documents, in the handler
        }
    }

    private static async Task JsonOrNotFoundAsync(HttpContext context, ConcurrentDictionary<string, object> set, string id, Hr4YouFault? fault)
    {
        if (!set.TryGetValue(id, out var value))
        {
            await ErrorAsync(context, 404, $"{id} not found.");
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(value));
    }

    private static async Task ErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { error = new { status, message } }));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(TimeSpan.FromSeconds(2));
        await _app.DisposeAsync();
    }
}

public enum Hr4YouFaultKind
{
    Status,
    Delay,
    Hang,
    Drop,
    MalformedJson,
    Truncate,
    Chunked,
}

/// <summary>One fault of <see cref="FakeHr4YouServer"/>: a status (with Retry-After), a delay before the normal answer,
/// a request that never answers, a dropped connection, broken JSON, a document cut short, or one without Content-Length.</summary>
public sealed record Hr4YouFault(Hr4YouFaultKind Kind)
{
    public int StatusCode { get; init; }
    public int? RetryAfterSeconds { get; init; }
    public TimeSpan Delay { get; init; }

    public static Hr4YouFault Status(int code, int? retryAfterSeconds = null) => new(Hr4YouFaultKind.Status) { StatusCode = code, RetryAfterSeconds = retryAfterSeconds };
    public static Hr4YouFault Slow(TimeSpan delay) => new(Hr4YouFaultKind.Delay) { Delay = delay };
    public static readonly Hr4YouFault Hang = new(Hr4YouFaultKind.Hang);
    public static readonly Hr4YouFault Drop = new(Hr4YouFaultKind.Drop);
    public static readonly Hr4YouFault MalformedJson = new(Hr4YouFaultKind.MalformedJson);
    public static readonly Hr4YouFault Truncate = new(Hr4YouFaultKind.Truncate);

    /// <summary>A document sent without Content-Length (chunked): its size shows only while it is read.</summary>
    public static readonly Hr4YouFault Chunked = new(Hr4YouFaultKind.Chunked);
}

public sealed record RecordedRequest(string Method, string Path, string Authorization, string UserAgent, string Accept);
