using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Google.Apis.Auth.OAuth2;
using Google.Apis.Http;
using Google.Apis.Services;

namespace ParseJobs.Api.Batches.Sources.GoogleDrive;

/// <summary>One Drive file as files.list describes it (the fields the source asks for).</summary>
public sealed record DriveFile
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("mimeType")] public string MimeType { get; init; } = "";

    /// <summary>Bytes of a stored file; absent for Google-native documents (Docs, Sheets) and folders.</summary>
    [JsonPropertyName("size")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? Size { get; init; }
}

public sealed record DriveFileList
{
    [JsonPropertyName("nextPageToken")] public string? NextPageToken { get; init; }
    [JsonPropertyName("files")] public List<DriveFile>? Files { get; init; }
}

/// <summary>A Drive answer other than 2xx: its status (the source turns it into a message).</summary>
public sealed class DriveResponseException(HttpStatusCode status) : Exception($"Drive answered HTTP {(int)status}.")
{
    public HttpStatusCode Status { get; } = status;
}

/// <summary>
/// The three Drive v3 calls the source makes (files.get, files.list, files.get alt=media / files.export) over the
/// Google client library's HTTP stack (credentials, token refresh, back-off). Google.Apis.Drive.v3 itself is not
/// served by our package feed; its generated request classes would add nothing the source uses.
/// </summary>
public sealed class DriveClient : IDisposable
{
    public const string FolderMimeType = "application/vnd.google-apps.folder";
    public const string DriveReadonlyScope = "https://www.googleapis.com/auth/drive.readonly";

    /// <summary>A listing page or a file's metadata is small; a larger answer is no Drive's.</summary>
    private const long MaxMetadataBytes = 8 * 1024 * 1024;

    private readonly DriveService _service;
    private readonly Uri _baseUri;

    public DriveClient(GoogleDriveSourceConfig config, GoogleDriveSourceOptions options)
    {
        var http = new TimeoutHttpClientFactory(options.RequestTimeout);
        IConfigurableHttpClientInitializer credential = config.ServiceAccount is { } key
            ? new ServiceAccountCredential(new ServiceAccountCredential.Initializer(key.ClientEmail, key.TokenUri)
            {
                Scopes = [DriveReadonlyScope],
                KeyId = key.PrivateKeyId,
                HttpClientFactory = http,
            }.FromPrivateKey(key.PrivateKeyPem))
            : GoogleCredential.FromAccessToken(config.AccessToken);

        _baseUri = new Uri(options.BaseUri);
        _service = new DriveService(new BaseClientService.Initializer
        {
            HttpClientInitializer = credential,
            HttpClientFactory = http,
            BaseUri = options.BaseUri,
            ApplicationName = "ParseJobs",
            HttpClientTimeout = options.RequestTimeout,
        });
        _service.HttpClient.MessageHandler.NumTries = options.MaxRetries + 1;
    }

    /// <summary>files.get of a folder's metadata (to tell "not found" from "empty").</summary>
    public Task<DriveFile> GetMetadataAsync(string fileId, CancellationToken ct) =>
        GetJsonAsync<DriveFile>($"files/{fileId}?fields=id,name,mimeType&supportsAllDrives=true", ct);

    /// <summary>One page of the folder's children that are not trashed.</summary>
    public Task<DriveFileList> ListChildrenAsync(string folderId, string? pageToken, CancellationToken ct)
    {
        // folderId is checked to be [A-Za-z0-9_-] (GoogleDriveSourceConfig), so it cannot break out of the quotes.
        var query = Uri.EscapeDataString($"'{folderId}' in parents and trashed = false");
        var page = pageToken is null ? "" : $"&pageToken={Uri.EscapeDataString(pageToken)}";
        return GetJsonAsync<DriveFileList>(
            $"files?q={query}&fields=nextPageToken,files(id,name,mimeType,size)&pageSize=100&orderBy=name&supportsAllDrives=true&includeItemsFromAllDrives=true{page}", ct);
    }

    /// <summary>A stored file's bytes (null: more than <paramref name="limit"/>).</summary>
    public Task<byte[]?> DownloadAsync(string fileId, long limit, CancellationToken ct) =>
        GetBoundedAsync($"files/{Uri.EscapeDataString(fileId)}?alt=media&supportsAllDrives=true", limit, ct);

    /// <summary>A Google-native document exported to <paramref name="mimeType"/> (null: more than <paramref name="limit"/>).</summary>
    public Task<byte[]?> ExportAsync(string fileId, string mimeType, long limit, CancellationToken ct) =>
        GetBoundedAsync($"files/{Uri.EscapeDataString(fileId)}/export?mimeType={Uri.EscapeDataString(mimeType)}", limit, ct);

    private async Task<T> GetJsonAsync<T>(string relative, CancellationToken ct)
    {
        var bytes = await GetBoundedAsync(relative, MaxMetadataBytes, ct)
            ?? throw new InvalidDataException($"Drive's answer was larger than {MaxMetadataBytes:N0} bytes.");
        try
        {
            return JsonSerializer.Deserialize<T>(bytes) ?? throw new InvalidDataException("Drive's answer was JSON null.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException("Drive's answer was not the expected JSON.", e);
        }
    }

    private async Task<byte[]?> GetBoundedAsync(string relative, long limit, CancellationToken ct)
    {
        using var response = await _service.HttpClient.GetAsync(new Uri(_baseUri, relative), HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new DriveResponseException(response.StatusCode);
        }

        if (response.Content.Headers.ContentLength > limit)
        {
            return null;
        }

        await using var body = await response.Content.ReadAsStreamAsync(ct);
        return await RemoteDocuments.ReadBoundedAsync(body, limit, ct);
    }

    public void Dispose() => _service.Dispose();

    /// <summary>The client library's service shell: the HTTP stack with credentials, for <see cref="BaseUri"/>.</summary>
    private sealed class DriveService(BaseClientService.Initializer initializer) : BaseClientService(initializer)
    {
        public override string Name => "drive";
        public override string BaseUri => BaseUriOverride ?? "https://www.googleapis.com/drive/v3/";
        public override string BasePath => "drive/v3/";
        public override IList<string> Features => [];
    }

    /// <summary>Token requests get the same per-request timeout as Drive's (the library's default is 100 s).</summary>
    private sealed class TimeoutHttpClientFactory(TimeSpan timeout) : Google.Apis.Http.IHttpClientFactory
    {
        private readonly HttpClientFactory _inner = new();

        public ConfigurableHttpClient CreateHttpClient(CreateHttpClientArgs args)
        {
            var client = _inner.CreateHttpClient(args);
            client.Timeout = timeout;
            return client;
        }
    }
}
