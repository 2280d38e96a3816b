using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Ats.Page;
using ParseJobs.Api.Ats.Projects;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Tests.Samples;
using UglyToad.PdfPig;

namespace ParseJobs.Api.Tests.Ats.CreatePdf;

/// <summary>The whole create-pdf flow against the fake HR4YOU: the answer, the project, the imports, the PDFs.</summary>
[Collection(AtsCollection.Name)]
public sealed class CreatePdfFlowTests(AtsAppFactory app)
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static string[] CvOf(string name) =>
        [name, $"{name.ToLowerInvariant().Replace(' ', '.')}@cv.example", .. SampleDocuments.CvLines.Skip(2)];

    [Fact]
    public async Task CreatePdf_ImportsEveryCandidate_WithBothPdfsAndTheParsedName_WhenThreeApplicantsHavePdfDocxAndTxtCvs()
    {
        var org = await app.ConnectedOrganisationAsync();
        var hr4you = app.Hr4You;
        var (consultant, job) = (CreatePdfCalls.NewId("c"), CreatePdfCalls.NewId("j"));
        var applicants = new[] { CreatePdfCalls.NewId("a"), CreatePdfCalls.NewId("a"), CreatePdfCalls.NewId("a") };
        hr4you.AddConsultant(consultant, "  Julia.Berger@Staffing.Example ", "Julia", "Berger");
        hr4you.AddJob(job, "Senior Data Engineer", "Pipelines in Zurich.");
        hr4you.AddApplicant(applicants[0], "Sara", "Forconi", "sara.forconi@example.ch", "+41 79 123 45 67",
            (SampleDocuments.Pdf(lines: CvOf("Sara Forconi")), "application/pdf", "CV_Forconi.pdf"));
        hr4you.AddApplicant(applicants[1], "Marco", "Rossi", null, null,
            (SampleDocuments.Png(), "image/png", "photo.png"), (SampleDocuments.Docx(CvOf("Marco Rossi")), DocxType, "CV_Rossi.docx"));
        hr4you.AddApplicant(applicants[2], "Lena", "Huber", "lena@ats.example", null,
            (System.Text.Encoding.UTF8.GetBytes(string.Join('\n', CvOf("Lena Huber"))), "text/plain", "cv.txt"));

        using var response = await org.Client.PostCreatePdfAsync(new { userId = consultant, applicantIds = applicants, projectId = job });

        var body = await response.BodyAsync(HttpStatusCode.Created);
        var projectId = body.GetProperty("projectId").GetGuid();
        Assert.Equal($"/v1/projects/{projectId}", response.Headers.Location?.OriginalString);
        Assert.Equal(["redirectUrl", "projectId", "candidates"], body.EnumerateObject().Select(p => p.Name).ToArray());
        var candidates = body.GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(applicants, candidates.Select(c => c.GetProperty("applicantId").GetString() ?? "").ToArray());
        Assert.All(candidates, c => Assert.Equal("pending", c.GetProperty("status").GetString()));
        Assert.All(candidates, c => Assert.Equal(["candidateId", "applicantId", "status"], c.EnumerateObject().Select(p => p.Name).ToArray()));

        var redirect = new Uri(body.GetProperty("redirectUrl").GetString()!);
        Assert.Equal($"{AtsAppFactory.PublicBaseUrl}/p/{projectId}/", redirect.GetLeftPart(UriPartial.Path));
        var token = Uri.UnescapeDataString(redirect.Query.TrimStart('?').Split('&').Single(p => p.StartsWith("t=", StringComparison.Ordinal))[2..]);
        var grant = app.Services.GetRequiredService<ProjectPageToken>().Read(token);
        Assert.Equal((org.Id, projectId), (grant?.OrganisationId, grant?.ProjectId));

        await using (var db = app.CreateDb())
        {
            var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId);
            Assert.Equal("Senior Data Engineer", project.Name);
            Assert.Equal(("Senior Data Engineer", "Pipelines in Zurich.", job), (project.JobPostTitle, project.JobPostDescription, project.JobPostId));
            var owner = await db.Users.AsNoTracking().SingleAsync(u => u.Id == project.OwnerUserId);
            Assert.Equal(("julia.berger@staffing.example", "Julia Berger", AtsSystems.Hr4You, consultant),
                (owner.Email, owner.DisplayName, owner.ProvisionedFrom, owner.ExternalId));
            var importJob = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == project.JobId);
            Assert.Equal((JobKind.AtsImport, 3), (importJob.Kind, importJob.TotalItems));
        }

        var imported = await app.WaitForImportAsync(projectId);

        Assert.All(imported, c => Assert.True(c.Status == CandidateStatus.Ready, $"{c.ApplicantId}: {c.ErrorCode} {c.ErrorMessage}"));
        Assert.Equal(["Sara Forconi", "Marco Rossi", "Lena Huber"], imported.Select(c => c.Name ?? "").ToArray());
        Assert.All(imported, c => Assert.Equal("Senior Data Engineer", c.Headline));
        foreach (var candidate in imported)
        {
            Assert.Equal([false, true], candidate.Pdfs.Keys.Order());
            Assert.All(candidate.Pdfs.Values, pdf => Assert.Equal("%PDF"u8.ToArray(), pdf[..4]));
            Assert.NotNull(candidate.DocumentId);
            var surname = candidate.Name!.Split(' ')[1];
            Assert.Contains(surname, TextOf(candidate.Pdfs[false]), StringComparison.Ordinal);
            var anonymised = TextOf(candidate.Pdfs[true]);
            Assert.Contains($"Candidate{candidate.Seq + 1}", anonymised, StringComparison.Ordinal);
            Assert.DoesNotContain(surname, anonymised, StringComparison.Ordinal);
        }

        // HR4YOU's contact details win where it has them; the CV's stay where it has none.
        var sara = JsonDocument.Parse(imported[0].ResultJson!).RootElement.GetProperty("personal_info");
        Assert.Equal(("sara.forconi@example.ch", "+41 79 123 45 67"), (sara.GetProperty("email").GetString(), sara.GetProperty("mobile_phone").GetString()));
        var marco = JsonDocument.Parse(imported[1].ResultJson!).RootElement.GetProperty("personal_info");
        Assert.Equal("marco.rossi@cv.example", marco.GetProperty("email").GetString());

        // Each applicant and each CV fetched once; the consultant and the job once.
        Assert.All(applicants, a => Assert.Equal(1, hr4you.CountRequests($"/applicants/{a}")));
        Assert.Equal(1, hr4you.CountRequests($"/applicants/{applicants[0]}/documents/d{applicants[0]}"));
        Assert.Equal(1, hr4you.CountRequests($"/applicants/{applicants[1]}/documents/d{applicants[1]}-2"));
        Assert.Equal(0, hr4you.CountRequests($"/applicants/{applicants[1]}/documents/d{applicants[1]}"));
        Assert.Equal(1, hr4you.CountRequests($"/applicants/{applicants[2]}/documents/d{applicants[2]}"));
        Assert.Equal(1, hr4you.CountRequests($"/consultants/{consultant}"));
        Assert.Equal(1, hr4you.CountRequests($"/jobs/{job}"));
        Assert.All(hr4you.Requests.Where(r => r.Path.Contains(consultant, StringComparison.Ordinal)),
            r => Assert.Equal($"Bearer {FakeHr4YouServer.Token}", r.Authorization));

        // The job's status endpoint sees it completed, with three items and none failed.
        using var jobs = app.CreateClientWithKey((await app.CreateKeyAsync(org.Slug, ParseJobs.Api.Auth.Scopes.JobsRead)).Key);
        var status = await (await jobs.GetAsync($"/v1/jobs/{(await app.CreateDb().Projects.SingleAsync(p => p.Id == projectId)).JobId}")).BodyAsync(HttpStatusCode.OK);
        Assert.Equal("completed", status.GetProperty("status").GetString());

        Assert.False(app.Logs.Contains(FakeHr4YouServer.Token), "The HR4YOU token appeared in a log line.");
        Assert.False(app.Logs.Contains(org.Key), "The shared secret appeared in a log line.");
    }

    [Fact]
    public async Task CreatePdf_NamesTheProjectAfterTheRequest_AndKeepsOneCandidatePerApplicant_WhenIdsRepeat()
    {
        var org = await app.ConnectedOrganisationAsync();
        var consultant = CreatePdfCalls.NewId("c");
        var (a, b) = (CreatePdfCalls.NewId("a"), CreatePdfCalls.NewId("a"));
        app.Hr4You.AddConsultant(consultant, "k.meier@staffing.example", "Karin", "Meier");
        app.Hr4You.AddApplicant(a, "Anna", "Keller", files: (SampleDocuments.Txt(), "text/plain", "cv.txt"));
        app.Hr4You.AddApplicant(b, "Anna", "Keller", files: (SampleDocuments.Txt(), "text/plain", "cv.txt"));

        using var response = await org.Client.PostCreatePdfAsync(new { userId = consultant, applicantIds = new[] { b, a, b, a }, projectName = "Data Engineer, Zurich" });

        var body = await response.BodyAsync(HttpStatusCode.Created);
        Assert.Equal([b, a], body.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("applicantId").GetString() ?? "").ToArray());
        var projectId = body.GetProperty("projectId").GetGuid();
        await using var db = app.CreateDb();
        Assert.Equal("Data Engineer, Zurich", await db.Projects.Where(p => p.Id == projectId).Select(p => p.Name).SingleAsync());
        var imported = await app.WaitForImportAsync(projectId);
        Assert.All(imported, c => Assert.Equal(CandidateStatus.Ready, c.Status));
        // Each import stores the CV it fetched (two imports running at once may each store the same bytes).
        Assert.All(imported, c => Assert.NotNull(c.DocumentId));
    }

    private static string TextOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        // Without whitespace: renderers differ in whether a space is a glyph.
        return string.Concat(string.Concat(document.GetPages().Select(p => p.Text)).Where(c => !char.IsWhiteSpace(c)));
    }
}
