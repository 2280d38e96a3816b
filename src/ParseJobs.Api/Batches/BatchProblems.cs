using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ParseJobs.Api.Batches.Sources;
using ParseJobs.Api.Hosting;

namespace ParseJobs.Api.Batches;

/// <summary>The problems of the batch routes. The envelope writer (Hosting/WireProblemWriter.cs) turns the extensions
/// into <c>details</c>: INVALID_INPUT carries <c>field</c>, <c>provided</c> and <c>expected</c>.</summary>
public static class BatchProblems
{
    public const string InvalidInput = "INVALID_INPUT";

    /// <summary>A value echoed in <c>provided</c> is cut: a 100 KB field must not come back whole.</summary>
    private const int MaxProvidedChars = 200;

    public static ProblemHttpResult Invalid(string field, string message, object? provided = null, object? expected = null) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid input",
            Detail = message,
            Extensions =
            {
                [WireProblemWriter.CodeField] = InvalidInput,
                ["field"] = field,
                ["provided"] = provided is string s && s.Length > MaxProvidedChars ? string.Concat(s.AsSpan(0, MaxProvidedChars), "…") : provided,
                ["expected"] = expected,
            },
        });

    public static ProblemHttpResult Invalid(SourceProblem problem) => Invalid(problem.Field, problem.Message, problem.Provided, problem.Expected);

    public static ProblemHttpResult TooLarge(string message, string? code = null, object? details = null)
    {
        var problem = new ProblemDetails { Status = StatusCodes.Status413PayloadTooLarge, Title = "Too large", Detail = message };
        if (code is not null)
        {
            problem.Extensions[WireProblemWriter.CodeField] = code;
        }

        if (details is not null)
        {
            problem.Extensions["limit"] = details;
        }

        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult NotFound(Guid id) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Batch not found",
        Detail = $"No batch job {id} in this organisation.",
        Extensions = { [WireProblemWriter.CodeField] = "NOT_FOUND" },
    });
}
