using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Batches.Sources;
using ParseJobs.Api.Batches.Sources.Database;

namespace ParseJobs.Api.Tests.Batches.Sources.Database;

/// <summary>Builds DATABASE sources and inputs for the tests, and reads a source to the end.</summary>
internal static class DatabaseSourceTesting
{
    /// <summary>A small PDF-looking document: the source hands bytes on as they are.</summary>
    public static readonly byte[] Document = [.. "%PDF-1.4\n% a CV\n"u8, 0, 1, 2, 255];

    public static DatabaseCandidateSource Source(DatabaseSourceOptions options, string? tempDirectory = null) =>
        new(Options.Create(options), NullLogger<DatabaseCandidateSource>.Instance) { TempDirectory = tempDirectory };

    public static CandidateSourceInput Input(string type, string? connectionString, string query, byte[]? file = null) =>
        new(Guid.NewGuid(), file, file is null ? null : "candidates.db",
            JsonSerializer.SerializeToElement(new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["type"] = type,
                ["connection_string"] = connectionString,
                ["query"] = query,
            }));

    public static async Task<List<SourceCandidate>> ReadAllAsync(DatabaseCandidateSource source, CandidateSourceInput input)
    {
        Assert.Null(source.Check(input));
        var candidates = new List<SourceCandidate>();
        await foreach (var candidate in source.ReadAsync(input, CancellationToken.None))
        {
            candidates.Add(candidate);
        }

        return candidates;
    }

    /// <summary>Reads to the end and returns the batch's failure (the test fails when there is none).</summary>
    public static async Task<CandidateSourceException> FailureAsync(DatabaseCandidateSource source, CandidateSourceInput input)
    {
        Assert.Null(source.Check(input));
        return await Assert.ThrowsAsync<CandidateSourceException>(async () =>
        {
            await foreach (var _ in source.ReadAsync(input, CancellationToken.None))
            {
            }
        });
    }

    /// <summary>The failure of a query that skips <see cref="SourceQueryRules"/> and goes to the server as it is.</summary>
    public static async Task<CandidateSourceException> RawFailureAsync(Func<Task<SourceQuerySession>> open)
    {
        return await Assert.ThrowsAsync<CandidateSourceException>(async () =>
        {
            await using var session = await open();
            while (await ReadGuardedAsync(session))
            {
            }
        });
    }

    private static async Task<bool> ReadGuardedAsync(SourceQuerySession session)
    {
        try
        {
            return await session.Reader.ReadAsync();
        }
        catch (Exception ex) when (session.Translate(ex) is not null)
        {
            throw session.Translate(ex)!;
        }
    }
}
