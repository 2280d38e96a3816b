using System.ComponentModel.DataAnnotations;

namespace ParseJobs.Api.Batches.Sources.S3;

/// <summary>Operator settings of the AWS_S3 candidate source (section <c>Sources:S3</c>).</summary>
public sealed class S3SourceOptions
{
    public const string Section = "Sources:S3";

    /// <summary>
    /// S3-compatible endpoints a submission may name in <c>endpoint_url</c> (MinIO, Ceph, another cloud's S3 API):
    /// absolute http(s) URLs, matched on scheme, host and port exactly. Empty by default: no submission can make the
    /// server connect anywhere but AWS's own S3 endpoint of a region.
    /// </summary>
    public IList<string> AllowedEndpoints { get; init; } = [];

    /// <summary>Most objects a batch may read under its prefix; more is SOURCE_LIMIT_EXCEEDED (no batch runs).</summary>
    [Range(1, 100_000)]
    public int MaxObjects { get; init; } = 1000;

    /// <summary>Largest object read; a larger one is a candidate with an error (checked on the listing and while reading).</summary>
    [Range(1, 500)]
    public int MaxObjectSizeMb { get; init; } = 20;

    /// <summary>One S3 request (a listing page, an object download) may take this long.</summary>
    [Range(1, 600)]
    public int RequestTimeoutSeconds { get; init; } = 30;

    /// <summary>The SDK's retries of a failed request (throttling, 5xx, a dropped connection); kept small so an unreachable store fails fast.</summary>
    [Range(0, 5)]
    public int MaxRetries { get; init; } = 2;

    public long MaxObjectSizeBytes => MaxObjectSizeMb * 1024L * 1024L;

    /// <summary>Whether every allowed endpoint is an absolute http(s) URL with nothing but scheme, host and port.</summary>
    public bool AllowedEndpointsAreValid() => AllowedEndpoints.All(entry => S3Endpoint.TryParse(entry, out _));

    /// <summary>Whether <paramref name="endpoint"/> is on the allow-list (scheme, host and port equal).</summary>
    public bool Allows(Uri endpoint) => AllowedEndpoints.Any(entry =>
        S3Endpoint.TryParse(entry, out var allowed) && S3Endpoint.SameOrigin(allowed, endpoint));
}
