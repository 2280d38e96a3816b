using System.Diagnostics.CodeAnalysis;

namespace ParseJobs.Api.Batches.Sources.S3;

/// <summary>An <c>endpoint_url</c> or allow-list entry: an absolute http(s) origin (a path of "/" at most, no user info, query or fragment).</summary>
public static class S3Endpoint
{
    public static bool TryParse(string? value, [NotNullWhen(true)] out Uri? endpoint)
    {
        endpoint = null;
        if (!Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || uri.UserInfo.Length > 0 || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return false;
        }

        endpoint = uri;
        return true;
    }

    /// <summary>Scheme, host and port equal (the port explicit or the scheme's default).</summary>
    public static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
