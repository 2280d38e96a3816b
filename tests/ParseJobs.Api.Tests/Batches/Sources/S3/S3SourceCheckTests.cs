using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Batches.Sources;
using ParseJobs.Api.Batches.Sources.S3;

namespace ParseJobs.Api.Tests.Batches.Sources.S3;

/// <summary>The AWS_S3 config check at submission: shape, names and the endpoint allow-list, without network.</summary>
public sealed class S3SourceCheckTests
{
    private const string Secret = "s3cr3t/value+never-echoed";

    [Fact]
    public void Check_AcceptsAFullConfig_WithoutEndpoint()
    {
        Assert.Null(Check(Valid()));
    }

    [Theory]
    [InlineData("bucket")]
    [InlineData("region")]
    [InlineData("access_key_id")]
    [InlineData("secret_access_key")]
    public void Check_NamesTheMissingField(string field)
    {
        var config = Valid();
        config.Remove(field);

        var problem = Check(config);

        Assert.Equal($"source_config_json.{field}", problem?.Field);
        Assert.Contains("is required", problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RefusesAMissingConfig()
    {
        var problem = CheckElement(null);

        Assert.Equal("source_config_json", problem?.Field);
        Assert.Equal("a JSON object", problem!.Expected);
    }

    [Fact]
    public void Check_SaysTheKindOfAMistypedSecret_NeverItsValue()
    {
        var config = Valid();
        config["secret_access_key"] = 12345678;

        var problem = Check(config);

        Assert.Equal("source_config_json.secret_access_key", problem?.Field);
        Assert.Equal("a number", problem!.Provided);
    }

    [Fact]
    public void Check_QuotesAMistypedNonSecretValue()
    {
        var config = Valid();
        config["bucket"] = 42;

        var problem = Check(config);

        Assert.Equal("source_config_json.bucket", problem?.Field);
        Assert.Equal("42", problem!.Provided);
    }

    [Theory]
    [InlineData("UPPER-case")]
    [InlineData("ab")]
    [InlineData("bucket.evil.example#")]
    [InlineData("a..b")]
    public void Check_RefusesABucketNameThatIsNotS3s(string bucket)
    {
        var config = Valid();
        config["bucket"] = bucket;

        Assert.Equal("source_config_json.bucket", Check(config)?.Field);
    }

    [Theory]
    [InlineData("eu-central-1.evil.example")]
    [InlineData("localhost")]
    [InlineData("EU-CENTRAL-1")]
    public void Check_RefusesARegionThatIsNotARegionName(string region)
    {
        var config = Valid();
        config["region"] = region;

        Assert.Equal("source_config_json.region", Check(config)?.Field);
    }

    [Fact]
    public void Check_RefusesAnyEndpoint_WhenTheAllowListIsEmpty()
    {
        var config = Valid();
        config["endpoint_url"] = "http://127.0.0.1:9000";

        var problem = Check(config);

        Assert.Equal("source_config_json.endpoint_url", problem?.Field);
        Assert.Contains("accepts no custom S3 endpoint", problem!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://minio.internal:9001")] // another port
    [InlineData("https://minio.internal:9000")] // another scheme
    [InlineData("http://minio.internal.evil.example:9000")] // another host
    [InlineData("http://169.254.169.254")] // the cloud metadata address
    public void Check_RefusesAnEndpointOffTheAllowList(string endpoint)
    {
        var config = Valid();
        config["endpoint_url"] = endpoint;

        var problem = Check(config, new S3SourceOptions { AllowedEndpoints = ["http://minio.internal:9000"] });

        Assert.Equal("source_config_json.endpoint_url", problem?.Field);
        Assert.Contains("not on this server's allow-list", problem!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://minio.internal:9000")]
    [InlineData("http://MINIO.internal:9000/")]
    public void Check_AcceptsAnAllowedEndpoint(string endpoint)
    {
        var config = Valid();
        config["endpoint_url"] = endpoint;

        Assert.Null(Check(config, new S3SourceOptions { AllowedEndpoints = ["http://minio.internal:9000"] }));
    }

    [Fact]
    public void Check_NeverQuotesAnEndpointWithUserInfo()
    {
        var config = Valid();
        config["endpoint_url"] = $"http://user:{Secret}@minio.internal:9000";

        var problem = Check(config, new S3SourceOptions { AllowedEndpoints = ["http://minio.internal:9000"] });

        Assert.Equal("source_config_json.endpoint_url", problem?.Field);
        Assert.DoesNotContain(Secret, JsonSerializer.Serialize(problem), StringComparison.Ordinal);
    }

    [Fact]
    public void Options_RefuseAnAllowListEntryWithAPath()
    {
        Assert.False(new S3SourceOptions { AllowedEndpoints = ["http://minio.internal:9000/bucket"] }.AllowedEndpointsAreValid());
        Assert.True(new S3SourceOptions { AllowedEndpoints = ["http://minio.internal:9000"] }.AllowedEndpointsAreValid());
    }

    [Fact]
    public void Config_ToStringHidesTheCredentials()
    {
        var parsed = S3SourceConfig.Parse(JsonSerializer.SerializeToElement(Valid()), new S3SourceOptions(), out _);

        Assert.NotNull(parsed);
        Assert.DoesNotContain(Secret, parsed.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("AKIAEXAMPLE", parsed.ToString(), StringComparison.Ordinal);
    }

    private static Dictionary<string, object> Valid() => new(StringComparer.Ordinal)
    {
        ["bucket"] = "cv-bucket",
        ["prefix"] = "cvs/",
        ["region"] = "eu-central-1",
        ["access_key_id"] = "AKIAEXAMPLE000000001",
        ["secret_access_key"] = Secret,
    };

    private static SourceProblem? Check(Dictionary<string, object> config, S3SourceOptions? options = null) =>
        CheckElement(JsonSerializer.SerializeToElement(config), options);

    private static SourceProblem? CheckElement(JsonElement? config, S3SourceOptions? options = null)
    {
        var source = new S3CandidateSource(Options.Create(options ?? new S3SourceOptions()), NullLogger<S3CandidateSource>.Instance);
        var problem = source.Check(new CandidateSourceInput(Guid.NewGuid(), null, null, config));
        if (problem is not null)
        {
            Assert.DoesNotContain(Secret, JsonSerializer.Serialize(problem), StringComparison.Ordinal);
        }

        return problem;
    }
}
