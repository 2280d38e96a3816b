namespace ParseJobs.Api.Auth;

/// <summary>What an API key may do. Each scope is also the name of an authorization policy.</summary>
public static class Scopes
{
    public const string JobsRead = "jobs:read";
    public const string JobsWrite = "jobs:write";
    public const string BatchesRead = "batches:read";
    public const string BatchesWrite = "batches:write";
    /// <summary>Organisation administration (reserved). It does not open the Hangfire dashboard, which shows every
    /// organisation: that needs a system operator key (<c>keys create --operator</c>).</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [JobsRead, JobsWrite, BatchesRead, BatchesWrite, Admin];
}
