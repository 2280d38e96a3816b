using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ParseJobs.Api.Tests.Batches.Sources;

/// <summary>CSV_FILE end to end through the host: submission checks, expansion into items, results.</summary>
[Collection(BatchCollection.Name)]
public sealed class CsvBatchTests(BatchAppFactory app)
{
    private static MultipartFormDataContent CsvForm(byte[] csv)
    {
        var form = BatchRequests.Form("csv_file", null);
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "candidate_source_file", "candidates.csv");
        return form;
    }

    private static string Quoted(byte[] text) => Encoding.UTF8.GetString(text).Replace("\"", "\"\"", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);

    [Fact]
    public async Task CsvBatch_ScoresEveryRowWithText_AndARowWithoutTextIsAnItemWithAnError()
    {
        using var client = await app.BatchClientAsync();
        // Excel's export on a German Windows: a BOM, semicolons, a CV over several quoted lines.
        var csv = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(
            "candidate_id;name;resume_text;filename\r\n" +
            $"C-1;Anna Schmidt;\"{Quoted(BatchRequests.TextCv("Anna Schmidt", "Spark"))}\";anna.pdf\r\n" +
            "C-2;Ben Meier;\"Ben Meier\r\n\r\nExperience\r\nSales Manager, Example AG\r\n01/2019 - Present\r\n\r\nSkills\r\nNegotiation; CRM\";\r\n" +
            "C-3;Carla Rossi;;carla.docx\r\n")).ToArray();

        using var form = CsvForm(csv);
        using var response = await client.PostAsync("/api/v1/batch-jobs", form);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("batch_job_id").GetGuid();
        var status = await client.WaitForBatchAsync(id);
        var items = (await client.ResultsAsync(id)).GetProperty("processed_items").EnumerateArray().ToList();

        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal(3, status.GetProperty("total_candidates").GetInt32());
        Assert.Equal(["anna.pdf", "C-2", "carla.docx"], items.Select(i => i.GetProperty("original_filename").GetString()!).ToArray());
        Assert.Equal(["C-1", "C-2", "C-3"], items.Select(i => i.GetProperty("candidate_id_internal").GetString()!).ToArray());
        Assert.All(items.Take(2), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("error").ValueKind));
        // The data engineer ranks above the sales manager for a Python/SQL/Kafka position.
        Assert.True(items[0].GetProperty("match_score").GetProperty("overall_score").GetDouble() > items[1].GetProperty("match_score").GetProperty("overall_score").GetDouble(), items[0].ToString() + items[1].ToString());
        Assert.Contains("resume_text", items[2].GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CsvSubmission_Is400_WithTheExpectedColumns_WhenTheHeaderLacksOne()
    {
        using var client = await app.BatchClientAsync();

        using var form = CsvForm(Encoding.UTF8.GetBytes("id,name,resume_text\n1,Anna,Python\n"));
        using var response = await client.PostAsync("/api/v1/batch-jobs", form);

        var error = await response.ErrorAsync(HttpStatusCode.BadRequest);
        Assert.Equal("INVALID_INPUT", error.GetProperty("code").GetString());
        var details = error.GetProperty("details");
        Assert.Equal("candidate_source_file", details.GetProperty("field").GetString());
        Assert.Equal(["candidate_id", "name", "resume_text", "filename"], details.GetProperty("expected").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }
}
