using System.ComponentModel.DataAnnotations;

namespace ParseJobs.Api.Persistence;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending EF Core migrations when the service starts.</summary>
    public bool MigrateOnStartup { get; init; } = true;

    /// <summary>Seconds a single SQL command may run.</summary>
    [Range(1, 3600)]
    public int CommandTimeoutSeconds { get; init; } = 30;
}
