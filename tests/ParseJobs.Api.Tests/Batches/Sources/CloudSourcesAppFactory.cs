using ParseJobs.Api.Auth;
using ParseJobs.Api.Tests.Batches.Sources.GoogleDrive;
using ParseJobs.Api.Tests.Batches.Sources.S3;
using ParseJobs.Api.Tests.Infrastructure;

namespace ParseJobs.Api.Tests.Batches.Sources;

/// <summary>
/// The real host with the cloud sources pointed at fakes on loopback: the fake S3 store on Sources:S3:AllowedEndpoints,
/// the fake Drive as Sources:GoogleDrive:BaseUri and its token endpoint as Sources:GoogleDrive:TokenUri. The fakes
/// start before the host (their ports go into its settings).
/// </summary>
public sealed class CloudSourcesAppFactory : ParseJobsAppFactory
{
    private FakeS3Server? _s3;
    private FakeDriveServer? _drive;

    public FakeS3Server S3 => _s3 ?? throw new InvalidOperationException("Not initialised.");

    public FakeDriveServer Drive => _drive ?? throw new InvalidOperationException("Not initialised.");

    protected override async Task BeforeHostStartsAsync()
    {
        _s3 = await FakeS3Server.StartAsync();
        _drive = await FakeDriveServer.StartAsync();
    }

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings, StringComparer.Ordinal)
    {
        ["Batches:ChunkSize"] = "2",
        ["RateLimits:SubmissionBurst"] = "10000",
        ["Sources:S3:AllowedEndpoints:0"] = S3.Endpoint.ToString(),
        ["Sources:S3:MaxRetries"] = "0",
        ["Sources:GoogleDrive:BaseUri"] = Drive.BaseUri,
        ["Sources:GoogleDrive:TokenUri"] = Drive.TokenUri,
        ["Sources:GoogleDrive:MaxRetries"] = "0",
    };

    protected override async ValueTask AfterHostStoppedAsync()
    {
        if (_s3 is not null)
        {
            await _s3.DisposeAsync();
        }

        if (_drive is not null)
        {
            await _drive.DisposeAsync();
        }
    }

    public async Task<HttpClient> BatchClientAsync() =>
        await CreateClientForNewOrganisationAsync(Scopes.BatchesRead, Scopes.BatchesWrite);
}

[CollectionDefinition(Name)]
public sealed class CloudSourcesCollection : ICollectionFixture<CloudSourcesAppFactory>
{
    public const string Name = "cloud-sources";
}
