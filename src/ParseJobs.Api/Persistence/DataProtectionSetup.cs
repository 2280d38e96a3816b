using Microsoft.AspNetCore.DataProtection;

namespace ParseJobs.Api.Persistence;

public static class DataProtectionSetup
{
    /// <summary>The application name all nodes share: without it the key ring is isolated by content root path,
    /// and nodes installed in different folders could not read each other's cookies.</summary>
    public const string ApplicationName = "ParseJobs";

    /// <summary>
    /// Data Protection keys in PostgreSQL (table <c>data_protection_keys</c>), so that every node of one database uses
    /// one key ring: the operator login cookie issued by one node is accepted by the others, and data protected on one
    /// node (the ATS credentials to come) can be read on any. The keys are stored unencrypted, readable by whoever
    /// can read the database, which holds the data they protect anyway.
    /// </summary>
    public static IServiceCollection AddParseJobsDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<ParseJobsDbContext>();
        return services;
    }
}
