using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Ats.Connections;
using ParseJobs.Api.Ats.Hr4You;
using ParseJobs.Api.Ats.Projects;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Jobs.Items;
using ParseJobs.Api.Persistence;
using ParseJobs.Api.Tests.Infrastructure;

namespace ParseJobs.Api.Tests.Ats;

/// <summary>
/// The real host with a fake HR4YOU on loopback (<see cref="FakeHr4YouServer"/>), started before the host and shared
/// by the collection; tests isolate themselves with organisations and ids of their own.
/// </summary>
public sealed class AtsAppFactory : ParseJobsAppFactory
{
    public const string PublicBaseUrl = "https://parsejobs.example";

    private FakeHr4YouServer? _hr4you;

    public FakeHr4YouServer Hr4You => _hr4you ?? throw new InvalidOperationException("Not started.");

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings, StringComparer.Ordinal)
    {
        ["Ats:PublicBaseUrl"] = PublicBaseUrl,
        ["Ats:MaxApplicants"] = "20",
        ["Ats:ImportTimeoutSeconds"] = "60",
        ["Auth:KeyCacheSeconds"] = "0", // orgs erase waits this long before its last step
        ["RateLimits:SubmissionBurst"] = "10000",
    };

    protected override async Task BeforeHostStartsAsync() => _hr4you = await FakeHr4YouServer.StartAsync();

    protected override async ValueTask AfterHostStoppedAsync()
    {
        if (_hr4you is not null)
        {
            await _hr4you.DisposeAsync();
        }
    }

    public ParseJobsDbContext CreateDb() => Services.GetRequiredService<IDbContextFactory<ParseJobsDbContext>>().CreateDbContext();

    /// <summary>A new organisation connected to the fake HR4YOU, and a client sending its key as <c>X-Shared-Secret</c>.</summary>
    public async Task<AtsOrganisation> ConnectedOrganisationAsync(bool connect = true, params string[] scopes)
    {
        var key = await CreateKeyAsync($"ats-{Guid.NewGuid():N}"[..20], scopes.Length > 0 ? scopes : [Scopes.AtsCreatePdf]);
        if (connect)
        {
            await using var scope = Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AtsConnectionStore>()
                .SetHr4YouAsync(key.OrganisationId!.Value, new Hr4YouConnection(Hr4You.BaseUrl, FakeHr4YouServer.Token), CancellationToken.None);
        }

        var client = CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.SharedSecretHeader, key.Key);
        return new AtsOrganisation(key.OrganisationId!.Value, key.OrganisationSlug, key.Key, client);
    }

    /// <summary>Waits until every candidate of the project has ended (ready or failed); returns them in order.</summary>
    public async Task<IReadOnlyList<ImportedCandidate>> WaitForImportAsync(Guid projectId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var candidates = await CandidatesAsync(projectId);
            if (candidates.Count > 0 && candidates.All(c => c.Status is CandidateStatus.Ready or CandidateStatus.Failed))
            {
                return candidates;
            }

            Assert.True(DateTime.UtcNow < deadline,
                $"Project {projectId}: {string.Join(", ", candidates.Select(c => $"{c.ApplicantId}={c.Status}"))} after the timeout.\n{Logs.Describe()}");
            await Task.Delay(100);
        }
    }

    public async Task<IReadOnlyList<ImportedCandidate>> CandidatesAsync(Guid projectId)
    {
        await using var db = CreateDb();
        var jobId = await db.Projects.Where(p => p.Id == projectId).Select(p => p.JobId).SingleAsync();
        var rows = await db.ProjectCandidates.AsNoTracking().Where(c => c.ProjectId == projectId)
            .Join(db.JobItems.Where(i => i.JobId == jobId), c => c.Seq, i => i.Seq, (c, i) => new { Candidate = c, i.Status, i.ErrorCode, i.ErrorMessage, i.Result, i.DocumentId })
            .OrderBy(r => r.Candidate.Seq).ToListAsync();
        var ids = rows.Select(r => r.Candidate.Id).ToList();
        var pdfs = await db.CandidatePdfs.AsNoTracking().Where(p => ids.Contains(p.CandidateId)).ToListAsync();
        return [.. rows.Select(r => new ImportedCandidate(r.Candidate.Id, r.Candidate.ApplicantId, r.Candidate.Seq, CandidateStatuses.From(r.Status),
            r.ErrorCode, r.ErrorMessage, r.Candidate.Name, r.Candidate.Headline, r.Result, r.DocumentId,
            pdfs.Where(p => p.CandidateId == r.Candidate.Id).ToDictionary(p => p.Anonymised, p => p.Content)))];
    }

    /// <summary>Projects and jobs of the organisation (nothing half-created after a refusal).</summary>
    public async Task<(int Projects, int Jobs, int Users)> RowsOfAsync(Guid organisationId)
    {
        await using var db = CreateDb();
        return (await db.Projects.CountAsync(p => p.OrganisationId == organisationId),
            await db.Jobs.CountAsync(j => j.OrganisationId == organisationId),
            await db.Users.CountAsync(u => u.OrganisationId == organisationId));
    }
}

public sealed record AtsOrganisation(Guid Id, string Slug, string Key, HttpClient Client);

public sealed record ImportedCandidate(
    Guid Id, string ApplicantId, int Seq, CandidateStatus Status, string? ErrorCode, string? ErrorMessage, string? Name, string? Headline,
    string? ResultJson, Guid? DocumentId, Dictionary<bool, byte[]> Pdfs);

[CollectionDefinition(Name)]
public sealed class AtsCollection : ICollectionFixture<AtsAppFactory>
{
    public const string Name = "ats";
}

/// <summary>Requests of the create-pdf tests.</summary>
public static class CreatePdfCalls
{
    /// <summary>A fresh id for this test (the fake HR4YOU is shared by the collection).</summary>
    public static string NewId(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 10)];

    public static async Task<HttpResponseMessage> PostCreatePdfAsync(this HttpClient client, object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/ats/create-pdf") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The body of a response, asserting its status.</summary>
    public static async Task<JsonElement> BodyAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
