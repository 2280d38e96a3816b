using ParseJobs.Api.Retention;

namespace ParseJobs.Api.Organisations;

/// <summary>
/// The <c>orgs</c> operator commands: <c>orgs retention --org ORG [--completed-days N|default] [--failed-days N|default]</c>
/// and <c>orgs erase --org ORG</c>. They ask nothing: erasure is the command itself, and it prints what it deleted.
/// </summary>
public static class OrganisationCommands
{
    public const string Usage = """
          orgs retention --org ORG [--completed-days N|default] [--failed-days N|default]
                                                         show or set the organisation's retention periods (days; 'default' = Retention:*)
          orgs erase --org ORG                           delete the organisation and everything it owns (jobs, documents,
                                                         results, images, keys); prints the counts; audited
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var org = Option(args, "--org");
        if (args is not ["retention" or "erase", ..] || string.IsNullOrWhiteSpace(org))
        {
            await error.WriteLineAsync("Usage:\n" + Usage);
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        if (args[0] == "erase")
        {
            var erasure = await scope.ServiceProvider.GetRequiredService<OrganisationEraser>().EraseAsync(org, ct);
            if (erasure is null)
            {
                await error.WriteLineAsync($"No organisation '{org}'.");
                return 1;
            }

            await output.WriteLineAsync($"Erased organisation '{erasure.Slug}' ({erasure.OrganisationId}): {erasure.Deleted}.");
            await output.WriteLineAsync($"Written to the audit log in {erasure.AuditEntries} entries (actor '{AuditActors.Cli}', action '{AuditActions.Erase}').");
            return 0;
        }

        var retention = await scope.ServiceProvider.GetRequiredService<RetentionPolicyAdmin>()
            .SetAsync(org, Period(args, "--completed-days"), Period(args, "--failed-days"), ct);
        if (retention is null)
        {
            await error.WriteLineAsync($"No organisation '{org}'.");
            return 1;
        }

        await output.WriteLineAsync($"Organisation '{org.Trim().ToLowerInvariant()}': {retention.Describe()}.");
        return 0;
    }

    private static RetentionPolicyAdmin.Period Period(string[] args, string name) => Option(args, name) switch
    {
        null => RetentionPolicyAdmin.Period.Unchanged,
        "default" => RetentionPolicyAdmin.Period.Reset,
        var text when int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days)
            => RetentionPolicyAdmin.Period.Of(days),
        var text => throw new ArgumentException($"{name} must be a number of days or 'default', not '{text}'.", nameof(args)),
    };

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
