namespace ParseJobs.Api.Hosting;

/// <summary>What this process does: serve the API, run background jobs, or both (the default).</summary>
public enum HostRole
{
    All,
    Api,
    Worker,
}

public sealed class HostingOptions
{
    public const string Section = "Hosting";

    public HostRole Role { get; init; } = HostRole.All;

    public bool RunsApi => Role is HostRole.All or HostRole.Api;

    public bool RunsWorker => Role is HostRole.All or HostRole.Worker;
}
