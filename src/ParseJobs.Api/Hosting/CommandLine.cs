using ParseJobs.Api.Ats.Connections;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Organisations;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Hosting;

/// <summary>
/// Operator commands of the service's own executable:
/// <c>migrate</c>, <c>keys create --org ORG --scopes a,b</c>, <c>keys list [--org ORG]</c>, <c>keys revoke ID|PREFIX</c>,
/// <c>orgs …</c> (<see cref="OrganisationCommands"/>) and <c>ats …</c> (<see cref="AtsConnectionCommands"/>).
/// </summary>
public static class CommandLine
{
    public const string Usage = """
        Usage: ParseJobs.Api [command]
          (no command)                                   run the service (API and/or worker, see Hosting:Role)
          migrate                                        apply database migrations and exit
          keys create --org ORG [--scopes jobs:read,jobs:write]
                                                         create an API key (and the organisation when new); the key is the last line
          keys create --operator                         create a system operator key (no organisation): opens only the Hangfire dashboard
          keys list [--org ORG]                          list keys (prefixes only, never secrets)
          keys revoke KEY_ID|PREFIX                      revoke a key
        """ + "\n" + OrganisationCommands.Usage + "\n" + AtsConnectionCommands.Usage;

    public static bool IsCommand(string[] args) => args is ["migrate", ..] or ["keys", ..] or ["orgs", ..] or ["ats", ..] or ["help" or "--help" or "-h", ..];

    public static Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken ct = default) =>
        RunAsync(services, args, Console.In, output, error, ct);

    /// <param name="input">Standard input (<c>ats connect --token-stdin</c> reads the token from it).</param>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        try
        {
            switch (args)
            {
                case ["migrate", ..]:
                    await services.MigrateDatabaseAsync(ct);
                    await output.WriteLineAsync("Database is up to date.");
                    return 0;
                case ["keys", "create", .. var rest]:
                    await services.MigrateDatabaseAsync(ct);
                    return await CreateKeyAsync(services, rest, output, error, ct);
                case ["keys", "list", .. var rest]:
                    await services.MigrateDatabaseAsync(ct);
                    return await ListKeysAsync(services, rest, output, ct);
                case ["keys", "revoke", var idOrPrefix, ..]:
                    await services.MigrateDatabaseAsync(ct);
                    return await RevokeAsync(services, idOrPrefix, output, error, ct);
                case ["orgs", .. var rest]:
                    await services.MigrateDatabaseAsync(ct);
                    return await OrganisationCommands.RunAsync(services, rest, output, error, ct);
                case ["ats", .. var rest]:
                    await services.MigrateDatabaseAsync(ct);
                    return await AtsConnectionCommands.RunAsync(services, rest, input, output, error, ct);
                default:
                    await output.WriteLineAsync(Usage);
                    return args is ["help" or "--help" or "-h", ..] ? 0 : 2;
            }
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 2;
        }
    }

    private static async Task<int> CreateKeyAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (args.Contains("--operator", StringComparer.Ordinal))
        {
            await using var operatorScope = services.CreateAsyncScope();
            var key = await operatorScope.ServiceProvider.GetRequiredService<ApiKeyAdmin>().CreateOperatorAsync(ct);
            await output.WriteLineAsync($"Created system operator key {key.KeyId}: it opens the Hangfire dashboard (/hangfire/login) and sees every organisation's jobs.");
            await output.WriteLineAsync("Store it now: it is shown only once.");
            await output.WriteLineAsync(key.Key);
            return 0;
        }

        var org = Option(args, "--org");
        if (string.IsNullOrWhiteSpace(org))
        {
            await error.WriteLineAsync("keys create needs --org ORG (or --operator for a system operator key).");
            return 2;
        }

        var scopes = (Option(args, "--scopes") ?? $"{Scopes.JobsRead},{Scopes.JobsWrite}")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        await using var scope = services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<ApiKeyAdmin>().CreateAsync(org, scopes, ct);
        await output.WriteLineAsync($"Created key {created.KeyId} for organisation '{created.OrganisationSlug}' with scopes {string.Join(",", created.Scopes)}.");
        await output.WriteLineAsync("Store it now: it is shown only once.");
        await output.WriteLineAsync(created.Key);
        return 0;
    }

    private static async Task<int> ListKeysAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<ApiKeyAdmin>().ListAsync(Option(args, "--org"), ct);
        await output.WriteLineAsync($"{"KEY_ID",-36}  {"ORG",-20}  {"PREFIX",-16}  {"SCOPES",-30}  {"CREATED",-20}  REVOKED");
        foreach (var k in keys)
        {
            await output.WriteLineAsync(
                $"{k.KeyId,-36}  {k.Organisation,-20}  {ApiKeySecret.KeyPrefix + k.Prefix + "…",-16}  {string.Join(",", k.Scopes),-30}  {k.CreatedAt:yyyy-MM-dd HH:mm:ss}  {k.RevokedAt?.ToString("yyyy-MM-dd HH:mm:ss") ?? "-"}");
        }

        return 0;
    }

    private static async Task<int> RevokeAsync(IServiceProvider services, string idOrPrefix, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var prefix = idOrPrefix.StartsWith(ApiKeySecret.KeyPrefix, StringComparison.Ordinal) ? idOrPrefix[ApiKeySecret.KeyPrefix.Length..].TrimEnd('…') : idOrPrefix;
        var revoked = await scope.ServiceProvider.GetRequiredService<ApiKeyAdmin>().RevokeAsync(prefix, ct);
        if (revoked == 0)
        {
            await error.WriteLineAsync($"No active key matches '{idOrPrefix}'.");
            return 1;
        }

        await output.WriteLineAsync($"Revoked {revoked} key(s).");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
