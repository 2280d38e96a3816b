using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Persistence;
using ParseJobs.Api.Tests.Infrastructure;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Api.Tests.Batches;

/// <summary>
/// The real host with small batch limits, chunks of two candidates (so that a few CVs spread over chunks) and a
/// parser that counts what it parses and holds any document carrying <see cref="ParserGate.HoldMarker"/> until the
/// test releases it (partial results, sync timeouts).
/// </summary>
public sealed class BatchAppFactory : ParseJobsAppFactory
{
    public const int MaxCandidates = 30;

    public ParserGate Gate { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings, StringComparer.Ordinal)
    {
        ["Batches:MaxUploadMb"] = "1",
        ["Batches:MaxCandidates"] = MaxCandidates.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Batches:ChunkSize"] = "2",
        ["RateLimits:SubmissionBurst"] = "10000",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            var real = services.Last(d => d.ServiceType == typeof(IDocumentParser));
            services.Remove(real);
            services.AddSingleton<IDocumentParser>(sp => new GatedParser((IDocumentParser)real.ImplementationFactory!(sp), Gate));
        });
    }

    public async Task<HttpClient> BatchClientAsync() =>
        await CreateClientForNewOrganisationAsync(Scopes.BatchesRead, Scopes.BatchesWrite, Scopes.JobsRead);

    public ParseJobsDbContext CreateDb() => Services.GetRequiredService<IDbContextFactory<ParseJobsDbContext>>().CreateDbContext();
}

[CollectionDefinition(Name)]
public sealed class BatchCollection : ICollectionFixture<BatchAppFactory>
{
    public const string Name = "batches";
}

/// <summary>Counts parses by content hash; holds documents with the marker until <see cref="Release"/>.</summary>
public sealed class ParserGate
{
    public const string HoldMarker = "HOLD-THIS-CV";

    private readonly ConcurrentDictionary<string, int> _parses = new(StringComparer.Ordinal);
    private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Parses(byte[] content) => _parses.GetValueOrDefault(Convert.ToHexStringLower(SHA256.HashData(content)));

    public void Release()
    {
        _released.TrySetResult();
        _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    internal async Task BeforeParseAsync(byte[] content, CancellationToken ct)
    {
        _parses.AddOrUpdate(Convert.ToHexStringLower(SHA256.HashData(content)), 1, (_, n) => n + 1);
        if (content.AsSpan().IndexOf(Encoding.UTF8.GetBytes(HoldMarker)) >= 0)
        {
            await _released.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
        }
    }
}

internal sealed class GatedParser(IDocumentParser inner, ParserGate gate) : IDocumentParser, IDisposable
{
    public void Dispose() => (inner as IDisposable)?.Dispose(); // the parser processes end with the host

    public async Task<ParsedProduct> ParseAsync(byte[] content, DocumentType type, ParseLimits limits, ParseProduct product, IProgress<PageProgress>? progress, CancellationToken ct)
    {
        await gate.BeforeParseAsync(content, ct);
        return await inner.ParseAsync(content, type, limits, product, progress, ct);
    }
}

/// <summary>Builds ZIPs and multipart submissions for the batch tests.</summary>
public static class BatchRequests
{
    public const string Description = """
        Senior Data Engineer
        We are looking for a data engineer. Required: Python, SQL and Kafka. Nice to have: Spark.
        """;

    public static byte[] Zip(params (string Name, byte[] Content)[] entries) => Zip(CompressionLevel.Optimal, entries);

    public static byte[] Zip(CompressionLevel level, params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = zip.CreateEntry(name, level);
                if (!name.EndsWith('/'))
                {
                    using var writer = entry.Open();
                    writer.Write(content);
                }
            }
        }

        return stream.ToArray();
    }

    /// <summary>A plain-text CV of a named candidate (names differ, so do their profiles and content hashes).</summary>
    public static byte[] TextCv(string name, params string[] extra) => Encoding.UTF8.GetBytes(string.Join('\n', new[]
    {
        name, $"{name.ToLowerInvariant().Replace(' ', '.')}@example.com", "", "Experience", "Data Engineer, Example AG", "01/2019 - Present",
        "Built pipelines with Python, SQL and Kafka.", "", "Skills", "Python, SQL, Kafka",
    }.Concat(extra)));

    public static MultipartFormDataContent Form(string? inputType, byte[]? file, string? description = Description, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        if (inputType is not null)
        {
            form.Add(new StringContent(inputType), "input_type");
        }

        if (description is not null)
        {
            form.Add(new StringContent(description), "job_description_text");
        }

        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
            form.Add(content, "candidate_source_file", "candidates.zip");
        }

        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    public static async Task<Guid> SubmitZipAsync(this HttpClient client, byte[] zip, params (string Name, string Value)[] fields)
    {
        using var form = Form("ZIP_FILE", zip, Description, fields);
        using var response = await client.PostAsync("/api/v1/batch-jobs", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Expected 202, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("batch_job_id").GetGuid();
    }

    /// <summary>Polls the batch's status until it ends; returns the final status.</summary>
    public static async Task<JsonElement> WaitForBatchAsync(this HttpClient client, Guid id, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var status = await client.GetFromJsonAsync<JsonElement>($"/api/v1/batch-jobs/{id}/status");
            if (status.GetProperty("status").GetString() is "completed" or "failed")
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Batch {id} still {status.GetProperty("status").GetString()} after the timeout.");
            await Task.Delay(50);
        }
    }

    public static async Task<JsonElement> ResultsAsync(this HttpClient client, Guid id, string query = "")
    {
        using var response = await client.GetAsync($"/api/v1/batch-jobs/{id}/results{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>The envelope's error of a refused request, asserting its status.</summary>
    public static async Task<JsonElement> ErrorAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("error");
    }
}
