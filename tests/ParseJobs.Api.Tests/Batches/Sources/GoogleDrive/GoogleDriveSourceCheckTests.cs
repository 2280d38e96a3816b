using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Batches.Sources;
using ParseJobs.Api.Batches.Sources.GoogleDrive;

namespace ParseJobs.Api.Tests.Batches.Sources.GoogleDrive;

/// <summary>The GOOGLE_DRIVE config check at submission: shape, one credential, the key file and its token_uri, without network.</summary>
public sealed class GoogleDriveSourceCheckTests
{
    private const string Token = "ya29.secret-token-value";

    [Fact]
    public void Check_AcceptsAnAccessToken()
    {
        Assert.Null(Check(new(StringComparer.Ordinal) { ["folder_id"] = "1AbC-d_E", ["access_token"] = Token }));
    }

    [Fact]
    public void Check_AcceptsAKeyFileNamingGooglesTokenEndpoint_OrNone()
    {
        var key = KeyFile(GoogleDriveSourceOptions.GoogleTokenUri);
        Assert.Null(Check(new(StringComparer.Ordinal) { ["folder_id"] = "folder", ["service_account_json"] = key }));

        key.Remove("token_uri");
        Assert.Null(Check(new(StringComparer.Ordinal) { ["folder_id"] = "folder", ["service_account_json"] = JsonSerializer.Serialize(key) }));
    }

    [Fact]
    public void Check_RefusesBothCredentials()
    {
        var problem = Check(new(StringComparer.Ordinal) { ["folder_id"] = "folder", ["access_token"] = Token, ["service_account_json"] = KeyFile(GoogleDriveSourceOptions.GoogleTokenUri) });

        Assert.Equal("source_config_json", problem?.Field);
        Assert.Contains("not both", problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RefusesNoCredential()
    {
        var problem = Check(new(StringComparer.Ordinal) { ["folder_id"] = "folder" });

        Assert.Equal("source_config_json", problem?.Field);
        Assert.Contains("A credential is required", problem!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("' in parents or '1")]
    [InlineData("../other")]
    [InlineData("")]
    public void Check_RefusesAFolderIdThatIsNotOne(string folder)
    {
        Assert.Equal("source_config_json.folder_id", Check(new(StringComparer.Ordinal) { ["folder_id"] = folder, ["access_token"] = Token })?.Field);
    }

    [Fact]
    public void Check_SaysTheKindOfAMistypedToken_NeverItsValue()
    {
        var problem = Check(new(StringComparer.Ordinal) { ["folder_id"] = "folder", ["access_token"] = new[] { Token } });

        Assert.Equal("source_config_json.access_token", problem?.Field);
        Assert.Equal("an array", problem!.Provided);
    }

    [Fact]
    public void Check_RefusesAKeyFileThatIsNotJson()
    {
        var problem = Check(new(StringComparer.Ordinal) { ["folder_id"] = "folder", ["service_account_json"] = "{not json" });

        Assert.Equal("source_config_json.service_account_json", problem?.Field);
        Assert.Equal("a string that is not a JSON object", problem!.Provided);
    }

    [Fact]
    public void Check_RefusesAKeyFileOfAnotherType()
    {
        var key = KeyFile(GoogleDriveSourceOptions.GoogleTokenUri);
        key["type"] = "authorized_user";

        var problem = Check(new(StringComparer.Ordinal) { ["folder_id"] = "folder", ["service_account_json"] = key });

        Assert.Equal("source_config_json.service_account_json", problem?.Field);
        Assert.Contains("not a service account key", problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RefusesAPrivateKeyThatDoesNotParse()
    {
        var key = KeyFile(GoogleDriveSourceOptions.GoogleTokenUri);
        key["private_key"] = "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n";

        var problem = Check(new(StringComparer.Ordinal) { ["folder_id"] = "folder", ["service_account_json"] = key });

        Assert.Equal("source_config_json.service_account_json.private_key", problem?.Field);
        Assert.DoesNotContain("bm90IGEga2V5", JsonSerializer.Serialize(problem), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/token")]
    [InlineData("http://169.254.169.254/computeMetadata/v1/token")]
    [InlineData("https://oauth2.googleapis.com.evil.example/token")]
    [InlineData("https://oauth2.googleapis.com/token?x=1")]
    [InlineData("https://user@oauth2.googleapis.com/token")]
    [InlineData("http://oauth2.googleapis.com/token")]
    [InlineData("https://oauth2.googleapis.com/other")]
    public void Check_RefusesAForeignTokenUri(string tokenUri)
    {
        var problem = Check(new(StringComparer.Ordinal) { ["folder_id"] = "folder", ["service_account_json"] = KeyFile(tokenUri) },
            new GoogleDriveSourceOptions { TokenUri = "http://127.0.0.1:8080/token" });

        Assert.Equal("source_config_json.service_account_json.token_uri", problem?.Field);
    }

    [Fact]
    public void Check_AcceptsTheOperatorsTokenUri()
    {
        Assert.Null(Check(new(StringComparer.Ordinal) { ["folder_id"] = "folder", ["service_account_json"] = KeyFile("http://127.0.0.1:8080/token") },
            new GoogleDriveSourceOptions { TokenUri = "http://127.0.0.1:8080/token" }));
    }

    [Fact]
    public void Options_AreValidated()
    {
        Assert.True(new GoogleDriveSourceOptions().UrisAreValid());
        Assert.False(new GoogleDriveSourceOptions { BaseUri = "https://www.googleapis.com/drive/v3" }.UrisAreValid());
        Assert.False(new GoogleDriveSourceOptions { TokenUri = "not a uri" }.UrisAreValid());
    }

    /// <summary>One throwaway key for every check (making an RSA key costs a second on a busy machine).</summary>
    private static readonly Lazy<string> PrivateKeyPem = new(() =>
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    });

    private static Dictionary<string, string> KeyFile(string tokenUri) => new(StringComparer.Ordinal)
    {
        ["type"] = "service_account",
        ["client_email"] = "reader@project.iam.gserviceaccount.com",
        ["private_key"] = PrivateKeyPem.Value,
        ["token_uri"] = tokenUri,
    };

    private static SourceProblem? Check(Dictionary<string, object> config, GoogleDriveSourceOptions? options = null)
    {
        var source = new GoogleDriveCandidateSource(Options.Create(options ?? new GoogleDriveSourceOptions()), NullLogger<GoogleDriveCandidateSource>.Instance);
        var problem = source.Check(new CandidateSourceInput(Guid.NewGuid(), null, null, JsonSerializer.SerializeToElement(config)));
        if (problem is not null)
        {
            var rendered = JsonSerializer.Serialize(problem);
            Assert.DoesNotContain(Token, rendered, StringComparison.Ordinal);
            Assert.DoesNotContain("PRIVATE KEY", rendered, StringComparison.Ordinal);
        }

        return problem;
    }
}
