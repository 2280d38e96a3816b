using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Batches.Sources;
using ParseJobs.Api.Batches.Sources.S3;
using ParseJobs.Api.Jobs;

namespace ParseJobs.Api.Tests.Batches.Sources.S3;

/// <summary>The AWS_S3 source against an S3-compatible fake on loopback (the real SDK, path-style, ServiceURL pointed at it).</summary>
public sealed class S3CandidateSourceTests : IAsyncLifetime
{
    private const string Bucket = "cv-bucket";
    private FakeS3Server _s3 = null!;
    private readonly CapturingLogger<S3CandidateSource> _log = new();

    public async Task InitializeAsync()
    {
        _s3 = await FakeS3Server.StartAsync();
        _s3.CreateBucket(Bucket);
    }

    public async Task DisposeAsync() => await _s3.DisposeAsync();

    [Fact]
    public async Task Read_ListsEveryPage_WhenThePrefixHoldsMoreObjectsThanOnePage()
    {
        for (var i = 0; i < 7; i++)
        {
            _s3.Put(Bucket, $"cvs/cv-{i}.txt", $"Curriculum vitae number {i}");
        }

        _s3.Put(Bucket, "other/not-this.txt", "Outside the prefix");

        var candidates = await ReadAsync(Config(prefix: "cvs/"));

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"cvs/cv-{i}.txt"), candidates.Select(c => c.OriginalFilename), StringComparer.Ordinal);
        Assert.All(candidates, c => Assert.Null(c.Error));
        Assert.Equal("Curriculum vitae number 3", Encoding.UTF8.GetString(candidates[3].Content!));
        Assert.True(_s3.Requests.Count(r => r.Contains("list-type=2", StringComparison.Ordinal)) >= 4, string.Join("\n", _s3.Requests));
        Assert.DoesNotContain(_s3.Requests, r => r.Contains("not-this", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Read_NamesNestedKeysInFullAndSkipsFolderMarkers()
    {
        _s3.Put(Bucket, "2024/", []);
        _s3.Put(Bucket, "2024/march/", []);
        _s3.Put(Bucket, "2024/march/anna.txt", "Anna Example, engineer");
        _s3.Put(Bucket, "2024/bob.txt", "Bob Example, engineer");

        var candidates = await ReadAsync(Config(prefix: "2024/"));

        Assert.Equal(["2024/bob.txt", "2024/march/anna.txt"], candidates.Select(c => c.OriginalFilename), StringComparer.Ordinal);
        Assert.Equal("Anna Example, engineer", Encoding.UTF8.GetString(candidates[1].Content!));
    }

    [Fact]
    public async Task Read_GivesNonCvAndEmptyAndOversizeObjectsAnError_WithoutFailingTheSource()
    {
        _s3.Put(Bucket, "photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0]);
        _s3.Put(Bucket, "empty.pdf", []);
        _s3.Put(Bucket, "huge.pdf", new byte[(1024 * 1024) + 1]);
        _s3.Put(Bucket, "ok.txt", "A fine CV text");

        var candidates = (await ReadAsync(Config())).ToDictionary(c => c.OriginalFilename, StringComparer.Ordinal);

        Assert.Contains("not a CV type", candidates["photo.jpg"].Error, StringComparison.Ordinal);
        Assert.Contains("empty", candidates["empty.pdf"].Error, StringComparison.Ordinal);
        Assert.Contains("limit is 1,048,576 bytes", candidates["huge.pdf"].Error, StringComparison.Ordinal);
        Assert.Null(candidates["ok.txt"].Error);
        // Neither the JPEG, the empty object nor the one the listing says is too large was downloaded.
        Assert.DoesNotContain(_s3.Requests, r => r.StartsWith($"GET /{Bucket}/photo.jpg", StringComparison.Ordinal)
            || r.StartsWith($"GET /{Bucket}/huge.pdf", StringComparison.Ordinal) || r.StartsWith($"GET /{Bucket}/empty.pdf", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Read_StopsReadingAtTheSizeLimit_WhenTheListingUnderstatesTheSize()
    {
        _s3.Put(Bucket, "liar.pdf", new byte[5 * 1024 * 1024], listedSize: 1000);

        var candidate = Assert.Single(await ReadAsync(Config()));

        Assert.Null(candidate.Content);
        Assert.Contains("larger than the limit of 1,048,576 bytes", candidate.Error, StringComparison.Ordinal);
        Assert.Contains(_s3.Requests, r => r == $"GET /{Bucket}/liar.pdf");
    }

    [Fact]
    public async Task Read_ThrowsSourceLimitExceeded_WhenThePrefixHoldsMoreObjectsThanTheLimit()
    {
        for (var i = 0; i < 6; i++)
        {
            _s3.Put(Bucket, $"cv-{i}.txt", "Some CV text");
        }

        var error = await Assert.ThrowsAsync<CandidateSourceException>(() => ReadAsync(Config(), new S3SourceOptions { MaxObjects = 5, AllowedEndpoints = [_s3.Endpoint.ToString()] }));

        Assert.Equal(ErrorCodes.SourceLimitExceeded, error.Code);
        Assert.Contains("more than 5 objects", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_s3.Requests, r => r.StartsWith($"GET /{Bucket}/cv-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Read_AcceptsExactlyTheLimit()
    {
        for (var i = 0; i < 5; i++)
        {
            _s3.Put(Bucket, $"cv-{i}.txt", "Some CV text");
        }

        var candidates = await ReadAsync(Config(), new S3SourceOptions { MaxObjects = 5, AllowedEndpoints = [_s3.Endpoint.ToString()] });

        Assert.Equal(5, candidates.Count);
    }

    [Fact]
    public async Task Read_ThrowsSourceUnavailableNamingTheBucketButNoSecret_WhenTheCredentialsAreDenied()
    {
        _s3.Put(Bucket, "cv.txt", "Some CV text");
        const string WrongKey = "AKIAWRONGKEY00000099";
        const string WrongSecret = "wrong/secret+value-0987654321";

        var error = await Assert.ThrowsAsync<CandidateSourceException>(() => ReadAsync(Config(accessKeyId: WrongKey, secret: WrongSecret)));

        Assert.Equal(ErrorCodes.SourceUnavailable, error.Code);
        Assert.Contains($"'{Bucket}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("InvalidAccessKeyId", error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
        foreach (var secret in new[] { WrongKey, WrongSecret })
        {
            Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, _log.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Read_ThrowsSourceUnavailable_WhenTheBucketDoesNotExist()
    {
        var error = await Assert.ThrowsAsync<CandidateSourceException>(() => ReadAsync(Config(bucket: "no-such-bucket")));

        Assert.Equal(ErrorCodes.SourceUnavailable, error.Code);
        Assert.Contains("S3 bucket 'no-such-bucket' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_ThrowsSourceUnavailable_WhenTheEndpointIsUnreachable()
    {
        // A port nothing listens on (taken, then released).
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var endpoint = $"http://127.0.0.1:{port}";

        var error = await Assert.ThrowsAsync<CandidateSourceException>(() =>
            ReadAsync(Config(endpoint: endpoint), new S3SourceOptions { AllowedEndpoints = [endpoint], MaxRetries = 0, RequestTimeoutSeconds = 5 }));

        Assert.Equal(ErrorCodes.SourceUnavailable, error.Code);
        Assert.Contains($"'{Bucket}' could not be reached", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeS3Server.SecretAccessKey, _log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_GivesAnObjectTheStoreFailsOnAnError_AndReadsTheRest()
    {
        _s3.Put(Bucket, "a.txt", "First CV text");
        _s3.Put(Bucket, "b.txt", "Second CV text");
        _s3.Put(Bucket, "c.txt", "Third CV text");
        _s3.Broken["b.txt"] = true;

        var candidates = await ReadAsync(Config());

        Assert.Equal([null, "The object could not be read (InternalError, HTTP 500).", null], candidates.Select(c => c.Error), StringComparer.Ordinal);
        Assert.Equal("Third CV text", Encoding.UTF8.GetString(candidates[2].Content!));
    }

    [Fact]
    public async Task Read_ThrowsSourceUnavailable_WhenTheStoreFailsOnSeveralObjectsInARow()
    {
        for (var i = 0; i < 5; i++)
        {
            _s3.Put(Bucket, $"cv-{i}.txt", "Some CV text");
            if (i > 0)
            {
                _s3.Broken[$"cv-{i}.txt"] = true;
            }
        }

        var read = new List<SourceCandidate>();
        var error = await Assert.ThrowsAsync<CandidateSourceException>(async () =>
        {
            var source = new S3CandidateSource(Options.Create(TestOptions()), _log);
            await foreach (var candidate in source.ReadAsync(new CandidateSourceInput(Guid.NewGuid(), null, null, Config()), CancellationToken.None))
            {
                read.Add(candidate);
            }
        });

        Assert.Equal(ErrorCodes.SourceUnavailable, error.Code);
        Assert.Contains("could not be read (InternalError, HTTP 500)", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, read.Count); // the good one and two failures; the third failure in a row ends the source
    }

    [Fact]
    public async Task Read_RefusesAnEndpointTakenOffTheAllowListSinceSubmission()
    {
        var error = await Assert.ThrowsAsync<CandidateSourceException>(() => ReadAsync(Config(), new S3SourceOptions()));

        Assert.Contains("endpoint_url is not allowed", error.Message, StringComparison.Ordinal);
        Assert.Empty(_s3.Requests);
    }

    private Task<List<SourceCandidate>> ReadAsync(JsonElement config) => ReadAsync(config, TestOptions());

    private S3SourceOptions TestOptions() => new() { AllowedEndpoints = [_s3.Endpoint.ToString()], MaxObjectSizeMb = 1, MaxRetries = 0 };

    private async Task<List<SourceCandidate>> ReadAsync(JsonElement config, S3SourceOptions options)
    {
        var source = new S3CandidateSource(Options.Create(options), _log);
        var input = new CandidateSourceInput(Guid.NewGuid(), null, null, config);
        var candidates = new List<SourceCandidate>();
        await foreach (var candidate in source.ReadAsync(input, CancellationToken.None))
        {
            candidates.Add(candidate);
        }

        return candidates;
    }

    private JsonElement Config(string bucket = Bucket, string prefix = "", string? endpoint = null,
        string accessKeyId = FakeS3Server.AccessKeyId, string secret = FakeS3Server.SecretAccessKey) =>
        JsonSerializer.SerializeToElement(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["bucket"] = bucket,
            ["prefix"] = prefix,
            ["region"] = "eu-central-1",
            ["access_key_id"] = accessKeyId,
            ["secret_access_key"] = secret,
            ["endpoint_url"] = endpoint ?? _s3.Endpoint.ToString(),
        });
}
