using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ParseJobs.Api.Batches.Sources.GoogleDrive;

/// <summary>A service account key as far as the source needs it (the key file's other fields are not used).</summary>
/// <param name="TokenUri">Checked against the accepted token endpoints: the only place a token request may go.</param>
public sealed record ServiceAccountKey(string ClientEmail, string PrivateKeyPem, string? PrivateKeyId, string TokenUri)
{
    public override string ToString() => $"service account {ClientEmail}";
}

/// <summary>
/// A GOOGLE_DRIVE <c>source_config_json</c>, checked: <c>{"folder_id", "service_account_json" | "access_token"}</c>;
/// <c>service_account_json</c> is the key file's JSON, as an object or as a string. Exactly one credential.
/// Holds credentials: never log it; its ToString hides them.
/// </summary>
public sealed partial record GoogleDriveSourceConfig(string FolderId, ServiceAccountKey? ServiceAccount, string? AccessToken)
{
    public const int MaxServiceAccountJsonLength = 32 * 1024;
    public const int MaxAccessTokenLength = 4096;

    private const string FolderExpected = "a Drive folder id (letters, digits, '-' and '_'), as in https://drive.google.com/drive/folders/{folder_id}";
    private const string CredentialExpected = "exactly one of service_account_json (the service account's key file) or access_token (an OAuth access token)";
    private const string KeyExpected = "a service account key file (JSON with type \"service_account\", client_email, private_key)";

    public static GoogleDriveSourceConfig? Parse(JsonElement? json, GoogleDriveSourceOptions options, out SourceProblem? problem)
    {
        var fields = SourceConfigFields.Open(json, "GOOGLE_DRIVE", out problem);
        if (fields is null)
        {
            return null;
        }

        var folderId = fields.RequiredString("folder_id", FolderExpected, secret: false, out problem);
        if (problem is not null)
        {
            return null;
        }

        // The id is quoted into a Drive query ('{id}' in parents) and a path: only the characters of Drive ids.
        if (!FolderIdPattern().IsMatch(folderId!))
        {
            problem = new SourceProblem(SourceConfigFields.Field("folder_id"), "source_config_json.folder_id is not a Drive folder id.",
                SourceConfigFields.Quote(folderId), FolderExpected);
            return null;
        }

        var hasKey = fields.Has("service_account_json");
        var hasToken = fields.Has("access_token");
        if (hasKey == hasToken)
        {
            problem = new SourceProblem(SourceConfigFields.FieldPrefix,
                hasKey ? "Give one credential, not both: service_account_json or access_token." : "A credential is required: service_account_json or access_token.",
                Provided: hasKey ? "service_account_json and access_token" : "neither", Expected: CredentialExpected);
            return null;
        }

        if (hasToken)
        {
            var token = fields.RequiredString("access_token", "an OAuth 2.0 access token with a Drive read scope (a string)", secret: true, out problem);
            if (problem is not null)
            {
                return null;
            }

            if (token!.Length > MaxAccessTokenLength || token.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
            {
                problem = new SourceProblem(SourceConfigFields.Field("access_token"), "source_config_json.access_token is not an access token.",
                    Provided: $"a string of {token.Length} characters", Expected: $"an access token of at most {MaxAccessTokenLength} characters without spaces");
                return null;
            }

            return new GoogleDriveSourceConfig(folderId!, null, token);
        }

        var key = ParseKey(fields.Element("service_account_json")!.Value, options, out problem);
        return key is null ? null : new GoogleDriveSourceConfig(folderId!, key, null);
    }

    private static ServiceAccountKey? ParseKey(JsonElement value, GoogleDriveSourceOptions options, out SourceProblem? problem)
    {
        var field = SourceConfigFields.Field("service_account_json");
        JsonElement key;
        if (value.ValueKind is JsonValueKind.String)
        {
            var text = value.GetString()!;
            if (text.Length > MaxServiceAccountJsonLength || !TryParseObject(text, out key))
            {
                problem = new SourceProblem(field, "source_config_json.service_account_json is not a service account key file's JSON.",
                    Provided: text.Length > MaxServiceAccountJsonLength ? $"a string of {text.Length} characters" : "a string that is not a JSON object", Expected: KeyExpected);
                return null;
            }
        }
        else if (value.ValueKind is JsonValueKind.Object && value.GetRawText().Length <= MaxServiceAccountJsonLength)
        {
            key = value;
        }
        else
        {
            problem = new SourceProblem(field, "source_config_json.service_account_json must be the key file's JSON (an object, or a string holding it).",
                Provided: SourceConfigFields.Kind(value), Expected: KeyExpected);
            return null;
        }

        var type = String(key, "type");
        var email = String(key, "client_email");
        var pem = String(key, "private_key");
        if (type != "service_account" || string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(pem))
        {
            problem = new SourceProblem(field, "source_config_json.service_account_json is not a service account key: it needs type \"service_account\", client_email and private_key.",
                Provided: $"a key of type {(type is null ? "(none)" : SourceConfigFields.Quote(type))}", Expected: KeyExpected);
            return null;
        }

        if (!IsRsaPrivateKey(pem))
        {
            problem = new SourceProblem($"{field}.private_key", "The service account key's private_key is not a PEM RSA private key.",
                Provided: "a private_key that does not parse", Expected: "the key file's private_key: a PEM RSA key, as Google's console writes it");
            return null;
        }

        // SSRF: the key file names the token endpoint the server will POST a signed assertion to. Only Google's or the
        // operator's: anything else would let a submission make the server call any address it can reach.
        var tokenUri = String(key, "token_uri") ?? options.TokenUri ?? GoogleDriveSourceOptions.GoogleTokenUri;
        if (!options.AcceptsTokenUri(tokenUri))
        {
            problem = new SourceProblem($"{field}.token_uri", "The service account key's token_uri is not Google's token endpoint; this server sends tokens requests nowhere else.",
                Provided: SourceConfigFields.Quote(tokenUri), Expected: GoogleDriveSourceOptions.GoogleTokenUri);
            return null;
        }

        problem = null;
        return new ServiceAccountKey(email, pem, String(key, "private_key_id"), tokenUri);
    }

    private static bool TryParseObject(string text, out JsonElement element)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 8 });
            element = document.RootElement.Clone();
            return element.ValueKind is JsonValueKind.Object;
        }
        catch (JsonException)
        {
            element = default;
            return false;
        }
    }

    private static string? String(JsonElement key, string name) =>
        key.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String ? value.GetString() : null;

    private static bool IsRsaPrivateKey(string pem)
    {
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Never the credentials (a record's generated ToString would print them into a log).</summary>
    public override string ToString() => $"Drive folder {FolderId} with {(ServiceAccount is null ? "an access token" : ServiceAccount.ToString())}";

    [GeneratedRegex("^[A-Za-z0-9_-]{1,200}$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex FolderIdPattern();
}
