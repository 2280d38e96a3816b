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
public sealed class ProjectPageHtmlResult(string html, int statusCode) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public const string HtmlContentType = "text/html; charset=utf-8";

    public int? StatusCode => statusCode;

    public string ContentType => HtmlContentType;

    public string Html { get; } = html;

    public static ProjectPageHtmlResult Refusal(int status, string title, string message) =>
        new(ProjectPageHtml.Error(title, message, status), status);

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
        await using var zip = new ZipArchive(response.Body, ZipArchiveMode.Create, leaveOpen: true);
        await foreach (var (candidate, content) in reader.ReadyPdfsAsync(tenant, projectId, anonymised, ct))
        {
            if (entries++ >= maxEntries)
            {
                break;
            }

            // PDFs are compressed inside already: storing them costs no size and saves the CPU.
            var entry = zip.CreateEntry(names.Claim(ProfileFileNames.For(candidate, anonymised)), CompressionLevel.NoCompression);
            await using var stream = await entry.OpenAsync(ct);
            await stream.WriteAsync(content, ct);
        }
    }
}
