using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Tests.Batches;
using ParseJobs.Api.Tests.Infrastructure;

namespace ParseJobs.Api.Tests.Hosting;

/// <summary>An API node whose organisations may submit one document a second after a burst of two.</summary>
public sealed class RateLimitAppFactory : ParseJobsAppFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings, StringComparer.Ordinal)
    {
        ["Hosting:Role"] = "Api", // submissions stay pending: this is about admission, not processing
        ["RateLimits:SubmissionsPerSecond"] = "1",
        ["RateLimits:SubmissionBurst"] = "2",
    };
}

public sealed class RateLimitTests(RateLimitAppFactory app) : IClassFixture<RateLimitAppFactory>
{
    private static readonly byte[] Cv = Encoding.UTF8.GetBytes("Jane Doe\nSoftware engineer\njane@example.com\n");

    [Fact]
    public async Task Submissions_Get429WithRetryAfter_BeyondTheOrganisationsBurst_WhileOtherOrganisationsAndReadsGoOn()
    {
        using var acme = await app.CreateClientForNewOrganisationAsync();
        using var other = await app.CreateClientForNewOrganisationAsync();

        // Eight at once: two fit the burst, one more per second refills; the rest must be refused, not queued.
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => acme.PostFileAsync("/v1/parse", Cv, "cv.txt")));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        var limited = responses.FirstOrDefault(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        foreach (var response in responses.Where(r => r != limited))
            response.Dispose();

        Assert.NotNull(limited);
        Assert.True(statuses.Count(s => s == HttpStatusCode.Accepted) >= 2, string.Join(", ", statuses));
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests }));
        using (limited)
        {
            Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
            var problem = await limited.ReadJsonAsync();
            Assert.Equal("RATE_LIMITED", problem.GetProperty("code").GetString());
            Assert.Contains("1 documents per second", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.True(problem.TryGetProperty("request_id", out _));
        }

        // Another organisation has its own bucket, and reads are not limited.
        using (var response = await other.PostFileAsync("/v1/parse", Cv, "cv.txt"))
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using (var response = await acme.GetAsync("/v1/jobs"))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The bucket refills: after the wait the organisation may submit again.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        using (var response = await acme.PostFileAsync("/v1/parse", Cv, "cv.txt"))
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task BatchSubmissions_Get429WithRetryAfter_InTheBatchRoutesEnvelope()
    {
        using var client = await app.CreateClientForNewOrganisationAsync(Scopes.BatchesRead, Scopes.BatchesWrite);
        var csv = Encoding.UTF8.GetBytes("candidate_id,name,resume_text,filename\r\nC-1,Jane Doe,\"Jane Doe\r\nSoftware engineer\",\r\n");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var form = BatchRequests.Form("csv_file", null);
            var file = new ByteArrayContent(csv);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "candidate_source_file", "candidates.csv");
            return await client.PostAsync("/api/v1/batch-jobs", form);
        }));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        var limited = responses.FirstOrDefault(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        var refused = await Task.WhenAll(responses.Where(r => r.StatusCode is not (HttpStatusCode.Accepted or HttpStatusCode.TooManyRequests))
            .Select(r => r.Content.ReadAsStringAsync()));
        Assert.True(refused.Length == 0, string.Join("\n", refused));
        foreach (var response in responses.Where(r => r != limited))
            response.Dispose();

        Assert.NotNull(limited);
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests }));
        using (limited)
        {
            Assert.True(limited.Headers.Contains("Retry-After"));
            var error = (await limited.ReadJsonAsync()).GetProperty("error");
            Assert.Equal("RATE_LIMITED", error.GetProperty("code").GetString());
        }
    }
}
