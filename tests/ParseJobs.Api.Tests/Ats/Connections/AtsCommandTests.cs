using ParseJobs.Api.Ats.Connections;
using ParseJobs.Api.Ats.Hr4You;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Hosting;
using ParseJobs.Api.Tests.Infrastructure;

namespace ParseJobs.Api.Tests.Ats.Connections;

/// <summary>The <c>ats</c> operator commands through <see cref="CommandLine.RunAsync(IServiceProvider, string[], TextReader, TextWriter, TextWriter, CancellationToken)"/> against the real database.</summary>
[Collection(ApiCollection.Name)]
public sealed class AtsCommandTests(ParseJobsAppFactory app)
{
    private const string Token = "cli-token-3e5f7a9b1c";
    private const string BaseUrl = "https://acme-cli.hr4you.example/api/";

    [Fact]
    public async Task Connect_List_Replace_Disconnect_NeverPrintingTheUrlOrToken()
    {
        var org = await NewOrganisationAsync();

        var connect = await AtsAsync("", "connect", "--org", org.Slug, "--system", "hr4you", "--base-url", BaseUrl, "--token", Token);
        var list = await AtsAsync("", "list", "--org", org.Slug);
        var replace = await AtsAsync("", "connect", "--org", org.Slug.ToUpperInvariant(), "--system", "HR4YOU", "--base-url", "https://other.hr4you.example/", "--token", "second-token");
        var stored = await ConnectionAsync(org.Id);
        var disconnect = await AtsAsync("", "disconnect", "--org", org.Slug, "--system", "hr4you");
        var again = await AtsAsync("", "disconnect", "--org", org.Slug, "--system", "hr4you");

        Assert.Equal(0, connect.Exit);
        Assert.Contains($"Connected organisation '{org.Slug}' to hr4you", connect.Output, StringComparison.Ordinal);
        Assert.Equal(0, list.Exit);
        var row = Assert.Single(list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1));
        Assert.StartsWith(org.Slug, row, StringComparison.Ordinal);
        Assert.Contains(" hr4you ", row, StringComparison.Ordinal);
        Assert.Equal(0, replace.Exit);
        Assert.Contains("Replaced the connection", replace.Output, StringComparison.Ordinal);
        Assert.Equal(new Hr4YouConnection(new Uri("https://other.hr4you.example/"), "second-token"), stored);
        Assert.Equal(0, disconnect.Exit);
        Assert.Null(await ConnectionAsync(org.Id));
        Assert.Equal(1, again.Exit);
        Assert.Contains("has no hr4you connection", again.Error, StringComparison.Ordinal);
        foreach (var text in new[] { connect, list, replace, disconnect }.SelectMany(r => new[] { r.Output, r.Error }))
        {
            Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
            Assert.DoesNotContain("second-token", text, StringComparison.Ordinal);
            Assert.DoesNotContain("hr4you.example", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Connect_ReadsTheToken_FromStandardInput()
    {
        var org = await NewOrganisationAsync();

        var result = await AtsAsync(Token + "\n", "connect", "--org", org.Slug, "--system", "hr4you", "--base-url", BaseUrl, "--token-stdin");

        Assert.Equal(0, result.Exit);
        Assert.Equal(Token, (await ConnectionAsync(org.Id))?.Token);
    }

    [Fact]
    public async Task Connect_ReadsTheToken_FromTheNamedEnvironmentVariable()
    {
        var org = await NewOrganisationAsync();
        var variable = $"PARSEJOBS_TEST_ATS_TOKEN_{Guid.NewGuid():N}"; // unique: no other test sees it
        Environment.SetEnvironmentVariable(variable, Token);
        try
        {
            var result = await AtsAsync("", "connect", "--org", org.Slug, "--system", "hr4you", "--base-url", BaseUrl, "--token-env", variable);

            Assert.Equal(0, result.Exit);
            Assert.Equal(Token, (await ConnectionAsync(org.Id))?.Token);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Theory]
    [InlineData("--org", "no-such-org-xyz", "No organisation 'no-such-org-xyz'")]
    [InlineData("--system", "greenhouse", "Unknown ATS system 'greenhouse'")]
    [InlineData("--base-url", "hr4you.example/api", "--base-url: The base URL must be an absolute http or https URL")]
    [InlineData("--base-url", "ftp://hr4you.example/", "--base-url: The base URL must be an absolute http or https URL")]
    [InlineData("--base-url", "https://user:pw@hr4you.example/", "--base-url: The base URL must not carry user info")]
    [InlineData("--token", " ", "token: no API token in --token")]
    [InlineData("--token", "two words", "token: The API token may hold visible ASCII characters only")]
    public async Task Connect_ExitsWith2AndSaysWhy_WhenAnInputIsInvalid(string option, string value, string message)
    {
        var org = await NewOrganisationAsync();
        var args = new List<string> { "connect", "--org", org.Slug, "--system", "hr4you", "--base-url", BaseUrl, "--token", Token };
        args[args.IndexOf(option) + 1] = value;

        var result = await AtsAsync("", [.. args]);

        Assert.Equal(2, result.Exit);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Null(await ConnectionAsync(org.Id));
        Assert.DoesNotContain(Token, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_ExitsWith2_WhenNoTokenIsGivenAnywhere()
    {
        var org = await NewOrganisationAsync();

        var result = await AtsAsync("", "connect", "--org", org.Slug, "--system", "hr4you", "--base-url", BaseUrl, "--token-stdin");

        Assert.Equal(2, result.Exit);
        Assert.Contains("no API token in standard input", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsTheAtsCommands()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CommandLine.RunAsync(app.Services, ["help"], output, error);

        Assert.Equal(0, exit);
        Assert.Contains("ats connect --org ORG --system hr4you", output.ToString(), StringComparison.Ordinal);
        Assert.True(CommandLine.IsCommand(["ats", "list"]));
    }

    private async Task<(Guid Id, string Slug)> NewOrganisationAsync()
    {
        var key = await app.CreateKeyAsync($"cli-{Guid.NewGuid():N}"[..20], Scopes.Admin);
        return (key.OrganisationId!.Value, key.OrganisationSlug);
    }

    private async Task<Hr4YouConnection?> ConnectionAsync(Guid organisationId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AtsConnectionStore>().GetHr4YouAsync(organisationId, CancellationToken.None);
    }

    private async Task<(int Exit, string Output, string Error)> AtsAsync(string input, params string[] args)
    {
        using var stdin = new StringReader(input);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(app.Services, ["ats", .. args], stdin, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
