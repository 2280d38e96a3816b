using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ParseJobs.Api.Persistence;

/// <summary>For 'dotnet ef migrations add': builds the model without starting the host or a database.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ParseJobsDbContext>
{
    public ParseJobsDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<ParseJobsDbContext>()
        .UseNpgsql("Host=localhost;Database=parsejobs_design", o => o.MigrationsHistoryTable("__ef_migrations_history", ParseJobsDbContext.Schema))
        .UseSnakeCaseNamingConvention()
        .Options);
}
