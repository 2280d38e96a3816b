using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ParseJobs.Api.Tests.Batches.Sources.S3;

/// <summary>
/// An S3-compatible store on 127.0.0.1 with path-style addressing: ListObjectsV2 (paged by <see cref="PageSize"/>,
/// whatever max-keys asks) and GetObject, AWS-style XML errors. Requests signed with another access key id are
/// refused (403 InvalidAccessKeyId). Every request is recorded.
/// </summary>
public sealed class FakeS3Server : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, SortedDictionary<string, byte[]>> _buckets = new(StringComparer.Ordinal);

    /// <summary>Objects whose listing says one size while GetObject sends more (a stale or lying listing).</summary>
    private readonly ConcurrentDictionary<string, long> _listedSizes = new(StringComparer.Ordinal);

    private FakeS3Server(WebApplication app) => _app = app;

    public const string AccessKeyId = "AKIAFAKETESTKEY00001";
    public const string SecretAccessKey = "fake/secret+KEY/never-logged-0123456789";

    public int PageSize { get; set; } = 2;

    /// <summary>Keys whose GetObject answers 500 InternalError (a store failing on some objects).</summary>
    public ConcurrentDictionary<string, bool> Broken { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Requests { get; } = new();

    public Uri Endpoint { get; private set; } = null!;

    public static async Task<FakeS3Server> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeS3Server(app);
        app.MapGet("/{bucket}", server.ListAsync);
        app.MapGet("/{bucket}/{**key}", server.GetAsync);
        await app.StartAsync();
        server.Endpoint = new Uri(app.Urls.Single());
        return server;
    }

    public void Put(string bucket, string key, byte[] content, long? listedSize = null)
    {
        var objects = _buckets.GetOrAdd(bucket, _ => new SortedDictionary<string, byte[]>(StringComparer.Ordinal));
        lock (objects)
        {
            objects[key] = content;
        }

        if (listedSize is { } size)
        {
            _listedSizes[bucket + "/" + key] = size;
        }
    }

    public void Put(string bucket, string key, string text) => Put(bucket, key, Encoding.UTF8.GetBytes(text));

    public void CreateBucket(string bucket) => _buckets.GetOrAdd(bucket, _ => new SortedDictionary<string, byte[]>(StringComparer.Ordinal));

    private async Task ListAsync(HttpContext context, string bucket)
    {
        Requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
        if (!await AuthorisedAsync(context, bucket))
        {
            return;
        }

        var query = context.Request.Query;
        var prefix = query["prefix"].ToString();
        var after = query["continuation-token"].ToString();
        var urlEncoded = query["encoding-type"] == "url";
        List<KeyValuePair<string, byte[]>> matching;
        var objects = _buckets[bucket];
        lock (objects)
        {
            matching = [.. objects.Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal) && string.CompareOrdinal(o.Key, after) > 0)];
        }

        var page = matching.Take(PageSize).ToList();
        var truncated = matching.Count > page.Count;
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        xml.Append(CultureInfo.InvariantCulture, $"<Name>{bucket}</Name><Prefix>{Escape(prefix)}</Prefix><KeyCount>{page.Count}</KeyCount><MaxKeys>{PageSize}</MaxKeys>");
        xml.Append(CultureInfo.InvariantCulture, $"<IsTruncated>{(truncated ? "true" : "false")}</IsTruncated>");
        if (urlEncoded)
        {
            xml.Append("<EncodingType>url</EncodingType>");
        }

        if (after.Length > 0)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<ContinuationToken>{Escape(after)}</ContinuationToken>");
        }

        if (truncated)
        {
            // The token is the last key of the page: the next page starts after it.
            xml.Append(CultureInfo.InvariantCulture, $"<NextContinuationToken>{Escape(page[^1].Key)}</NextContinuationToken>");
        }

        foreach (var (key, content) in page)
        {
            var size = _listedSizes.TryGetValue(bucket + "/" + key, out var listed) ? listed : content.LongLength;
            var name = urlEncoded ? Uri.EscapeDataString(key) : key;
            xml.Append(CultureInfo.InvariantCulture,
                $"<Contents><Key>{Escape(name)}</Key><LastModified>2026-01-01T00:00:00.000Z</LastModified><ETag>\"0\"</ETag><Size>{size}</Size><StorageClass>STANDARD</StorageClass></Contents>");
        }

        xml.Append("</ListBucketResult>");
        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync(xml.ToString());
    }

    private async Task GetAsync(HttpContext context, string bucket, string key)
    {
        Requests.Enqueue($"{context.Request.Method} {context.Request.Path}");
        if (!await AuthorisedAsync(context, bucket))
        {
            return;
        }

        key = Uri.UnescapeDataString(key);
        byte[]? content;
        var objects = _buckets[bucket];
        lock (objects)
        {
            objects.TryGetValue(key, out content);
        }

        if (Broken.ContainsKey(key))
        {
            await ErrorAsync(context, HttpStatusCode.InternalServerError, "InternalError", "We encountered an internal error. Please try again.");
            return;
        }

        if (content is null)
        {
            await ErrorAsync(context, HttpStatusCode.NotFound, "NoSuchKey", "The specified key does not exist.");
            return;
        }

        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = content.Length;
        try
        {
            await context.Response.Body.WriteAsync(content, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client stopped reading (an object over its size limit): expected.
        }
        catch (IOException)
        {
        }
    }

    private async Task<bool> AuthorisedAsync(HttpContext context, string bucket)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.Contains($"Credential={AccessKeyId}/", StringComparison.Ordinal))
        {
            await ErrorAsync(context, HttpStatusCode.Forbidden, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");
            return false;
        }

        if (!_buckets.ContainsKey(bucket))
        {
            await ErrorAsync(context, HttpStatusCode.NotFound, "NoSuchBucket", "The specified bucket does not exist.");
            return false;
        }

        return true;
    }

    private static async Task ErrorAsync(HttpContext context, HttpStatusCode status, string code, string message)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync(
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{message}</Message><RequestId>fake</RequestId><HostId>fake</HostId></Error>");
    }

    private static string Escape(string value) => SecurityElement.Escape(value);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
