using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ParseJobs.Api.Ats.Hr4You;
using ParseJobs.Api.Hosting;
using ParseJobs.Api.Jobs;

namespace ParseJobs.Api.Ats.CreatePdf;

/// <summary>The problems of create-pdf, in the /v1 shape (RFC 9457 with a <c>code</c>), with details that say what to do.</summary>
public static class AtsProblems
{
    /// <summary>Retry-After of a 503 when HR4YOU sent none.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(30);

    public static ProblemHttpResult NoConnection() => Problem(StatusCodes.Status409Conflict, "No HR4YOU connection", ErrorCodes.AtsNotConnected,
        "This organisation has no HR4YOU connection. An operator sets one with `ats connect --org <organisation> --system hr4you " +
        "--base-url <HR4YOU API URL> --token <API token>`, or an admin key with PUT /v1/admin/ats-connections/hr4you.");

    public static ProblemHttpResult ConsultantNotFound(string userId) => Problem(StatusCodes.Status422UnprocessableEntity, "Unknown consultant",
        ErrorCodes.ConsultantNotFound, $"HR4YOU has no consultant (user) {userId}; nothing was created.");

    public static ProblemHttpResult JobPostNotFound(string projectId) => Problem(StatusCodes.Status422UnprocessableEntity, "Unknown job",
        ErrorCodes.JobPostNotFound, $"HR4YOU has no job {projectId} (projectId); send an existing job id, or none; nothing was created.");

    public static ProblemHttpResult KeyReused() => Problem(StatusCodes.Status422UnprocessableEntity, "Idempotency key reused",
        ErrorCodes.IdempotencyKeyReused, "This Idempotency-Key was used for a different request (consultant, applicants or projectId); use a new key for a new request.");

    /// <summary>HR4YOU failed after its retries: nothing was created. 503 (with Retry-After) when it may pass, 502 when its answer is wrong.</summary>
    public static ProblemHttpResult FromHr4You(Hr4YouException ex, HttpResponse response) => ex.Failure switch
    {
        Hr4YouFailure.Unavailable => Unavailable(ex, response),
        Hr4YouFailure.Unauthorized => Problem(StatusCodes.Status502BadGateway, "HR4YOU refused the token", ErrorCodes.AtsUnauthorized,
            "HR4YOU refused the organisation's HR4YOU token (401/403). Set a valid one with `ats connect --org <organisation> --system hr4you " +
            "--base-url <URL> --token <TOKEN>` or PUT /v1/admin/ats-connections/hr4you; nothing was created."),
        _ => Problem(StatusCodes.Status502BadGateway, "Unexpected answer from HR4YOU", ErrorCodes.AtsMalformedResponse,
            $"HR4YOU's answer could not be used ({ex.Message}); nothing was created."),
    };

    private static ProblemHttpResult Unavailable(Hr4YouException ex, HttpResponse response)
    {
        var retryAfter = ex.RetryAfter is { } after && after > TimeSpan.Zero ? after : DefaultRetryAfter;
        response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Problem(StatusCodes.Status503ServiceUnavailable, "HR4YOU unavailable", ErrorCodes.AtsUnavailable,
            $"HR4YOU did not answer usefully after retries ({ex.Message}); nothing was created. Send the request again after Retry-After.");
    }

    private static ProblemHttpResult Problem(int status, string title, string code, string detail) =>
        WireProblemWriter.Coded(status, title, detail, code);
}
