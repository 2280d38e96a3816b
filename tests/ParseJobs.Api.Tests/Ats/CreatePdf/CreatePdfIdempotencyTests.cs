using System.Net;
using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Tests.Samples;

namespace ParseJobs.Api.Tests.Ats.CreatePdf;

/// <summary>An ATS retry answers with the first project: by fingerprint within the window, or by Idempotency-Key;
/// racing duplicates make one project; keys are per organisation.</summary>
[Collection(AtsCollection.Name)]
public sealed class CreatePdfIdempotencyTests(AtsAppFactory app)
{
    private (string Consultant, string[] Applicants) Seed(int applicants = 2)
    {
        var consultant = CreatePdfCalls.NewId("c");
        app.Hr4You.AddConsultant(consultant, $"{consultant}@staffing.example", "Julia", "Berger");
        var ids = Enumerable.Range(0, applicants).Select(_ => CreatePdfCalls.NewId("a")).ToArray();
        foreach (var id in ids)
        {
            app.Hr4You.AddApplicant(id, "Anna", "Keller", files: (SampleDocuments.Txt(), "text/plain", "cv.txt"));
        }

        return (consultant, ids);
    }

    [Fact]
    public async Task CreatePdf_Returns200WithTheSameProject_AndDoesNotCallHr4YouAgain_WhenTheSameRequestIsRetried()
    {
        var org = await app.ConnectedOrganisationAsync();
        var (consultant, applicants) = Seed();
        using var first = await org.Client.PostCreatePdfAsync(new { userId = consultant, applicantIds = applicants });
        var created = await first.BodyAsync(HttpStatusCode.Created);
        var projectId = created.GetProperty("projectId").GetGuid();
        await app.WaitForImportAsync(projectId);

        // The same applicant set in another order is the same request.
        using var retry = await org.Client.PostCreatePdfAsync(new { userId = consultant, applicantIds = applicants.Reverse().ToArray() });

        var replayed = await retry.BodyAsync(HttpStatusCode.OK);
        Assert.Equal(projectId, replayed.GetProperty("projectId").GetGuid());
        Assert.Equal($"/v1/projects/{projectId}", retry.Headers.Location?.OriginalString);
        Assert.All(replayed.GetProperty("candidates").EnumerateArray(), c => Assert.Equal("ready", c.GetProperty("status").GetString()));
        Assert.Equal(
            created.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("candidateId").GetGuid()).ToArray(),
            replayed.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("candidateId").GetGuid()).ToArray());
        Assert.Equal(1, app.Hr4You.CountRequests($"/consultants/{consultant}"));
        Assert.Equal(1, (await app.RowsOfAsync(org.Id)).Projects);

        // Another applicant set is another project.
        using var other = await org.Client.PostCreatePdfAsync(new { userId = consultant, applicantIds = applicants.Take(1).ToArray() });
        Assert.NotEqual(projectId, (await other.BodyAsync(HttpStatusCode.Created)).GetProperty("projectId").GetGuid());
    }

    [Fact]
    public async Task CreatePdf_AnswersTheKeysProject_AndRefusesAnotherBody_WhenAnIdempotencyKeyIsReused()
    {
        var org = await app.ConnectedOrganisationAsync();
        var (consultant, applicants) = Seed();
        var key = $"key-{Guid.NewGuid():N}";
        using var first = await org.Client.PostCreatePdfAsync(new { userId = consultant, applicantIds = applicants }, key);
        var projectId = (await first.BodyAsync(HttpStatusCode.Created)).GetProperty("projectId").GetGuid();

        using var again = await org.Client.PostCreatePdfAsync(new { userId = consultant, applicantIds = applicants }, key);
        using var changed = await org.Client.PostCreatePdfAsync(new { userId = consultant, applicantIds = applicants.Take(1).ToArray() }, key);

        Assert.Equal(projectId, (await again.BodyAsync(HttpStatusCode.OK)).GetProperty("projectId").GetGuid());
        var problem = await changed.BodyAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", problem.GetProperty("code").GetString());
        Assert.Equal(1, (await app.RowsOfAsync(org.Id)).Projects);
        Assert.Equal(1, app.Hr4You.CountRequests($"/consultants/{consultant}"));
    }

    [Fact]
    public async Task CreatePdf_MakesOneProject_WhenIdenticalRequestsArriveAtOnce()
    {
        var org = await app.ConnectedOrganisationAsync();
        var (consultant, applicants) = Seed();
        var (keyed, keyedApplicants) = Seed();
        var key = $"key-{Guid.NewGuid():N}";

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            using var response = i % 2 == 0
                ? await org.Client.PostCreatePdfAsync(new { userId = consultant, applicantIds = applicants })
                : await org.Client.PostCreatePdfAsync(new { userId = keyed, applicantIds = keyedApplicants }, key);
            var expected = response.StatusCode == HttpStatusCode.Created ? HttpStatusCode.Created : HttpStatusCode.OK;
            return (i % 2, (await response.BodyAsync(expected)).GetProperty("projectId").GetGuid(), response.StatusCode);
        }));

        foreach (var group in responses.GroupBy(r => r.Item1))
        {
            Assert.Single(group.Select(r => r.Item2).Distinct());
            Assert.Single(group, r => r.StatusCode == HttpStatusCode.Created);
        }

        Assert.Equal(2, (await app.RowsOfAsync(org.Id)).Projects);
        Assert.Equal(2, (await app.RowsOfAsync(org.Id)).Users); // each consultant provisioned once despite the race
    }

    [Fact]
    public async Task CreatePdf_CreatesItsOwnProject_WhenAnotherOrganisationUsesTheSameKeyAndBody()
    {
        var owner = await app.ConnectedOrganisationAsync();
        var other = await app.ConnectedOrganisationAsync();
        var (consultant, applicants) = Seed();
        var key = $"key-{Guid.NewGuid():N}";
        using var first = await owner.Client.PostCreatePdfAsync(new { userId = consultant, applicantIds = applicants }, key);
        var ownersProject = (await first.BodyAsync(HttpStatusCode.Created)).GetProperty("projectId").GetGuid();

        using var second = await other.Client.PostCreatePdfAsync(new { userId = consultant, applicantIds = applicants }, key);
        using var unkeyed = await other.Client.PostCreatePdfAsync(new { userId = consultant, applicantIds = applicants });

        var othersProject = (await second.BodyAsync(HttpStatusCode.Created)).GetProperty("projectId").GetGuid();
        Assert.NotEqual(ownersProject, othersProject);
        Assert.Equal(othersProject, (await unkeyed.BodyAsync(HttpStatusCode.OK)).GetProperty("projectId").GetGuid());
        await using var db = app.CreateDb();
        Assert.Equal(other.Id, await db.Projects.Where(p => p.Id == othersProject).Select(p => p.OrganisationId).SingleAsync());
        Assert.Equal(1, (await app.RowsOfAsync(owner.Id)).Projects);
    }
}
