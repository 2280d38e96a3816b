using System.Text.Json;
using System.Text.RegularExpressions;

namespace ParseJobs.Api.Batches.Sources.S3;

/// <summary>
/// An AWS_S3 <c>source_config_json</c>, checked: <c>{"bucket", "prefix", "region", "access_key_id",
/// "secret_access_key", "session_token"?, "endpoint_url"?}</c>. Holds credentials: never log it; its ToString hides them.
/// </summary>
public sealed partial record S3SourceConfig(
    string Bucket, string Prefix, string Region, string AccessKeyId, string SecretAccessKey, string? SessionToken, Uri? Endpoint)
{
    public const int MaxPrefixLength = 1024;

    private const string BucketExpected = "an S3 bucket name: 3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit";
    private const string RegionExpected = "an AWS region name such as eu-central-1";

    /// <summary>The checked config, or the first problem (for a 400 INVALID_INPUT).</summary>
    public static S3SourceConfig? Parse(JsonElement? json, S3SourceOptions options, out SourceProblem? problem)
    {
        var fields = SourceConfigFields.Open(json, "AWS_S3", out problem);
        if (fields is null)
        {
            return null;
        }

        var bucket = fields.RequiredString("bucket", BucketExpected, secret: false, out problem);
        if (problem is not null)
        {
            return null;
        }

        // The bucket becomes part of a host name (virtual-hosted addressing): only S3's own naming rules keep it one label set.
        if (!BucketName().IsMatch(bucket!) || bucket!.Contains("..", StringComparison.Ordinal))
        {
            problem = new SourceProblem(SourceConfigFields.Field("bucket"), "source_config_json.bucket is not a valid S3 bucket name.",
                SourceConfigFields.Quote(bucket), BucketExpected);
            return null;
        }

        var prefix = fields.OptionalString("prefix", "a key prefix such as cvs/2024/ (empty for the whole bucket)", secret: false, out problem) ?? "";
        if (problem is not null)
        {
            return null;
        }

        if (prefix.Length > MaxPrefixLength || prefix.Any(char.IsControl))
        {
            problem = new SourceProblem(SourceConfigFields.Field("prefix"), $"source_config_json.prefix must have at most {MaxPrefixLength} characters and no control characters.",
                SourceConfigFields.Quote(prefix), $"a key prefix of at most {MaxPrefixLength} characters");
            return null;
        }

        var region = fields.RequiredString("region", RegionExpected, secret: false, out problem);
        if (problem is not null)
        {
            return null;
        }

        // Without endpoint_url the region names the AWS host (s3.{region}.amazonaws.com): a name, never a host fragment.
        if (!RegionName().IsMatch(region!))
        {
            problem = new SourceProblem(SourceConfigFields.Field("region"), "source_config_json.region is not an AWS region name.",
                SourceConfigFields.Quote(region), RegionExpected);
            return null;
        }

        var accessKeyId = fields.RequiredString("access_key_id", "the access key id (a string)", secret: true, out problem);
        var secret = problem is null ? fields.RequiredString("secret_access_key", "the secret access key (a string)", secret: true, out problem) : null;
        var sessionToken = problem is null ? fields.OptionalString("session_token", "a session token of temporary credentials (a string)", secret: true, out problem) : null;
        if (problem is not null)
        {
            return null;
        }

        var endpoint = ParseEndpoint(fields, options, out problem);
        if (problem is not null)
        {
            return null;
        }

        return new S3SourceConfig(bucket, prefix, region!, accessKeyId!, secret!, string.IsNullOrEmpty(sessionToken) ? null : sessionToken, endpoint);
    }

    private static Uri? ParseEndpoint(SourceConfigFields fields, S3SourceOptions options, out SourceProblem? problem)
    {
        const string Expected = "an S3-compatible endpoint on the server's allow-list (Sources:S3:AllowedEndpoints), such as https://minio.example.com:9000";
        var value = fields.OptionalString("endpoint_url", Expected, secret: false, out problem);
        if (problem is not null || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!S3Endpoint.TryParse(value, out var endpoint))
        {
            // A URL with user info may carry a password: say so instead of quoting it.
            var provided = value.Contains('@', StringComparison.Ordinal) ? "a URL with user info" : SourceConfigFields.Quote(value);
            problem = new SourceProblem(SourceConfigFields.Field("endpoint_url"),
                "source_config_json.endpoint_url must be an absolute http(s) URL of scheme, host and port only.", provided, Expected);
            return null;
        }

        if (!options.Allows(endpoint))
        {
            problem = new SourceProblem(SourceConfigFields.Field("endpoint_url"), options.AllowedEndpoints.Count == 0
                    ? "source_config_json.endpoint_url is not allowed: this server accepts no custom S3 endpoint (ask its operator to add it to Sources:S3:AllowedEndpoints)."
                    : "source_config_json.endpoint_url is not on this server's allow-list of S3 endpoints (Sources:S3:AllowedEndpoints).",
                SourceConfigFields.Quote(endpoint.GetLeftPart(UriPartial.Authority)), Expected);
            return null;
        }

        return endpoint;
    }

    /// <summary>Never the credentials (a record's generated ToString would print them into a log).</summary>
    public override string ToString() => $"S3 bucket '{Bucket}', prefix '{Prefix}', region {Region}" + (Endpoint is null ? "" : $", endpoint {Endpoint.GetLeftPart(UriPartial.Authority)}");

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex BucketName();

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex RegionName();
}
