using System.Net;
using System.Text;
using ParseJobs.Api.Ats.Projects;
using ParseJobs.Api.Tests.Samples;

namespace ParseJobs.Api.Tests.Ats.Import;

/// <summary>Candidates whose import cannot succeed fail alone, with a reason; the others become ready.</summary>
[Collection(AtsCollection.Name)]
public sealed class CandidateImportTests(AtsAppFactory app)
{
    private async Task<(Guid ProjectId, string[] Applicants)> CreateAsync(AtsOrganisation org, params Action<string>[] applicants)
    {
        var consultant = CreatePdfCalls.NewId("c");
        app.Hr4You.AddConsultant(consultant, $"{consultant}@staffing.example", "Julia", "Berger");
        var ids = applicants.Select(_ => CreatePdfCalls.NewId("a")).ToArray();
        for (var i = 0; i < ids.Length; i++)
        {
            applicants[i](ids[i]);
        }

        using var response = await org.Client.PostCreatePdfAsync(new { userId = consultant, applicantIds = ids });
        return ((await response.BodyAsync(HttpStatusCode.Created)).GetProperty("projectId").GetGuid(), ids);
    }

    private void WithTextCv(string id) => app.Hr4You.AddApplicant(id, "Anna", "Keller", files: (SampleDocuments.Txt(), "text/plain", "cv.txt"));

    [Fact]
    public async Task Import_FailsOnlyThatCandidate_WhenHr4YouHasNoSuchApplicant()
    {
        var org = await app.ConnectedOrganisationAsync();
        var (projectId, ids) = await CreateAsync(org, WithTextCv, _ => { }, WithTextCv);

        var candidates = await app.WaitForImportAsync(projectId);

        Assert.Equal([CandidateStatus.Ready, CandidateStatus.Failed, CandidateStatus.Ready], candidates.Select(c => c.Status).ToArray());
        Assert.Equal("APPLICANT_NOT_FOUND", candidates[1].ErrorCode);
        Assert.Equal($"HR4YOU has no applicant {ids[1]}.", candidates[1].ErrorMessage);
        Assert.Empty(candidates[1].Pdfs);
        Assert.Equal(2, candidates[0].Pdfs.Count);
    }

    [Fact]
    public async Task Import_FailsNoCvDocument_WhenTheApplicantHasNoPdfDocxOrTxt()
    {
        var org = await app.ConnectedOrganisationAsync();
        var (projectId, _) = await CreateAsync(org,
            id => app.Hr4You.AddApplicant(id, "Nina", "Photo", files: (SampleDocuments.Png(), "image/png", "photo.png")),
            id => app.Hr4You.AddApplicant(id, "Otto", "Empty"));

        var candidates = await app.WaitForImportAsync(projectId);

        Assert.All(candidates, c => Assert.Equal(("NO_CV_DOCUMENT", CandidateStatus.Failed), (c.ErrorCode, c.Status)));
        Assert.Contains("has no documents", candidates[1].ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_FailsUnsupportedType_WhenTheCvIsHtmlNamedPdf()
    {
        var org = await app.ConnectedOrganisationAsync();
        var html = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><h1>Anna Keller</h1><p>Data Engineer</p></body></html>");
        var (projectId, ids) = await CreateAsync(org, id => app.Hr4You.AddApplicant(id, "Anna", "Keller", files: (html, "application/pdf", "CV.pdf")));

        var candidate = Assert.Single(await app.WaitForImportAsync(projectId));

        Assert.Equal((CandidateStatus.Failed, "UNSUPPORTED_TYPE"), (candidate.Status, candidate.ErrorCode));
        Assert.Contains("markup", candidate.ErrorMessage, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, app.Hr4You.CountRequests($"/applicants/{ids[0]}/documents/d{ids[0]}"));
    }

    [Fact]
    public async Task Import_FailsWithAReason_WhenTheCvDownloadIsCutShort()
    {
        var org = await app.ConnectedOrganisationAsync();
        var (projectId, ids) = await CreateAsync(org, id =>
        {
            app.Hr4You.AddApplicant(id, "Anna", "Keller", files: (SampleDocuments.Pdf(), "application/pdf", "cv.pdf"));
            app.Hr4You.FailAlways($"/applicants/{id}/documents/d{id}", Hr4YouFault.Truncate);
        }, WithTextCv);

        var candidates = await app.WaitForImportAsync(projectId);

        Assert.Equal((CandidateStatus.Failed, "CV_DOCUMENT_TRUNCATED"), (candidates[0].Status, candidates[0].ErrorCode));
        Assert.Contains("cut short", candidates[0].ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(CandidateStatus.Ready, candidates[1].Status);
        Assert.True(app.Hr4You.CountRequests($"/applicants/{ids[0]}/documents/d{ids[0]}") >= 1);
    }

    [Fact]
    public async Task Import_RetriesTheCandidateLater_WhenHr4YouIsBrieflyUnavailable()
    {
        var org = await app.ConnectedOrganisationAsync();
        var (projectId, ids) = await CreateAsync(org, id =>
        {
            WithTextCv(id);
            app.Hr4You.Fail($"/applicants/{id}", Hr4YouFault.Status(503));
        });

        var candidate = Assert.Single(await app.WaitForImportAsync(projectId));

        Assert.True(candidate.Status == CandidateStatus.Ready, $"{candidate.ErrorCode}: {candidate.ErrorMessage}");
        Assert.True(app.Hr4You.CountRequests($"/applicants/{ids[0]}") >= 2);
        Assert.Equal(1, app.Hr4You.CountRequests($"/applicants/{ids[0]}/documents/d{ids[0]}"));
    }

    [Fact]
    public async Task Import_FailsAtsUnauthorized_WhenHr4YouRefusesTheTokenForTheApplicant()
    {
        var org = await app.ConnectedOrganisationAsync();
        var (projectId, _) = await CreateAsync(org, id =>
        {
            WithTextCv(id);
            app.Hr4You.FailAlways($"/applicants/{id}", Hr4YouFault.Status(403));
        });

        var candidate = Assert.Single(await app.WaitForImportAsync(projectId));

        Assert.Equal((CandidateStatus.Failed, "ATS_UNAUTHORIZED"), (candidate.Status, candidate.ErrorCode));
        Assert.Contains("ats connect", candidate.ErrorMessage, StringComparison.Ordinal);
    }
}
