using System.Net;
using System.Text;
using ParseJobs.Api.Auth;

namespace ParseJobs.Api.Tests.Ats.CreatePdf;

/// <summary>Refused create-pdf requests: a clear problem, never a 5xx of ours, and nothing half-created.</summary>
[Collection(AtsCollection.Name)]
public sealed class CreatePdfRejectionTests(AtsAppFactory app)
{
    [Fact]
    public async Task CreatePdf_Returns401_WhenTheSharedSecretIsWrong()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.SharedSecretHeader, "sk_live_not-a-key-of-anyone");

        using var response = await client.PostCreatePdfAsync(new { userId = "42", applicantIds = new[] { "1001" } });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task CreatePdf_Returns403_WhenTheKeyLacksTheScope()
    {
        var org = await app.ConnectedOrganisationAsync(connect: true, Scopes.JobsRead);

        using var response = await org.Client.PostCreatePdfAsync(new { userId = "42", applicantIds = new[] { "1001" } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal((0, 0), await ProjectsAndJobsAsync(org));
    }

    [Fact]
    public async Task CreatePdf_Returns409NamingTheConnectCommand_WhenTheOrganisationHasNoConnection()
    {
        var org = await app.ConnectedOrganisationAsync(connect: false);

        using var response = await org.Client.PostCreatePdfAsync(new { userId = "42", applicantIds = new[] { "1001" } });

        var problem = await response.BodyAsync(HttpStatusCode.Conflict);
        Assert.Equal("ATS_NOT_CONNECTED", problem.GetProperty("code").GetString());
        Assert.Contains("ats connect --org", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("PUT /v1/admin/ats-connections/hr4you", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatePdf_Returns422WithTheFieldList_WhenFieldsAreInvalid()
    {
        var org = await app.ConnectedOrganisationAsync();

        using var response = await org.Client.PostCreatePdfAsync(new
        {
            applicantIds = new[] { "1001", "", new string('x', 129) },
            projectId = "bad\u0001id",
            projectName = new string('n', 301),
        });

        var problem = await response.BodyAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["applicantIds", "projectId", "projectName", "userId"], fields);
        Assert.Equal(2, problem.GetProperty("errors").GetProperty("applicantIds").GetArrayLength());

        using var empty = await org.Client.PostCreatePdfAsync(new { userId = "42", applicantIds = Array.Empty<string>() });
        using var tooMany = await org.Client.PostCreatePdfAsync(new { userId = "42", applicantIds = Enumerable.Range(0, 21).Select(i => $"a{i}").ToArray() });
        using var longKey = await org.Client.PostCreatePdfAsync(new { userId = "42", applicantIds = new[] { "1" } }, new string('k', 257));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("Ats:MaxApplicants", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, longKey.StatusCode);
        Assert.Equal((0, 0), await ProjectsAndJobsAsync(org));
    }

    [Fact]
    public async Task CreatePdf_Returns400_WhenTheBodyIsNotJson()
    {
        var org = await app.ConnectedOrganisationAsync();
        using var content = new StringContent("{\"userId\": \"42\", \"applicantIds\": [", Encoding.UTF8, "application/json");

        using var response = await org.Client.PostAsync("/v1/ats/create-pdf", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task CreatePdf_Returns422ConsultantNotFound_AndCreatesNothing_WhenHr4YouDoesNotKnowTheConsultant()
    {
        var org = await app.ConnectedOrganisationAsync();

        using var response = await org.Client.PostCreatePdfAsync(new { userId = CreatePdfCalls.NewId("nobody"), applicantIds = new[] { "1001" } });

        var problem = await response.BodyAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("CONSULTANT_NOT_FOUND", problem.GetProperty("code").GetString());
        Assert.Equal((0, 0, 0), await app.RowsOfAsync(org.Id));
    }

    [Fact]
    public async Task CreatePdf_Returns422JobPostNotFound_AndCreatesNoProject_WhenHr4YouDoesNotKnowTheJob()
    {
        var org = await app.ConnectedOrganisationAsync();
        var consultant = CreatePdfCalls.NewId("c");
        app.Hr4You.AddConsultant(consultant, $"{consultant}@staffing.example", "Julia", "Berger");

        using var response = await org.Client.PostCreatePdfAsync(new { userId = consultant, applicantIds = new[] { "1001" }, projectId = CreatePdfCalls.NewId("j") });

        Assert.Equal("JOB_POST_NOT_FOUND", (await response.BodyAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
        Assert.Equal((0, 0), await ProjectsAndJobsAsync(org));
    }

    [Fact]
    public async Task CreatePdf_Returns503WithRetryAfter_AndCreatesNothing_WhenHr4YouKeepsFailing()
    {
        var org = await app.ConnectedOrganisationAsync();
        var consultant = CreatePdfCalls.NewId("c");
        app.Hr4You.AddConsultant(consultant, $"{consultant}@staffing.example", "Julia", "Berger");
        app.Hr4You.FailAlways($"/consultants/{consultant}", Hr4YouFault.Status(503, retryAfterSeconds: 7));

        using var response = await org.Client.PostCreatePdfAsync(new { userId = consultant, applicantIds = new[] { "1001" } });

        var problem = await response.BodyAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("ATS_UNAVAILABLE", problem.GetProperty("code").GetString());
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        Assert.Equal((0, 0, 0), await app.RowsOfAsync(org.Id));
    }

    [Fact]
    public async Task CreatePdf_Returns502SayingTheTokenWasRefused_WhenHr4YouAnswers401()
    {
        var org = await app.ConnectedOrganisationAsync();
        var consultant = CreatePdfCalls.NewId("c");
        app.Hr4You.FailAlways($"/consultants/{consultant}", Hr4YouFault.Status(401));

        using var response = await org.Client.PostCreatePdfAsync(new { userId = consultant, applicantIds = new[] { "1001" } });

        var problem = await response.BodyAsync(HttpStatusCode.BadGateway);
        Assert.Equal("ATS_UNAUTHORIZED", problem.GetProperty("code").GetString());
        Assert.Contains("token", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(FakeHr4YouServer.Token, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await app.RowsOfAsync(org.Id));
    }

    [Fact]
    public async Task CreatePdf_Returns502_WhenHr4YouAnswersBrokenJson()
    {
        var org = await app.ConnectedOrganisationAsync();
        var consultant = CreatePdfCalls.NewId("c");
        app.Hr4You.FailAlways($"/consultants/{consultant}", Hr4YouFault.MalformedJson);

        using var response = await org.Client.PostCreatePdfAsync(new { userId = consultant, applicantIds = new[] { "1001" } });

        Assert.Equal("ATS_MALFORMED_RESPONSE", (await response.BodyAsync(HttpStatusCode.BadGateway)).GetProperty("code").GetString());
        Assert.Equal((0, 0, 0), await app.RowsOfAsync(org.Id));
    }

    private async Task<(int Projects, int Jobs)> ProjectsAndJobsAsync(AtsOrganisation org)
    {
        var (projects, jobs, _) = await app.RowsOfAsync(org.Id);
        return (projects, jobs);
    }
}
