using System.IO.Compression;
using System.Text;
using Microsoft.Net.Http.Headers;
using ParseJobs.Api.Ats.Projects.ReadModel;
using ParseJobs.Api.Auth;

namespace ParseJobs.Api.Ats.Page;

/// <summary>Headers every answer of the page's routes carries: never cached (candidates' data, a credential in the
/// URL), no referrer (the token is in the URL), and the page's own content security policy in place of the API's.</summary>
internal static class PageHeaders
{
    public static void Apply(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.ContentSecurityPolicy = ProjectPageAssets.ContentSecurityPolicy;
    }
}

/// <summary>An HTML answer of the page's routes: the page (200) or a page that explains a refusal (4xx).</summary>
public sealed class ProjectPageHtmlResult(string html, int statusCode, string title = "") : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public const string HtmlContentType = "text/html; charset=utf-8";

    public int? StatusCode => statusCode;

    public string ContentType => HtmlContentType;

    public string Html { get; } = html;

    /// <summary>The refusal's title ("Link expired"), for the log.</summary>
    public string Title { get; } = title;

    public static ProjectPageHtmlResult Refusal(int status, string title, string message) =>
        new(ProjectPageHtml.Error(title, message, status), status, title);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = HtmlContentType;
        PageHeaders.Apply(response);
        var bytes = Encoding.UTF8.GetBytes(Html);
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, httpContext.RequestAborted);
    }
}

/// <summary>Another result (a PDF download, the status JSON) with the page's headers.</summary>
public sealed class WithPageHeadersResult(IResult inner) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        PageHeaders.Apply(httpContext.Response);
        return inner.ExecuteAsync(httpContext);
    }
}

/// <summary>The ready PDFs of a project as one ZIP, streamed: each PDF is read from the database when its entry is
/// written, and entry names are unique ("Profile - Anna Meier (2).pdf").</summary>
public sealed class ProjectZipResult(ProjectReader reader, Tenant tenant, Guid projectId, string fileName, bool anonymised, int maxEntries) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var ct = httpContext.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/zip";
        PageHeaders.Apply(response);
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName); // filename* for every letter, filename for old clients
        response.Headers.ContentDisposition = disposition.ToString();

        var names = new ProfileFileNames.UniqueNames();
        var entries = 0;
        // ZipArchive writes parts of each entry (its data descriptor) and the central directory synchronously, which
        // the server forbids on the response: it writes into a buffer, drained asynchronously after each entry.
        var buffer = new DrainedBuffer();
        var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true);
        await foreach (var (candidate, content) in reader.ReadyPdfsAsync(tenant, projectId, anonymised, ct))
        {
            if (entries++ >= maxEntries)
            {
                break;
            }

            // PDFs are compressed inside already: storing them costs no size and saves the CPU.
            var entry = zip.CreateEntry(names.Claim(ProfileFileNames.For(candidate, anonymised)), CompressionLevel.NoCompression);
            await using (var stream = await entry.OpenAsync(ct))
            {
                await stream.WriteAsync(content, ct);
            }

            await buffer.DrainToAsync(response.Body, ct);
        }

        await zip.DisposeAsync();
        await buffer.DrainToAsync(response.Body, ct);
    }

    /// <summary>A write-only, forward-only stream that keeps what is written until it is drained (one entry at a time).</summary>
    private sealed class DrainedBuffer : Stream
    {
        private readonly MemoryStream _pending = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public async Task DrainToAsync(Stream target, CancellationToken ct)
        {
            if (_pending.Length > 0)
            {
                await target.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), ct);
                _pending.SetLength(0);
            }
        }

        public override void Write(byte[] buffer, int offset, int count) => _pending.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => _pending.Write(buffer);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _pending.Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _pending.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _pending.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
