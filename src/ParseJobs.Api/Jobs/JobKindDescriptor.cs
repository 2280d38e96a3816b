using System.Text.Json;
using Hangfire;
using ParseJobs.Api.Hosting;
using ParseJobs.Api.Jobs.Items;

namespace ParseJobs.Api.Jobs;

/// <summary>
/// Everything the platform needs to know about one <see cref="JobKind"/>: which Hangfire job class runs it (or, for
/// item kinds, which work runs each item), on which queue, under which time limit, its result type and JSON
/// options, and whether <c>GET /v1/jobs/{id}</c> embeds the result. Registered by the kind's feature with
/// <see cref="JobKindRegistration.AddJobKind{TJob, TResult}"/>; nothing central switches over kinds.
/// </summary>
public sealed class JobKindDescriptor
{
    private readonly Func<IServiceProvider, TimeSpan> _timeout;

    internal JobKindDescriptor(JobKind kind, Type jobType, Type resultType, string queue, Func<IServiceProvider, TimeSpan> timeout,
        JsonSerializerOptions resultJson, bool embedsResult, int? itemChunkSize)
    {
        Kind = kind;
        JobType = jobType;
        ResultType = resultType;
        Queue = queue;
        _timeout = timeout;
        ResultJson = resultJson;
        EmbedsResult = embedsResult;
        ItemChunkSize = itemChunkSize;
    }

    public JobKind Kind { get; }

    /// <summary>The Hangfire job class (<see cref="IJobClass"/>), or the item work (<see cref="IJobItemWork{TResult}"/>) of an item kind.</summary>
    public Type JobType { get; }

    /// <summary>The result of a job, or of each item of an item kind.</summary>
    public Type ResultType { get; }

    public string Queue { get; }

    /// <summary>The options the result is serialised with once, when it is stored; it is served as stored.</summary>
    public JsonSerializerOptions ResultJson { get; }

    /// <summary>Whether GET /v1/jobs/{id} embeds the stored result of a completed job.</summary>
    public bool EmbedsResult { get; }

    /// <summary>Items per Hangfire job for item kinds; null for single-result kinds.</summary>
    public int? ItemChunkSize { get; }

    public bool HasItems => ItemChunkSize is not null;

    /// <summary>For item kinds whose items a worker reads when the job starts (<see cref="IJobItemExpander"/>); null when submitted with the items.</summary>
    public Type? ExpanderType { get; init; }

    /// <summary>Whether the job is submitted without items and expanded on a worker (<see cref="ItemExpansionJob"/>).</summary>
    public bool IsExpanded => ExpanderType is not null;

    /// <summary>The time limit of an expansion (reading the items' source), for expanded kinds.</summary>
    public TimeSpan ExpansionTimeout { get; init; } = JobKindBuilder.DefaultExpansionTimeout;

    /// <summary>Enqueues the job class of a single-result kind; returns the Hangfire id.</summary>
    internal Func<IBackgroundJobClient, Guid, string>? EnqueueJob { get; init; }

    /// <summary>Runs one item of an item kind and serialises its result with <see cref="ResultJson"/>.</summary>
    internal Func<IServiceProvider, JobItemContext, CancellationToken, Task<JobItemOutcome>>? RunItem { get; init; }

    /// <summary>Called when the last item was counted, before the job is completed (<see cref="Items.ItemJobFinisher"/>): at least once, so idempotent.</summary>
    internal Func<IServiceProvider, Guid, CancellationToken, Task>? WhenItemsDone { get; init; }

    /// <summary>The time limit of a whole job, or of one item of an item kind.</summary>
    public TimeSpan TimeoutFor(IServiceProvider services) => _timeout(services);

    public object ReadResult(string json) => JsonSerializer.Deserialize(json, ResultType, ResultJson)
        ?? throw new InvalidOperationException($"The stored result of a {Kind} job is null.");

    public T ReadResult<T>(string json) => (T)ReadResult(json);
}

/// <summary>A Hangfire job class of a single-result kind: runs the job through <see cref="JobRunner"/>.</summary>
public interface IJobClass
{
    Task RunAsync(Guid jobId, CancellationToken ct);

    /// <summary>What Hangfire invokes: <see cref="RunAsync"/>, waited for on Hangfire's worker thread without spinning
    /// (<see cref="WorkerThreadWait"/>). Implement as <c>WorkerThreadWait.RunToEnd(RunAsync(jobId, ct))</c>.</summary>
    void Run(Guid jobId, CancellationToken ct);
}

/// <summary>All registered kinds. A kind without a descriptor is a start-up bug, found by a unit test.</summary>
public sealed class JobKinds
{
    private readonly Dictionary<JobKind, JobKindDescriptor> _byKind;

    public JobKinds(IEnumerable<JobKindDescriptor> descriptors)
    {
        _byKind = [];
        foreach (var descriptor in descriptors)
        {
            if (!_byKind.TryAdd(descriptor.Kind, descriptor))
            {
                throw new InvalidOperationException($"Job kind {descriptor.Kind} is registered twice.");
            }
        }
    }

    public IReadOnlyCollection<JobKindDescriptor> All => _byKind.Values;

    /// <summary>Every queue a kind runs on, for the Hangfire server.</summary>
    public IEnumerable<string> Queues => _byKind.Values.Select(d => d.Queue).Distinct(StringComparer.Ordinal);

    public bool TryGet(JobKind kind, out JobKindDescriptor descriptor) => _byKind.TryGetValue(kind, out descriptor!);

    public JobKindDescriptor Get(JobKind kind) => _byKind.TryGetValue(kind, out var descriptor)
        ? descriptor
        : throw new InvalidOperationException($"No descriptor is registered for job kind {kind}: its feature must call AddJobKind.");
}

/// <summary>How a feature describes its kind: <c>k =&gt; k.OnQueue("parse").WithTimeout&lt;ParsingOptions&gt;(o =&gt; …)</c>.</summary>
public sealed class JobKindBuilder
{
    internal string? Queue { get; private set; }
    internal Func<IServiceProvider, TimeSpan> Timeout { get; private set; } = _ => TimeSpan.FromMinutes(10);
    internal JsonSerializerOptions ResultJson { get; private set; } = JsonSetup.Wire;
    internal bool EmbedsResult { get; private set; }
    internal int? ItemChunkSize { get; private set; }
    internal Func<IServiceProvider, Guid, CancellationToken, Task>? WhenItemsDone { get; private set; }
    internal Type? ExpanderType { get; private set; }
    internal TimeSpan ExpansionTimeout { get; private set; } = DefaultExpansionTimeout;

    /// <summary>How long an expansion may read its source unless the kind says otherwise.</summary>
    public static readonly TimeSpan DefaultExpansionTimeout = TimeSpan.FromMinutes(10);

    public JobKindBuilder OnQueue(string queue)
    {
        // Hangfire queue names: lower case letters, digits, underscores and dashes.
        if (string.IsNullOrEmpty(queue) || !queue.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-'))
        {
            throw new ArgumentException($"'{queue}' is not a valid Hangfire queue name.", nameof(queue));
        }

        Queue = queue;
        return this;
    }

    public JobKindBuilder WithTimeout(TimeSpan timeout)
    {
        Timeout = _ => timeout;
        return this;
    }

    /// <summary>The time limit from the kind's options, read when a job starts (so it follows configuration).</summary>
    public JobKindBuilder WithTimeout<TOptions>(Func<TOptions, TimeSpan> timeout)
        where TOptions : class
    {
        Timeout = sp => timeout(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<TOptions>>().Value);
        return this;
    }

    public JobKindBuilder WithResultJson(JsonSerializerOptions options)
    {
        ResultJson = options;
        return this;
    }

    public JobKindBuilder EmbedResultInGetJob()
    {
        EmbedsResult = true;
        return this;
    }

    /// <summary>The job's work is its items, run in chunks of <paramref name="chunkSize"/> per Hangfire job; the last item completes the job.</summary>
    public JobKindBuilder WithItems(int chunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        ItemChunkSize = chunkSize;
        return this;
    }

    /// <summary>For item kinds (after <see cref="WithItems"/>): the job is submitted without items; when it is dispatched, a
    /// worker starts it and reads its items from <typeparamref name="TExpander"/> (<see cref="ItemExpansionJob"/>),
    /// within <paramref name="timeout"/> (default 10 minutes).</summary>
    public JobKindBuilder ExpandedBy<TExpander>(TimeSpan? timeout = null)
        where TExpander : class, IJobItemExpander
    {
        if (ItemChunkSize is null)
        {
            throw new InvalidOperationException("ExpandedBy applies to item kinds: call WithItems first.");
        }

        ExpanderType = typeof(TExpander);
        ExpansionTimeout = timeout ?? DefaultExpansionTimeout;
        return this;
    }

    /// <summary>For item kinds: runs when the last item was counted (e.g. a batch's summary), before the job is completed,
    /// so that a client sees <c>completed</c> only with what it wrote. At least once (a crash in between runs it again): idempotent.</summary>
    public JobKindBuilder WhenAllItemsDone(Func<IServiceProvider, Guid, CancellationToken, Task> handler)
    {
        WhenItemsDone = handler;
        return this;
    }
}

public static class JobKindRegistration
{
    /// <summary>Items kinds run on this queue unless they name their own: interactive single jobs never wait behind a batch.</summary>
    public const string ItemsQueue = "items";

    /// <summary>
    /// Registers a job kind. <typeparamref name="TJob"/> is the Hangfire job class (<see cref="IJobClass"/>) of a
    /// single-result kind, or the item work (<see cref="IJobItemWork{TResult}"/>) of a kind built
    /// <see cref="JobKindBuilder.WithItems"/>; <typeparamref name="TResult"/> is what is stored (per job or per item).
    /// </summary>
    public static IServiceCollection AddJobKind<TJob, TResult>(this IServiceCollection services, JobKind kind, Action<JobKindBuilder>? configure = null)
        where TJob : class
    {
        var builder = new JobKindBuilder();
        configure?.Invoke(builder);
        var isItemKind = builder.ItemChunkSize is not null;
        var queue = builder.Queue ?? (isItemKind ? ItemsQueue : "default");
        JobKindDescriptor descriptor;
        if (isItemKind)
        {
            if (!typeof(IJobItemWork<TResult>).IsAssignableFrom(typeof(TJob)))
            {
                throw new InvalidOperationException($"{typeof(TJob).Name} runs the items of {kind} and must implement IJobItemWork<{typeof(TResult).Name}>.");
            }

            descriptor = new JobKindDescriptor(kind, typeof(TJob), typeof(TResult), queue, builder.Timeout, builder.ResultJson, builder.EmbedsResult, builder.ItemChunkSize)
            {
                RunItem = JobItemOutcome.Runner<TResult>(typeof(TJob), builder.ResultJson),
                WhenItemsDone = builder.WhenItemsDone,
                ExpanderType = builder.ExpanderType,
                ExpansionTimeout = builder.ExpansionTimeout,
            };
            if (builder.ExpanderType is { } expander)
            {
                services.AddScoped(expander);
            }
        }
        else
        {
            if (!typeof(IJobClass).IsAssignableFrom(typeof(TJob)))
            {
                throw new InvalidOperationException($"{typeof(TJob).Name} runs {kind} jobs and must implement IJobClass.");
            }

            var enqueue = typeof(JobKindRegistration).GetMethod(nameof(Enqueue), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(typeof(TJob)).CreateDelegate<Func<IBackgroundJobClient, string, Guid, string>>();
            descriptor = new JobKindDescriptor(kind, typeof(TJob), typeof(TResult), queue, builder.Timeout, builder.ResultJson, builder.EmbedsResult, null)
            {
                EnqueueJob = (client, id) => enqueue(client, queue, id),
            };
        }

        services.AddScoped<TJob>();
        services.AddSingleton(descriptor);
        return services;
    }

    // The queue is given at enqueue time (not by a [Queue] attribute), so the descriptor is the one place that says it.
    private static string Enqueue<TJob>(IBackgroundJobClient client, string queue, Guid jobId)
        where TJob : IJobClass => client.Enqueue<TJob>(queue, j => j.Run(jobId, CancellationToken.None));
}
