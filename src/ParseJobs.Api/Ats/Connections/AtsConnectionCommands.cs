using Microsoft.EntityFrameworkCore;
using ParseJobs.Api.Ats.Projects;
using ParseJobs.Api.Persistence;

namespace ParseJobs.Api.Ats.Connections;

/// <summary>
/// The <c>ats</c> operator commands: <c>ats connect</c> (create or replace an organisation's connection),
/// <c>ats list</c> and <c>ats disconnect</c>. Nothing they print holds the base URL or the token.
/// </summary>
public static class AtsConnectionCommands
{
    /// <summary>Read when neither <c>--token</c>, <c>--token-env</c> nor <c>--token-stdin</c> is given.</summary>
    public const string TokenVariable = "PARSEJOBS_ATS_TOKEN";

    public const string Usage = """
          ats connect --org ORG --system hr4you --base-url URL (--token TOKEN | --token-stdin | --token-env VAR)
                                                         create or replace the organisation's ATS connection (stored
                                                         encrypted); without a token option the token is read from
                                                         the PARSEJOBS_ATS_TOKEN environment variable
          ats list [--org ORG]                           list connections: organisation, system, created, updated
          ats disconnect --org ORG --system hr4you       delete the organisation's connection
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        switch (args)
        {
            case ["connect", .. var rest]:
                return await ConnectAsync(provider, rest, input, output, error, ct);
            case ["list", .. var rest]:
                return await ListAsync(provider, rest, output, error, ct);
            case ["disconnect", .. var rest]:
                return await DisconnectAsync(provider, rest, output, error, ct);
            default:
                await error.WriteLineAsync("Usage:\n" + Usage);
                return 2;
        }
    }

    private static async Task<int> ConnectAsync(IServiceProvider provider, string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (await TargetAsync(provider, args, error, ct) is not { } target)
        {
            return 2;
        }

        var token = await TokenAsync(args, input, error);
        if (token is null)
        {
            return 2;
        }

        var (connection, errors) = Hr4YouConnectionInput.Read(Option(args, "--base-url"), token);
        if (connection is null)
        {
            foreach (var (field, messages) in errors)
            {
                await error.WriteLineAsync($"{(field == Hr4YouConnectionInput.BaseUrlField ? "--base-url" : "token")}: {string.Join(" ", messages)}");
            }

            return 2;
        }

        var state = await provider.GetRequiredService<AtsConnectionStore>().SetHr4YouAsync(target.OrganisationId, connection, ct);
        await output.WriteLineAsync(
            $"{(state.Created ? "Connected" : "Replaced the connection of")} organisation '{target.Slug}' to {target.System} (stored encrypted; the token is not shown again).");
        return 0;
    }

    private static async Task<int> ListAsync(IServiceProvider provider, string[] args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        Guid? organisationId = null;
        if (Option(args, "--org") is { } org)
        {
            if (await OrganisationIdAsync(provider, org, ct) is not { } id)
            {
                await error.WriteLineAsync($"No organisation '{org}'.");
                return 1;
            }

            organisationId = id;
        }

        var connections = await provider.GetRequiredService<AtsConnectionStore>().ListAsync(organisationId, ct);
        await output.WriteLineAsync($"{"ORG",-30}  {"SYSTEM",-10}  {"CREATED",-19}  UPDATED");
        foreach (var c in connections)
        {
            await output.WriteLineAsync($"{c.Organisation,-30}  {c.System,-10}  {c.CreatedAt:yyyy-MM-dd HH:mm:ss}  {c.UpdatedAt:yyyy-MM-dd HH:mm:ss}");
        }

        return 0;
    }

    private static async Task<int> DisconnectAsync(IServiceProvider provider, string[] args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (await TargetAsync(provider, args, error, ct) is not { } target)
        {
            return 2;
        }

        if (!await provider.GetRequiredService<AtsConnectionStore>().RemoveAsync(target.OrganisationId, target.System, ct))
        {
            await error.WriteLineAsync($"Organisation '{target.Slug}' has no {target.System} connection.");
            return 1;
        }

        await output.WriteLineAsync($"Disconnected organisation '{target.Slug}' from {target.System}.");
        return 0;
    }

    private sealed record Target(Guid OrganisationId, string Slug, string System);

    /// <summary>The <c>--org</c> and <c>--system</c> of connect and disconnect: an existing organisation, a known system.</summary>
    private static async Task<Target?> TargetAsync(IServiceProvider provider, string[] args, TextWriter error, CancellationToken ct)
    {
        var org = Option(args, "--org");
        var system = Option(args, "--system")?.Trim().ToLowerInvariant();
        if (string.IsNullOrWhiteSpace(org) || string.IsNullOrWhiteSpace(system))
        {
            await error.WriteLineAsync("Give --org ORG and --system hr4you.\nUsage:\n" + Usage);
            return null;
        }

        if (!AtsSystems.All.Contains(system, StringComparer.Ordinal))
        {
            await error.WriteLineAsync($"Unknown ATS system '{system}'. Known systems: {string.Join(", ", AtsSystems.All)}.");
            return null;
        }

        if (await OrganisationIdAsync(provider, org, ct) is not { } id)
        {
            await error.WriteLineAsync($"No organisation '{org}' (create it with 'keys create --org {org.Trim().ToLowerInvariant()}').");
            return null;
        }

        return new Target(id, org.Trim().ToLowerInvariant(), system);
    }

    /// <summary>The token from <c>--token</c>, <c>--token-stdin</c> (its first line), <c>--token-env VAR</c> or
    /// <see cref="TokenVariable"/>, in that order; null (with a message) when none of them holds one.</summary>
    private static async Task<string?> TokenAsync(string[] args, TextReader input, TextWriter error)
    {
        string? token;
        string source;
        if (Option(args, "--token") is { } given)
        {
            (token, source) = (given, "--token");
        }
        else if (args.Contains("--token-stdin", StringComparer.Ordinal))
        {
            (token, source) = (await input.ReadLineAsync(), "standard input");
        }
        else if (Option(args, "--token-env") is { } variable)
        {
            (token, source) = (Environment.GetEnvironmentVariable(variable), $"the environment variable {variable}");
        }
        else
        {
            (token, source) = (Environment.GetEnvironmentVariable(TokenVariable), $"the environment variable {TokenVariable}");
        }

        if (string.IsNullOrWhiteSpace(token))
        {
            await error.WriteLineAsync($"token: no API token in {source}. Give --token TOKEN, --token-stdin or --token-env VAR.");
            return null;
        }

        return token;
    }

    private static async Task<Guid?> OrganisationIdAsync(IServiceProvider provider, string slug, CancellationToken ct)
    {
        var normalised = slug.Trim().ToLowerInvariant();
        return await provider.GetRequiredService<ParseJobsDbContext>().Organisations
            .Where(o => o.Slug == normalised).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(ct);
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
