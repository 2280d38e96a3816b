namespace ParseJobs.Api.Tests.Hosting;

/// <summary>
/// The database fault tests (bursts of 40 requests, a cut proxy, a spawned service process) run after the other
/// collections, not beside them: their load would push the chaos tests' 2-second parser limits over on 2 cores.
/// Each class keeps its own host (class fixture).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultsCollection
{
    public const string Name = "database-faults";
}
