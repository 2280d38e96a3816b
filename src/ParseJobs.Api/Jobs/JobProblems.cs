using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ParseJobs.Api.Jobs;

public static class JobProblems
{
    /// <summary>The same answer for an unknown id and for another organisation's job.</summary>
    public static NotFound<ProblemDetails> NotFound(Guid id) => TypedResults.NotFound(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Job not found",
        Detail = $"No job {id} exists for this API key's organisation.",
    });

    public static string Name(JobStatus status) => Hosting.WireEnum.Name(status);
}
