using System.Net;
using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Hosting;
using ParseJobs.Api.Tests.Samples;

namespace ParseJobs.Api.Tests.Ats.CreatePdf;

/// <summary><c>orgs erase</c> takes an organisation's projects, candidates, PDFs, users and HR4YOU connection too.</summary>
[Collection(AtsCollection.Name)]
public sealed class AtsEraseTests(AtsAppFactory app)
{
    [Fact]
    public async Task OrgsErase_DeletesProjectsUsersAndConnections_WhenTheOrganisationHasAnImportedProject()
    {
        var org = await app.ConnectedOrganisationAsync();
        var keeper = await app.ConnectedOrganisationAsync();
        var consultant = CreatePdfCalls.NewId("c");
        var applicant = CreatePdfCalls.NewId("a");
        app.Hr4You.AddConsultant(consultant, $"{consultant}@staffing.example", "Julia", "Berger");
        app.Hr4You.AddApplicant(applicant, "Anna", "Keller", files: (SampleDocuments.Txt(), "text/plain", "cv.txt"));
        Guid[] projects = [
            (await (await org.Client.PostCreatePdfAsync(new { userId = consultant, applicantIds = new[] { applicant } })).BodyAsync(HttpStatusCode.Created)).GetProperty("projectId").GetGuid(),
            (await (await keeper.Client.PostCreatePdfAsync(new { userId = consultant, applicantIds = new[] { applicant } })).BodyAsync(HttpStatusCode.Created)).GetProperty("projectId").GetGuid(),
        ];
        foreach (var project in projects)
        {
            await app.WaitForImportAsync(project);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(app.Services, ["orgs", "erase", "--org", org.Slug], output, error);

        Assert.True(exit == 0, error.ToString());
        await using var db = app.CreateDb();
        Assert.False(await db.Projects.AnyAsync(p => p.OrganisationId == org.Id));
        Assert.False(await db.ProjectCandidates.AnyAsync(c => c.OrganisationId == org.Id));
        Assert.False(await db.Users.AnyAsync(u => u.OrganisationId == org.Id));
        Assert.False(await db.AtsConnections.AnyAsync(c => c.OrganisationId == org.Id));
        Assert.False(await db.Documents.AnyAsync(d => d.OrganisationId == org.Id));
        Assert.Equal((1, 1, 1), await app.RowsOfAsync(keeper.Id));
        Assert.Equal(2, await db.CandidatePdfs.CountAsync(p => db.ProjectCandidates.Any(c => c.Id == p.CandidateId && c.OrganisationId == keeper.Id)));
        Assert.True(await db.AtsConnections.AnyAsync(c => c.OrganisationId == keeper.Id));
    }
}
