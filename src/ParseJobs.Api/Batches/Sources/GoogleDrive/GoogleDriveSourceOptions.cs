using System.ComponentModel.DataAnnotations;

namespace ParseJobs.Api.Batches.Sources.GoogleDrive;

/// <summary>Operator settings of the GOOGLE_DRIVE candidate source (section <c>Sources:GoogleDrive</c>).</summary>
public sealed class GoogleDriveSourceOptions
{
    public const string Section = "Sources:GoogleDrive";

    /// <summary>Google's token endpoint: what a service account key's <c>token_uri</c> says (and the default when it says nothing).</summary>
    public const string GoogleTokenUri = "https://oauth2.googleapis.com/token";

    /// <summary>The token endpoint older service account keys name; also Google's.</summary>
    public const string LegacyGoogleTokenUri = "https://accounts.google.com/o/oauth2/token";

    /// <summary>The Drive v3 API root the client calls (files, files/{id}, files/{id}/export). Operator setting only.</summary>
    [Required]
    public string BaseUri { get; init; } = "https://www.googleapis.com/drive/v3/";

    /// <summary>
    /// One more token endpoint a service account key may name besides Google's (a test server, a token proxy).
    /// A key naming any other is refused at submission: the server would POST a signed assertion there.
    /// </summary>
    public string? TokenUri { get; init; }

    /// <summary>Most files a batch may read from its folder; more is SOURCE_LIMIT_EXCEEDED (no batch runs).</summary>
    [Range(1, 100_000)]
    public int MaxFiles { get; init; } = 1000;

    /// <summary>Largest file downloaded or Google Doc exported; a larger one is a candidate with an error.</summary>
    [Range(1, 500)]
    public int MaxFileSizeMb { get; init; } = 20;

    /// <summary>One Drive or token request may take this long (including reading a download).</summary>
    [Range(1, 600)]
    public int RequestTimeoutSeconds { get; init; } = 30;

    /// <summary>Retries of a request that failed with a 503 or a dropped connection; kept small so an unreachable Drive fails fast.</summary>
    [Range(0, 5)]
    public int MaxRetries { get; init; } = 2;

    public long MaxFileSizeBytes => MaxFileSizeMb * 1024L * 1024L;

    public TimeSpan RequestTimeout => TimeSpan.FromSeconds(RequestTimeoutSeconds);

    /// <summary>BaseUri absolute http(s) ending in '/', TokenUri absent or absolute http(s).</summary>
    public bool UrisAreValid() =>
        Uri.TryCreate(BaseUri, UriKind.Absolute, out var baseUri) && baseUri.Scheme is "http" or "https" && BaseUri.EndsWith('/')
        && (TokenUri is null || (Uri.TryCreate(TokenUri, UriKind.Absolute, out var tokenUri) && tokenUri.Scheme is "http" or "https"));

    /// <summary>Whether a service account key's <c>token_uri</c> is one the server may POST to: Google's or the operator's, exactly.</summary>
    public bool AcceptsTokenUri(string tokenUri) =>
        Same(tokenUri, GoogleTokenUri) || Same(tokenUri, LegacyGoogleTokenUri) || (TokenUri is not null && Same(tokenUri, TokenUri));

    private static bool Same(string candidate, string accepted) =>
        Uri.TryCreate(candidate, UriKind.Absolute, out var a) && Uri.TryCreate(accepted, UriKind.Absolute, out var b)
        && a.UserInfo.Length == 0 && a.Query.Length == 0 && a.Fragment.Length == 0
        && Uri.Compare(a, b, UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped, StringComparison.Ordinal) == 0;
}
