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

    /// <summary>409 for a result asked of a job that is still pending or running.</summary>
    public static ProblemHttpResult NotCompleted(Job job, string pollUrl) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Job not completed",
            detail: $"Job {job.Id} is {Name(job.Status)}; poll {pollUrl} until it is completed.");

    public static string Name(JobStatus status) => Hosting.WireEnum.Name(status);
}
