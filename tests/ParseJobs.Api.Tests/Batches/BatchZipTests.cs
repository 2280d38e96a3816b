using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Jobs.Items;
using ParseJobs.Api.Tests.Infrastructure;
using ParseJobs.Api.Tests.Samples;

namespace ParseJobs.Api.Tests.Batches;

/// <summary>ZIP_FILE end to end through the host: documents made here, junk entries, bombs, traversal names, limits.</summary>
[Collection(BatchCollection.Name)]
public sealed class BatchZipTests(BatchAppFactory app)
{
    [Fact]
    public async Task ZipBatch_RanksEveryCv_AndReportsJunkEntriesAsItemsWithErrors()
    {
        using var client = await app.BatchClientAsync();
        var zip = BatchRequests.Zip(
            ("cvs/", []),
            ("cvs/anna.pdf", SampleDocuments.Pdf()),
            ("cvs/2025/ben.docx", SampleDocuments.Docx(["Ben Meier", "ben@example.com", "Skills", "Python, SQL"])),
            ("carla.txt", BatchRequests.TextCv("Carla Rossi")),
            ("portfolio.png", SampleDocuments.Png()),
            ("empty.txt", []),
            ("__MACOSX/cvs/._anna.pdf", [0, 5, 22, 7, 0, 2]));

        var id = await client.SubmitZipAsync(zip, ("metadata_json", """{"campaign": "autumn"}"""), ("job_id", "pos-42"));
        var status = await client.WaitForBatchAsync(id);
        var results = await client.ResultsAsync(id);

        Assert.Equal(("completed", 5, 5, 100.0), (status.GetProperty("status").GetString(), status.GetProperty("total_candidates").GetInt32(),
            status.GetProperty("processed_candidates").GetInt32(), status.GetProperty("progress_percentage").GetDouble()));
        var items = results.GetProperty("processed_items").EnumerateArray().ToList();
        Assert.Equal(["carla.txt", "cvs/2025/ben.docx", "cvs/anna.pdf", "empty.txt", "portfolio.png"],
            items.Select(i => i.GetProperty("original_filename").GetString()!).Order(StringComparer.Ordinal).ToArray());
        var scored = items.Take(3).ToList();
        Assert.All(scored, i => Assert.Equal(JsonValueKind.Null, i.GetProperty("error").ValueKind));
        var scores = scored.Select(i => i.GetProperty("match_score").GetProperty("overall_score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.All(items.Skip(3), i =>
        {
            Assert.False(string.IsNullOrEmpty(i.GetProperty("error").GetString()));
            Assert.Equal(JsonValueKind.Null, i.GetProperty("match_score").ValueKind);
        });
        Assert.Contains("image", items.Single(i => i.GetProperty("original_filename").GetString() == "portfolio.png").GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("empty", items.Single(i => i.GetProperty("original_filename").GetString() == "empty.txt").GetProperty("error").GetString(), StringComparison.Ordinal);
        var stats = results.GetProperty("summary_stats");
        Assert.Equal((5, 3, 2), (stats.GetProperty("total_candidates").GetInt32(), stats.GetProperty("successful_matches").GetInt32(), stats.GetProperty("error_count").GetInt32()));
        Assert.Equal(scores.Max(), stats.GetProperty("highest_score").GetDouble());
        Assert.False(string.IsNullOrEmpty(results.GetProperty("job_title").GetString()));

        await using var db = app.CreateDb();
        var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id);
        Assert.Equal((JobKind.BatchMatch, "pos-42"), (job.Kind, job.DataId));
        var batch = await db.Batches.AsNoTracking().SingleAsync(b => b.JobId == id);
        Assert.Equal("autumn", JsonDocument.Parse(batch.Metadata!).RootElement.GetProperty("campaign").GetString());
    }

    [Fact]
    public async Task ZipBatch_IsListedInTheJobsApi_LikeEveryKind()
    {
        using var client = await app.BatchClientAsync();
        var id = await client.SubmitZipAsync(BatchRequests.Zip(("a.txt", BatchRequests.TextCv("Dora Listed"))));
        await client.WaitForBatchAsync(id);

        var job = await client.WaitForJobAsync(id);

        Assert.Equal("batch_match", job.GetProperty("kind").GetString());
        Assert.Equal(1, job.GetProperty("progress").GetProperty("total_items").GetInt32());
    }

    [Fact]
    public async Task ZipBomb_IsRefusedAtSubmission_WithAClearError()
    {
        using var client = await app.BatchClientAsync();
        var bomb = BatchRequests.Zip(CompressionLevel.SmallestSize, ("cv.txt", BatchRequests.TextCv("Eve Bomb")), ("zeros.txt", new byte[20 * 1024 * 1024]));
        Assert.True(bomb.Length < 1024 * 1024, "the bomb fits under the upload limit");

        using var form = BatchRequests.Form("ZIP_FILE", bomb);
        using var response = await client.PostAsync("/api/v1/batch-jobs", form);

        var error = await response.ErrorAsync(HttpStatusCode.BadRequest);
        Assert.Equal("INVALID_INPUT", error.GetProperty("code").GetString());
        Assert.Contains("zip bomb", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("candidate_source_file", error.GetProperty("details").GetProperty("field").GetString());
    }

    [Fact]
    public async Task TraversalNames_AreItemsWithErrors_AndNothingIsWrittenOutsideTheArchive()
    {
        using var client = await app.BatchClientAsync();
        var zip = BatchRequests.Zip(("ok.txt", BatchRequests.TextCv("Fritz Safe")), ("../../etc/evil.txt", BatchRequests.TextCv("Mallory One")),
            ("/abs/evil2.txt", BatchRequests.TextCv("Mallory Two")));

        var id = await client.SubmitZipAsync(zip);
        var status = await client.WaitForBatchAsync(id);
        var items = (await client.ResultsAsync(id)).GetProperty("processed_items").EnumerateArray().ToList();

        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal(3, items.Count);
        Assert.Equal("ok.txt", items[0].GetProperty("original_filename").GetString());
        Assert.All(items.Skip(1), i => Assert.Contains("unsafe", i.GetProperty("error").GetString(), StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "..", "etc", "evil.txt")));
    }

    [Fact]
    public async Task Batch_FailsSourceLimitExceeded_WhenTheZipHasMoreCandidatesThanAllowed()
    {
        using var client = await app.BatchClientAsync();
        var entries = Enumerable.Range(0, BatchAppFactory.MaxCandidates + 1).Select(i => ($"cv{i}.txt", BatchRequests.TextCv($"Candidate {i}"))).ToArray();

        var id = await client.SubmitZipAsync(BatchRequests.Zip(entries));
        var status = await client.WaitForBatchAsync(id);

        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.Contains($"more than {BatchAppFactory.MaxCandidates} candidates", status.GetProperty("error_message").GetString(), StringComparison.Ordinal);
        await using var db = app.CreateDb();
        Assert.Equal(ErrorCodes.SourceLimitExceeded, (await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id)).ErrorCode);
        Assert.False(await db.JobItems.AnyAsync(i => i.JobId == id));
    }

    [Fact]
    public async Task EmptyZip_CompletesWithNoCandidates()
    {
        using var client = await app.BatchClientAsync();

        var id = await client.SubmitZipAsync(BatchRequests.Zip(("only-a-folder/", [])));
        var status = await client.WaitForBatchAsync(id);

        Assert.Equal(("completed", 0, 100.0), (status.GetProperty("status").GetString(), status.GetProperty("total_candidates").GetInt32(), status.GetProperty("progress_percentage").GetDouble()));
        Assert.Empty((await client.ResultsAsync(id)).GetProperty("processed_items").EnumerateArray());
    }

    [Fact]
    public async Task SameCv_IsParsedOnce_AcrossTwoBatchesOfTheOrganisation()
    {
        using var client = await app.BatchClientAsync();
        var cv = BatchRequests.TextCv("Gina Once", Guid.NewGuid().ToString());
        var first = await client.SubmitZipAsync(BatchRequests.Zip(("gina.txt", cv), ("copy/gina-again.txt", cv)));
        await client.WaitForBatchAsync(first);
        Assert.Equal(1, app.Gate.Parses(cv)); // one chunk runs both in turn: the second finds the first's profile

        var second = await client.SubmitZipAsync(BatchRequests.Zip(("gina.txt", cv)));
        await client.WaitForBatchAsync(second);

        var again = (await client.ResultsAsync(second)).GetProperty("processed_items")[0];
        Assert.Equal(JsonValueKind.Null, again.GetProperty("error").ValueKind);
        Assert.Equal(1, app.Gate.Parses(cv));
        await using var db = app.CreateDb();
        var documents = await db.JobItems.AsNoTracking().Where(i => i.JobId == first || i.JobId == second)
            .Select(i => i.DocumentId).Distinct().ToListAsync();
        Assert.Single(documents); // one stored document, reused by every item
        var organisationId = (await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == first)).OrganisationId;
        Assert.Equal(1, await db.CvProfileCache.CountAsync(c => c.OrganisationId == organisationId));
    }

    [Fact]
    public async Task CorruptPdf_FailsItsItemAlone_WithAReadableError()
    {
        using var client = await app.BatchClientAsync();

        var id = await client.SubmitZipAsync(BatchRequests.Zip(("good.txt", BatchRequests.TextCv("Hans Good")), ("broken.pdf", SampleDocuments.CorruptPdf())));
        var status = await client.WaitForBatchAsync(id);
        var items = (await client.ResultsAsync(id)).GetProperty("processed_items").EnumerateArray().ToList();

        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal("good.txt", items[0].GetProperty("original_filename").GetString());
        Assert.Equal("broken.pdf", items[1].GetProperty("original_filename").GetString());
        Assert.False(string.IsNullOrWhiteSpace(items[1].GetProperty("error").GetString()));
        await using var db = app.CreateDb();
        var failed = await db.JobItems.AsNoTracking().SingleAsync(i => i.JobId == id && i.Status == JobItemStatus.Failed);
        Assert.Equal(ErrorCodes.DocumentCorrupt, failed.ErrorCode);
    }
}
