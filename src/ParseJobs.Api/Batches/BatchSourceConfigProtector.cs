using Microsoft.AspNetCore.DataProtection;

namespace ParseJobs.Api.Batches;

/// <summary>Encrypts a batch's <c>source_config_json</c> (credentials) for the time between the submission and the
/// expansion, with the key ring every node shares (Persistence/DataProtectionSetup.cs) and a purpose of its own, so
/// that nothing else protected with the ring can be unprotected as a source config, nor the reverse.</summary>
public sealed class BatchSourceConfigProtector(IDataProtectionProvider provider)
{
    public const string Purpose = "ParseJobs.Batches.SourceConfig.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string json) => _protector.Protect(json);

    public string Unprotect(string protectedJson) => _protector.Unprotect(protectedJson);
}
