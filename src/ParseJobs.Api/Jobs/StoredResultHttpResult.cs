using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;

namespace ParseJobs.Api.Jobs;

/// <summary>
/// 200 with a completed job's stored result written as stored (no deserialise-serialise per GET), optionally
/// wrapped in an envelope; 304 when the client's <c>If-None-Match</c> holds the ETag. A completed job's result
/// never changes (only failed jobs are resubmitted), so the ETag is the job id and its completion time.
/// The OpenAPI document shows <typeparamref name="TSchema"/>, the shape the bytes have.
/// </summary>
public sealed class StoredResultHttpResult<TSchema> : IResult, IEndpointMetadataProvider
{
    private readonly string _etag;
    private readonly Action<Utf8JsonWriter> _write;

    /// <param name="job">The completed job (its id and completion time make the ETag).</param>
    /// <param name="write">Writes the body: the stored result, or an envelope around it.</param>
    public StoredResultHttpResult(Job job, Action<Utf8JsonWriter> write)
    {
        _etag = StoredResults.ETagOf(job);
        _write = write;
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.Headers.ETag = _etag;
        if (httpContext.Request.Headers.IfNoneMatch.Any(v => v is not null
            && v.Split(',').Any(tag => tag.Trim() is var t && (t == "*" || string.Equals(t.TrimStart('W', '/'), _etag, StringComparison.Ordinal)))))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(response.BodyWriter);
        _write(writer);
        await writer.FlushAsync(httpContext.RequestAborted);
    }

#pragma warning disable CA1000 // IEndpointMetadataProvider's contract is this static member
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(TSchema), ["application/json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void), []));
    }
#pragma warning restore CA1000
}

public static class StoredResults
{
    /// <summary>The stored result itself is the body.</summary>
    public static StoredResultHttpResult<TSchema> Of<TSchema>(Job job, string storedJson) =>
        new(job, writer => writer.WriteRawValue(storedJson, skipInputValidation: true));

    public static string ETagOf(Job job) => $"\"{job.Id:N}-{job.CompletedAt?.UtcTicks ?? 0:x}\"";
}
