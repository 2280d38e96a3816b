using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace ParseJobs.Api.Persistence;

/// <summary>
/// Npgsql's retrying strategy, limited to what is safe to replay: queries and set-based statements
/// (ExecuteUpdate/ExecuteDelete, idempotent here) outside a user transaction. Two cases run once, unretried:
/// <list type="bullet">
/// <item>inside a transaction the caller opened (<c>BeginTransaction</c>, a <c>TransactionScope</c>): the stock strategy
/// throws for those unless the caller wraps them in <c>CreateExecutionStrategy()</c>, and a replay of one statement
/// cannot restore a transaction the outage rolled back;</item>
/// <item>a <c>SaveChanges</c> of tracked entities: when the connection drops during COMMIT the outcome is unknown, and a
/// replay would insert twice.</item>
/// </list>
/// What still fails surfaces as a database-unavailable exception and becomes a 503 (Hosting/DatabaseUnavailableHandler).
/// </summary>
public sealed class ParseJobsExecutionStrategy(ExecutionStrategyDependencies dependencies, int maxRetryCount, TimeSpan maxRetryDelay)
    : NpgsqlRetryingExecutionStrategy(dependencies, maxRetryCount, maxRetryDelay, errorCodesToAdd: null)
{
    // The strategy is per DbContext and executions on one context are sequential: per-execution state is safe.
    private bool _runOnce;

    protected override void OnFirstExecution()
    {
        var database = Dependencies.CurrentContext.Context.Database;
        _runOnce = database.CurrentTransaction is not null
            || System.Transactions.Transaction.Current is not null;
        if (_runOnce)
        {
            ExceptionsEncountered.Clear(); // the base would throw "does not support user-initiated transactions"
            return;
        }

        base.OnFirstExecution();
    }

    protected override bool ShouldRetryOn(Exception? exception) =>
        !_runOnce && !Dependencies.CurrentContext.Context.ChangeTracker.HasChanges() && base.ShouldRetryOn(exception);
}
