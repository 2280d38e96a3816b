using System.Text.Json;

namespace ParseJobs.Api.Jobs.Items;

/// <summary>What an item kind's work sees of one item.</summary>
public sealed record JobItemContext(Job Job, JobItem Item);

/// <summary>One item's result and its typed columns.</summary>
public sealed record JobItemOutput<TResult>(TResult Result)
{
    public double? OverallScore { get; init; }
}

/// <summary>
/// The work of an item kind: turns one item into its result. Throw <see cref="JobFailedException"/> for an item
/// that cannot succeed (it fails alone; the job goes on); other exceptions retry the chunk.
/// </summary>
public interface IJobItemWork<TResult>
{
    Task<JobItemOutput<TResult>> RunAsync(JobItemContext item, CancellationToken ct);
}

/// <summary>An item's result serialised with its kind's options.</summary>
public sealed record JobItemOutcome(string ResultJson, double? OverallScore)
{
    internal static Func<IServiceProvider, JobItemContext, CancellationToken, Task<JobItemOutcome>> Runner<TResult>(Type workType, JsonSerializerOptions json) =>
        async (services, item, ct) =>
        {
            var work = (IJobItemWork<TResult>)services.GetRequiredService(workType);
            var output = await work.RunAsync(item, ct);
            return new JobItemOutcome(JsonSerializer.Serialize(output.Result, json), output.OverallScore);
        };
}
