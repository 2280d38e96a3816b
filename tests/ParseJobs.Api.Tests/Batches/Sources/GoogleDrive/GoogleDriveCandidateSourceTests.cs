using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Batches.Sources;
using ParseJobs.Api.Batches.Sources.GoogleDrive;
using ParseJobs.Api.Jobs;

namespace ParseJobs.Api.Tests.Batches.Sources.GoogleDrive;

/// <summary>The GOOGLE_DRIVE source against a fake Drive and token endpoint on loopback (the client's BaseUri pointed at it).</summary>
public sealed class GoogleDriveCandidateSourceTests : IAsyncLifetime
{
    private const string Folder = "folder-cvs_01";
    private const string AccessToken = "ya29.fake-access-token-never-logged";
    private FakeDriveServer _drive = null!;
    private readonly CapturingLogger<GoogleDriveCandidateSource> _log = new();

    public async Task InitializeAsync()
    {
        _drive = await FakeDriveServer.StartAsync();
        _drive.AcceptToken(AccessToken);
        _drive.AddFolder(Folder);
    }

    public async Task DisposeAsync() => await _drive.DisposeAsync();

    [Fact]
    public async Task Read_ListsEveryPageOfTheFolder_WithAnAccessToken()
    {
        for (var i = 0; i < 5; i++)
        {
            _drive.AddFile(Folder, $"id-{i}", $"cv-{i}.txt", "text/plain", $"Curriculum vitae {i}");
        }

        _drive.AddFile("another-folder", "elsewhere", "elsewhere.txt", "text/plain", "Not in this folder");

        var candidates = await ReadAsync(TokenConfig());

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"cv-{i}.txt"), candidates.Select(c => c.OriginalFilename), StringComparer.Ordinal);
        Assert.Equal("Curriculum vitae 4", Encoding.UTF8.GetString(candidates[4].Content!));
        Assert.True(_drive.Requests.Count(r => r.StartsWith("GET /drive/v3/files?", StringComparison.Ordinal)) >= 3, string.Join("\n", _drive.Requests));
        Assert.Contains(_drive.Requests, r => r.Contains(Uri.EscapeDataString($"'{Folder}' in parents and trashed = false"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Read_ExportsGoogleDocsAsDocx_AndGivesOtherTypesAnError()
    {
        _drive.AddFile(Folder, "doc", "Anna Example CV", FakeDriveServer.GoogleDocMimeType, "Anna's CV");
        _drive.AddFile(Folder, "sheet", "Salaries", "application/vnd.google-apps.spreadsheet", "");
        _drive.AddFile(Folder, "photo", "photo.jpg", "image/jpeg", "not a CV");
        _drive.AddFile(Folder, "pdf", "bob.pdf", "application/pdf", "%PDF-1.7 Bob");
        _drive.AddFolder("sub", "Archive", parent: Folder);
        _drive.Add(new FakeDriveServer.Item("bin", "deleted.txt", "text/plain", Folder, "In the bin"u8.ToArray(), Trashed: true));

        var candidates = (await ReadAsync(TokenConfig())).ToDictionary(c => c.OriginalFilename, StringComparer.Ordinal);

        Assert.Equal(["Anna Example CV.docx", "Salaries", "bob.pdf", "photo.jpg"], candidates.Keys.Order(StringComparer.Ordinal), StringComparer.Ordinal);
        Assert.Equal("Anna's CV", Encoding.UTF8.GetString(candidates["Anna Example CV.docx"].Content!));
        Assert.Contains(_drive.Requests, r => r.StartsWith("GET /drive/v3/files/doc/export?mimeType=" + Uri.EscapeDataString(FakeDriveServer.DocxMimeType), StringComparison.Ordinal));
        Assert.Contains("only Google Docs are exported", candidates["Salaries"].Error, StringComparison.Ordinal);
        Assert.Contains("not a CV type", candidates["photo.jpg"].Error, StringComparison.Ordinal);
        Assert.Equal("%PDF-1.7 Bob", Encoding.UTF8.GetString(candidates["bob.pdf"].Content!));
        Assert.DoesNotContain(_drive.Requests, r => r.Contains("files/sub", StringComparison.Ordinal) || r.Contains("'sub' in parents", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Read_GivesOversizeFilesAnError_FromTheListingOrWhileReading()
    {
        _drive.Add(new FakeDriveServer.Item("big", "big.pdf", "application/pdf", Folder, new byte[(1024 * 1024) + 1]));
        _drive.Add(new FakeDriveServer.Item("liar", "liar.pdf", "application/pdf", Folder, new byte[4 * 1024 * 1024], ListedSize: 100));

        var candidates = (await ReadAsync(TokenConfig())).ToDictionary(c => c.OriginalFilename, StringComparer.Ordinal);

        Assert.Contains("limit is 1,048,576 bytes", candidates["big.pdf"].Error, StringComparison.Ordinal);
        Assert.Contains("larger than the limit of 1,048,576 bytes", candidates["liar.pdf"].Error, StringComparison.Ordinal);
        Assert.Null(candidates["liar.pdf"].Content);
        Assert.DoesNotContain(_drive.Requests, r => r.StartsWith("GET /drive/v3/files/big?alt=media", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Read_GivesAFileDriveFailsOnAnError_AndReadsTheRest()
    {
        _drive.AddFile(Folder, "a", "a.txt", "text/plain", "First CV");
        _drive.AddFile(Folder, "b", "b.txt", "text/plain", "Second CV");
        _drive.AddFile(Folder, "c", "c.txt", "text/plain", "Third CV");
        _drive.Broken["b"] = true;

        var candidates = await ReadAsync(TokenConfig());

        Assert.Equal([null, "The file could not be read (Drive answered HTTP 500).", null], candidates.Select(c => c.Error), StringComparer.Ordinal);
        Assert.Equal("Third CV", Encoding.UTF8.GetString(candidates[2].Content!));
    }

    [Fact]
    public async Task Read_ThrowsSourceLimitExceeded_WhenTheFolderHoldsMoreFilesThanTheLimit()
    {
        for (var i = 0; i < 4; i++)
        {
            _drive.AddFile(Folder, $"id-{i}", $"cv-{i}.txt", "text/plain", "Some CV");
        }

        var error = await Assert.ThrowsAsync<CandidateSourceException>(() => ReadAsync(TokenConfig(), Options(maxFiles: 3)));

        Assert.Equal(ErrorCodes.SourceLimitExceeded, error.Code);
        Assert.Contains("more than 3 files", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_drive.Requests, r => r.Contains("alt=media", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Read_ThrowsSourceUnavailableWithoutTheToken_WhenDriveRefusesTheToken()
    {
        const string Expired = "ya29.expired-token-not-known";

        var error = await Assert.ThrowsAsync<CandidateSourceException>(() => ReadAsync(TokenConfig(Expired)));

        Assert.Equal(ErrorCodes.SourceUnavailable, error.Code);
        Assert.Contains("refused the access token (HTTP 401)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Expired, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Expired, _log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_ThrowsSourceUnavailable_WhenTheFolderDoesNotExist()
    {
        var error = await Assert.ThrowsAsync<CandidateSourceException>(() => ReadAsync(TokenConfig(folder: "no-such-folder")));

        Assert.Equal(ErrorCodes.SourceUnavailable, error.Code);
        Assert.Contains("Google Drive folder 'no-such-folder' was not found, or is not shared with the access token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_ThrowsSourceUnavailable_WhenTheIdIsAFile()
    {
        _drive.AddFile(Folder, "a-file", "cv.txt", "text/plain", "Some CV");

        var error = await Assert.ThrowsAsync<CandidateSourceException>(() => ReadAsync(TokenConfig(folder: "a-file")));

        Assert.Contains("is not a folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_SignsInWithTheServiceAccountAtTheTokenEndpoint()
    {
        _drive.AddFile(Folder, "id-1", "cv.txt", "text/plain", "Service account CV");
        var key = ServiceAccountKeys.Create(_drive, _drive.TokenUri);

        var candidate = Assert.Single(await ReadAsync(KeyConfig(key)));

        Assert.Equal("Service account CV", Encoding.UTF8.GetString(candidate.Content!));
        Assert.Contains("POST /token", _drive.Requests, StringComparer.Ordinal);
    }

    [Fact]
    public async Task Read_AcceptsTheKeyFileAsAString()
    {
        _drive.AddFile(Folder, "id-1", "cv.txt", "text/plain", "Service account CV");
        var key = ServiceAccountKeys.Create(_drive, _drive.TokenUri);

        var candidate = Assert.Single(await ReadAsync(KeyConfig(JsonSerializer.Serialize(key))));

        Assert.Null(candidate.Error);
    }

    [Fact]
    public async Task Read_ThrowsSourceUnavailableWithoutTheKey_WhenTheTokenEndpointRefusesTheServiceAccount()
    {
        var key = ServiceAccountKeys.Unknown("revoked@parsejobs-test.iam.gserviceaccount.com", _drive.TokenUri);

        var error = await Assert.ThrowsAsync<CandidateSourceException>(() => ReadAsync(KeyConfig(key)));

        Assert.Equal(ErrorCodes.SourceUnavailable, error.Code);
        Assert.Contains("token endpoint refused the service account revoked@parsejobs-test.iam.gserviceaccount.com", error.Message, StringComparison.Ordinal);
        var pemBody = key["private_key"].Split('\n')[1];
        Assert.DoesNotContain(pemBody, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(pemBody, _log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_NeverContactsAForeignTokenUri()
    {
        await using var foreign = await FakeDriveServer.StartAsync();
        _drive.AddFile(Folder, "id-1", "cv.txt", "text/plain", "Some CV");
        var key = ServiceAccountKeys.Create(foreign, foreign.TokenUri);

        var source = Source(Options());
        var problem = source.Check(Input(KeyConfig(key)));
        var error = await Assert.ThrowsAsync<CandidateSourceException>(() => ReadAsync(KeyConfig(key)));

        Assert.Equal("source_config_json.service_account_json.token_uri", problem?.Field);
        Assert.Equal(foreign.TokenUri, problem!.Provided);
        Assert.Contains("token_uri", error.Message, StringComparison.Ordinal);
        Assert.Empty(foreign.Requests);
        Assert.Empty(_drive.Requests);
    }

    private Task<List<SourceCandidate>> ReadAsync(JsonElement config) => ReadAsync(config, Options());

    private async Task<List<SourceCandidate>> ReadAsync(JsonElement config, GoogleDriveSourceOptions options)
    {
        var candidates = new List<SourceCandidate>();
        await foreach (var candidate in Source(options).ReadAsync(Input(config), CancellationToken.None))
        {
            candidates.Add(candidate);
        }

        return candidates;
    }

    private GoogleDriveCandidateSource Source(GoogleDriveSourceOptions options) => new(Microsoft.Extensions.Options.Options.Create(options), _log);

    private static CandidateSourceInput Input(JsonElement config) => new(Guid.NewGuid(), null, null, config);

    private GoogleDriveSourceOptions Options(int maxFiles = 1000) => new()
    {
        BaseUri = _drive.BaseUri,
        TokenUri = _drive.TokenUri,
        MaxFiles = maxFiles,
        MaxFileSizeMb = 1,
        MaxRetries = 0,
        RequestTimeoutSeconds = 10,
    };

    private static JsonElement TokenConfig(string token = AccessToken, string folder = Folder) =>
        JsonSerializer.SerializeToElement(new Dictionary<string, string>(StringComparer.Ordinal) { ["folder_id"] = folder, ["access_token"] = token });

    private static JsonElement KeyConfig(object key) =>
        JsonSerializer.SerializeToElement(new Dictionary<string, object>(StringComparer.Ordinal) { ["folder_id"] = Folder, ["service_account_json"] = key });
}
