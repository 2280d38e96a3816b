using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ParseJobs.Api.Tests.Batches.Sources.GoogleDrive;

/// <summary>
/// Google Drive v3 and Google's OAuth token endpoint on 127.0.0.1: files.get (metadata and alt=media), files.list
/// (the "'{folder}' in parents and trashed = false" query, paged by <see cref="PageSize"/>), files.export, and a token
/// endpoint that checks a service account's signed JWT (RS256 with the key the test made) before issuing a token.
/// Requests without a known bearer token get Drive's 401.
/// </summary>
public sealed class FakeDriveServer : IAsyncDisposable
{
    public const string FolderMimeType = "application/vnd.google-apps.folder";
    public const string GoogleDocMimeType = "application/vnd.google-apps.document";
    public const string DocxMimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The audience the client library signs for, whatever token endpoint it posts to (as Google's endpoint checks).</summary>
    private const string GoogleTokenUri = "https://oauth2.googleapis.com/token";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Item> _items = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _tokens = new(StringComparer.Ordinal);

    private FakeDriveServer(WebApplication app) => _app = app;

    public sealed record Item(string Id, string Name, string MimeType, string? Parent, byte[] Content, bool Trashed = false, long? ListedSize = null);

    public int PageSize { get; set; } = 2;

    /// <summary>File ids whose download answers 500 (a Drive failing on some files).</summary>
    public ConcurrentDictionary<string, bool> Broken { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Service accounts the token endpoint accepts: client_email → public key.</summary>
    public ConcurrentDictionary<string, RSA> ServiceAccounts { get; } = new(StringComparer.Ordinal);

    public Uri Root { get; private set; } = null!;

    public string BaseUri => new Uri(Root, "drive/v3/").ToString();

    public string TokenUri => new Uri(Root, "token").ToString();

    public static async Task<FakeDriveServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeDriveServer(app);
        app.MapPost("/token", server.TokenAsync);
        app.MapGet("/drive/v3/files", server.ListAsync);
        app.MapGet("/drive/v3/files/{id}", server.GetAsync);
        app.MapGet("/drive/v3/files/{id}/export", server.ExportAsync);
        await app.StartAsync();
        server.Root = new Uri(app.Urls.Single());
        return server;
    }

    /// <summary>An access token the Drive endpoints accept.</summary>
    public void AcceptToken(string token) => _tokens[token] = true;

    public void Add(Item item) => _items[item.Id] = item;

    public void AddFolder(string id, string name = "CVs", string? parent = null) => Add(new Item(id, name, FolderMimeType, parent, []));

    public void AddFile(string folder, string id, string name, string mimeType, string text) =>
        Add(new Item(id, name, mimeType, folder, Encoding.UTF8.GetBytes(text)));

    private async Task TokenAsync(HttpContext context)
    {
        Requests.Enqueue("POST /token");
        var form = await context.Request.ReadFormAsync();
        var assertion = form["assertion"].ToString();
        var parts = assertion.Split('.');
        if (form["grant_type"] != "urn:ietf:params:oauth:grant-type:jwt-bearer" || parts.Length != 3)
        {
            await TokenErrorAsync(context, "invalid_request");
            return;
        }

        using var payload = JsonDocument.Parse(Base64Url(parts[1]));
        var issuer = payload.RootElement.GetProperty("iss").GetString() ?? "";
        var audience = payload.RootElement.GetProperty("aud").GetString();
        var scope = payload.RootElement.TryGetProperty("scope", out var s) ? s.GetString() ?? "" : "";
        if (!ServiceAccounts.TryGetValue(issuer, out var key)
            || !key.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Base64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            || audience != GoogleTokenUri || !scope.Contains("https://www.googleapis.com/auth/drive.readonly", StringComparison.Ordinal))
        {
            await TokenErrorAsync(context, "invalid_grant");
            return;
        }

        var token = $"sa-token-{Guid.NewGuid():N}";
        AcceptToken(token);
        await context.Response.WriteAsJsonAsync(new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["access_token"] = token, ["expires_in"] = 3600, ["token_type"] = "Bearer",
        });
    }

    private async Task ListAsync(HttpContext context)
    {
        Requests.Enqueue($"GET /drive/v3/files{context.Request.QueryString}");
        if (!await AuthorisedAsync(context))
        {
            return;
        }

        var q = context.Request.Query["q"].ToString();
        var parent = q.Split('\'')[1];
        var excludeTrashed = q.Contains("trashed = false", StringComparison.Ordinal);
        var after = context.Request.Query["pageToken"].ToString();
        var children = _items.Values.Where(i => i.Parent == parent && !(excludeTrashed && i.Trashed))
            .OrderBy(i => i.Name, StringComparer.Ordinal).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        var start = after.Length == 0 ? 0 : int.Parse(after, System.Globalization.CultureInfo.InvariantCulture);
        var page = children.Skip(start).Take(PageSize).ToList();
        var next = start + page.Count < children.Count ? (start + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        await context.Response.WriteAsJsonAsync(new
        {
            nextPageToken = next,
            files = page.Select(i => new
            {
                id = i.Id,
                name = i.Name,
                mimeType = i.MimeType,
                // Drive sends int64 as a JSON string, and no size for Google-native files and folders.
                size = i.MimeType.StartsWith("application/vnd.google-apps.", StringComparison.Ordinal)
                    ? null : (i.ListedSize ?? i.Content.LongLength).ToString(System.Globalization.CultureInfo.InvariantCulture),
            }),
        });
    }

    private async Task GetAsync(HttpContext context, string id)
    {
        Requests.Enqueue($"GET /drive/v3/files/{id}{context.Request.QueryString}");
        if (!await AuthorisedAsync(context))
        {
            return;
        }

        if (!_items.TryGetValue(id, out var item))
        {
            await DriveErrorAsync(context, 404, $"File not found: {id}.");
            return;
        }

        if (context.Request.Query["alt"] == "media")
        {
            if (Broken.ContainsKey(id))
            {
                await DriveErrorAsync(context, 500, "Internal Error");
                return;
            }

            if (item.MimeType.StartsWith("application/vnd.google-apps.", StringComparison.Ordinal))
            {
                await DriveErrorAsync(context, 403, "Only files with binary content can be downloaded. Use Export with Docs Editors files.");
                return;
            }

            await WriteBodyAsync(context, item.Content, "application/octet-stream");
            return;
        }

        await context.Response.WriteAsJsonAsync(new { id = item.Id, name = item.Name, mimeType = item.MimeType });
    }

    private async Task ExportAsync(HttpContext context, string id)
    {
        Requests.Enqueue($"GET /drive/v3/files/{id}/export{context.Request.QueryString}");
        if (!await AuthorisedAsync(context))
        {
            return;
        }

        if (!_items.TryGetValue(id, out var item) || item.MimeType != GoogleDocMimeType || context.Request.Query["mimeType"] != DocxMimeType)
        {
            await DriveErrorAsync(context, 400, "Export only supports Docs Editors files.");
            return;
        }

        // A Google Doc's content here is what its export to DOCX gives.
        await WriteBodyAsync(context, item.Content, DocxMimeType);
    }

    private static async Task WriteBodyAsync(HttpContext context, byte[] content, string type)
    {
        context.Response.ContentType = type;
        try
        {
            await context.Response.Body.WriteAsync(content, context.RequestAborted);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client stopped reading (a file over its size limit): expected.
        }
    }

    private async Task<bool> AuthorisedAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.Ordinal) && _tokens.ContainsKey(header["Bearer ".Length..]))
        {
            return true;
        }

        await DriveErrorAsync(context, 401, "Request had invalid authentication credentials.");
        return false;
    }

    private static async Task DriveErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new { error = new { code = status, message } });
    }

    private static async Task TokenErrorAsync(HttpContext context, string error)
    {
        context.Response.StatusCode = 400;
        await context.Response.WriteAsJsonAsync(new { error, error_description = "Invalid JWT Signature." });
    }

    private static byte[] Base64Url(string value)
    {
        var padded = value.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var key in ServiceAccounts.Values)
        {
            key.Dispose();
        }
    }
}
