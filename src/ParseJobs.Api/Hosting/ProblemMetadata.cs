namespace ParseJobs.Api.Hosting;

public static class ProblemMetadata
{
    /// <summary>Documents problem answers whose result type carries no status (<c>ProblemHttpResult</c>).</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }
}
