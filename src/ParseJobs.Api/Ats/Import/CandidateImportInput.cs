using System.Text.Json.Serialization;

namespace ParseJobs.Api.Ats.Import;

/// <summary>An import item's input (<c>job_items.input</c>): which candidate, and its HR4YOU applicant.</summary>
public sealed record CandidateImportInput(
    [property: JsonPropertyName("candidateId")] Guid CandidateId,
    [property: JsonPropertyName("applicantId")] string ApplicantId);
