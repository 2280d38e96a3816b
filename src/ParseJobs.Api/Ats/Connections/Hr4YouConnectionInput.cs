using ParseJobs.Api.Ats.Hr4You;

namespace ParseJobs.Api.Ats.Connections;

/// <summary>
/// The one check of a base URL and token given for an HR4YOU connection, by <c>ats connect</c> and the admin
/// endpoint alike. The messages name the field and the rule, never the value (a token pasted into the URL field
/// must not come back in an error).
/// </summary>
public static class Hr4YouConnectionInput
{
    public const string BaseUrlField = "baseUrl";
    public const string TokenField = "token";

    private const int MaxUrlLength = 2_048;
    private const int MaxTokenLength = 4_096;

    /// <summary>The connection, or the errors by field.</summary>
    public static (Hr4YouConnection? Connection, Dictionary<string, string[]> Errors) Read(string? baseUrl, string? token)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var url = BaseUrl(baseUrl, out var urlError);
        if (urlError is not null)
        {
            errors[BaseUrlField] = [urlError];
        }

        if (TokenError(token) is { } tokenError)
        {
            errors[TokenField] = [tokenError];
        }

        return errors.Count > 0 || url is null ? (null, errors) : (new Hr4YouConnection(url, token!.Trim()), errors);
    }

    private static Uri? BaseUrl(string? value, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            error = "The base URL is required: HR4YOU's API address, e.g. https://acme.hr4you.example/api/.";
            return null;
        }

        if (value.Length > MaxUrlLength
            || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url)
            || url.Scheme is not ("https" or "http")
            || string.IsNullOrEmpty(url.Host))
        {
            error = "The base URL must be an absolute http or https URL, e.g. https://acme.hr4you.example/api/.";
            return null;
        }

        // Credentials belong in the token, which is stored encrypted and never shown; a URL is logged with requests.
        if (url.UserInfo.Length > 0 || url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            error = "The base URL must not carry user info, a query or a fragment; put the credentials in the token.";
            return null;
        }

        return url;
    }

    private static string? TokenError(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return "The API token is required.";
        }

        var trimmed = token.Trim();
        if (trimmed.Length > MaxTokenLength)
        {
            return $"The API token has more than {MaxTokenLength} characters.";
        }

        // It goes into an Authorization header: visible ASCII only, no spaces or line breaks.
        return trimmed.Any(c => c is < '!' or > '~') ? "The API token may hold visible ASCII characters only (no spaces or line breaks)." : null;
    }
}
