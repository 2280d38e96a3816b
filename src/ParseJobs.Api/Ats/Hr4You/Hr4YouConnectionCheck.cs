namespace ParseJobs.Api.Ats.Hr4You;

/// <summary>
/// Tries a connection with one call: HR4YOU's API has no "who am I", so it asks for a consultant that does not exist.
/// A 404 (or, by chance, a consultant) means HR4YOU took the token; a 401/403 means it did not.
/// </summary>
public sealed class Hr4YouConnectionCheck(IHr4YouClient client)
{
    /// <summary>The consultant id asked for; no HR4YOU user has it.</summary>
    public const string ProbeConsultantId = "parsejobs-connection-check";

    /// <summary>Null when HR4YOU accepted the connection, else why not.</summary>
    public async Task<Hr4YouException?> CheckAsync(Hr4YouConnection connection, CancellationToken ct)
    {
        try
        {
            await client.GetConsultantAsync(connection, ProbeConsultantId, ct);
            return null;
        }
        catch (Hr4YouException ex)
        {
            return ex;
        }
    }
}
