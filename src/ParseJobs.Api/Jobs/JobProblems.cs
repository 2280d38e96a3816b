using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ParseJobs.Api.Hosting;

namespace ParseJobs.Api.Jobs;

/// <summary>The problems of job lookups and results, with details that say what is true and what to do.</summary>
public static class JobProblems
{
    /// <summary>The same answer for an unknown id and for another organisation's job.</summary>
    public static ProblemHttpResult NotFound(Guid id) =>
        Problem(StatusCodes.Status404NotFound, "Job not found", $"No job {id} exists for this API key's organisation.", "JOB_NOT_FOUND");

    /// <summary>The 404 of a lookup through a kind's endpoint: unknown, or the job exists but is of another kind
    /// (then say where to read it). Null when the job is there and of the expected kind.</summary>
    public static ProblemHttpResult? Lookup(Job? job, Guid id, JobKind expected) => job switch
    {
        null => NotFound(id),
        { Kind: var kind } when kind != expected => Problem(StatusCodes.Status404NotFound, "Job of another kind",
            $"Job {id} exists but is of kind {WireEnum.Name(kind)}, not {WireEnum.Name(expected)}; read it at {V1Wire.ResultUrl(kind, id)} (or /v1/jobs/{id}).",
            "JOB_KIND_MISMATCH"),
        _ => null,
    };

    /// <summary>409 for a result asked of a job that is still pending or running.</summary>
    public static ProblemHttpResult NotCompleted(Job job, string pollUrl) =>
        Problem(StatusCodes.Status409Conflict, "Job not completed",
            $"Job {job.Id} is {Name(job.Status)}; poll {pollUrl} until it is completed.", "JOB_NOT_COMPLETED");

    /// <summary>409 for a result asked of a failed job: its error code and message, and where to look.</summary>
    public static ProblemHttpResult Failed(Job job, string statusUrl)
    {
        var code = job.ErrorCode ?? "INTERNAL_ERROR";
        var problem = Problem(StatusCodes.Status409Conflict, "Job failed",
            $"Job failed to process ({code}). Results are not available; see {statusUrl} for the error.", "JOB_FAILED");
        problem.ProblemDetails.Extensions["error"] = new JobErrorResponse(code, job.ErrorMessage ?? "");
        return problem;
    }

    /// <summary>The /v1 wire word of a status, e.g. "running".</summary>
    public static string Name(JobStatus status) => V1Wire.Name(status);

    private static ProblemHttpResult Problem(int status, string title, string detail, string code) =>
        WireProblemWriter.Coded(status, title, detail, code);
}
