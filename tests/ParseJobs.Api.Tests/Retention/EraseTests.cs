using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Hosting;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Persistence;
using ParseJobs.Api.Retention;
using ParseJobs.Api.Tests.Infrastructure;
using ParseJobs.Api.Tests.Samples;

namespace ParseJobs.Api.Tests.Retention;

/// <summary><c>orgs erase</c>: nothing of the organisation is left but its audit entries; other organisations keep everything.</summary>
[Collection(ApiCollection.Name)]
public sealed class EraseTests(ParseJobsAppFactory app)
{
    [Fact]
    public async Task OrgsErase_LeavesNoRowOfTheOrganisation_AndLeavesTheOtherIntact()
    {
        var victim = await app.CreateKeyAsync($"erase-{Guid.NewGuid():N}"[..20], Scopes.JobsRead, Scopes.JobsWrite);
        await app.CreateKeyAsync(victim.OrganisationSlug, Scopes.Admin); // a second key
        var organisationId = victim.OrganisationId!.Value;
        using var client = app.CreateClientWithKey(victim.Key);
        var cv = await app.EndedCvAsync(client, SampleDocuments.Txt(), "cv.txt", 0);
        var layout = await app.EndedLayoutJobAsync(client, SampleDocuments.PdfWithImageOnly(), 0);
        var failed = await app.EndedCvAsync(client, SampleDocuments.CorruptPdf(), "bad.pdf", 0);
        await app.AddItemReadingAsync(cv, await app.DocumentOfAsync(layout));
        var direct = (await app.InsertCompletedJobsAsync(organisationId, 1, 0))[0];
        Assert.Equal(0, (await OrgsAsync("retention", "--org", victim.OrganisationSlug, "--failed-days", "3")).Exit);

        var keeper = await app.CreateKeyAsync($"keep-{Guid.NewGuid():N}"[..20], Scopes.JobsRead, Scopes.JobsWrite);
        using var other = app.CreateClientWithKey(keeper.Key);
        var kept = await app.EndedCvAsync(other, SampleDocuments.Txt(), "cv.txt", 0);
        var before = await RowsOfAsync(keeper.OrganisationId!.Value);

        var (exit, output, _) = await OrgsAsync("erase", "--org", victim.OrganisationSlug);

        Assert.Equal(0, exit);
        Assert.Contains("4 jobs, 1 job items", output, StringComparison.Ordinal);
        Assert.Contains("3 documents", output, StringComparison.Ordinal);
        Assert.Contains("2 API keys, 1 organisation rows", output, StringComparison.Ordinal);
        var left = await RowsOfAsync(organisationId);
        Assert.All(left, table => Assert.True(table.Value == 0, $"{table.Key} still has {table.Value} rows of the erased organisation"));
        await using (var db = app.Db())
        {
            Guid[] jobs = [cv, layout, failed, direct];
            Assert.False(await db.JobResults.AnyAsync(r => jobs.Contains(r.JobId)));
            Assert.False(await db.JobImages.AnyAsync(i => jobs.Contains(i.JobId)));
            Assert.False(await db.JobItems.AnyAsync(i => jobs.Contains(i.JobId)));
            var audit = await db.AuditLog.AsNoTracking().Where(e => e.OrganisationId == organisationId && e.Action == AuditActions.Erase).ToListAsync();
            Assert.All(audit, e => Assert.Equal(AuditActors.Cli, e.Actor));
            var total = audit.Aggregate(DeletedCounts.None, (sum, e) => sum + e.Counts);
            Assert.Equal(new DeletedCounts(Jobs: 4, JobItems: 1, JobImages: total.JobImages, JobResults: 2, Documents: 3, ApiKeys: 2, Organisations: 1), total);
            Assert.True(total.JobImages >= 1);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/v1/jobs")).StatusCode);
        Assert.Equal(before, await RowsOfAsync(keeper.OrganisationId!.Value));
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/v1/parse/{kept}/results")).StatusCode);
    }

    [Fact]
    public async Task OrgsErase_FailsWithExit1_WhenTheOrganisationDoesNotExist()
    {
        var (exit, _, error) = await OrgsAsync("erase", "--org", "never-existed");

        Assert.Equal(1, exit);
        Assert.Contains("No organisation 'never-existed'", error, StringComparison.Ordinal);
    }

    /// <summary>Rows per table of the schema that has an organisation column (audit_log aside), found from the
    /// catalogue so that a table added later is checked too.</summary>
    private async Task<Dictionary<string, long>> RowsOfAsync(Guid organisationId)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var find = new NpgsqlCommand("""
            SELECT table_name FROM information_schema.columns
            WHERE table_schema = 'parsejobs' AND column_name = 'organisation_id' AND table_name <> 'audit_log'
            UNION SELECT 'organisations' ORDER BY 1
            """, connection))
        await using (var reader = await find.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            var column = table == "organisations" ? "id" : "organisation_id";
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM parsejobs.\"{table}\" WHERE {column} = @id", connection);
            count.Parameters.AddWithValue("id", organisationId);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }

        Assert.True(counts.ContainsKey("jobs") && counts.ContainsKey("documents") && counts.ContainsKey("api_keys"), "the catalogue query found the tables");
        return counts;
    }

    private async Task<(int Exit, string Output, string Error)> OrgsAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(app.Services, ["orgs", .. args], output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
