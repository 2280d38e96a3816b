using Microsoft.AspNetCore.Http.Metadata;

namespace ParseJobs.Api.Hosting;

/// <summary>Request body limits per endpoint: the server-wide limit is small, and each upload endpoint raises it for
/// itself (<see cref="WithUploadLimit"/>), so that a later ZIP endpoint can accept more than a CV endpoint does.</summary>
public static class UploadLimits
{
    /// <summary>Bodies of endpoints without an upload limit (JSON, dashboard forms, the login form).</summary>
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    // Multipart boundaries, headers and the small form fields around the file.
    private const long MultipartOverheadBytes = 1024 * 1024;

    /// <summary>The endpoint accepts one file of at most <paramref name="maxFileBytes"/>: Kestrel cuts the body off just
    /// above it, form reading allows it, and a 413 names it.</summary>
    public static RouteHandlerBuilder WithUploadLimit(this RouteHandlerBuilder builder, long maxFileBytes)
    {
        var limit = new UploadLimitMetadata(maxFileBytes, maxFileBytes + MultipartOverheadBytes);
        return builder.WithMetadata(limit).WithFormOptions(multipartBodyLengthLimit: limit.MaxRequestBodySize);
    }

    /// <summary>The 413 detail: this endpoint's own limit.</summary>
    public static string TooLargeDetail(HttpContext context) =>
        ErrorShapes.EndpointOf(context)?.Metadata.GetMetadata<UploadLimitMetadata>() is { } upload
            ? $"The request body is too large: {context.Request.Path} accepts files of at most {Megabytes(upload.MaxFileBytes)} MB."
            : $"The request body is too large: {context.Request.Path} accepts at most {DefaultMaxRequestBodyBytes / 1024} KB.";

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>An endpoint's upload limit; the routing middleware applies <see cref="MaxRequestBodySize"/> to the request.</summary>
public sealed record UploadLimitMetadata(long MaxFileBytes, long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
