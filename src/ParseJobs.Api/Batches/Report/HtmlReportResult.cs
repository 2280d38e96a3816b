using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;

namespace ParseJobs.Api.Batches.Report;

/// <summary>The report page as a response: HTML, never cached (it holds candidates' data), and the report's own content
/// security policy (<see cref="ReportStyles.ContentSecurityPolicy"/>) in place of the API's, which allows no styles. Only
/// this result sets it: a 404 or 401 on the same route keeps the API's policy.</summary>
public sealed class HtmlReportResult(string html) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    public const string HtmlContentType = "text/html; charset=utf-8";

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => HtmlContentType;

    public string Html { get; } = html;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = HtmlContentType;
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentSecurityPolicy = ReportStyles.ContentSecurityPolicy;
        var bytes = Encoding.UTF8.GetBytes(Html);
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["text/html"]));
}
