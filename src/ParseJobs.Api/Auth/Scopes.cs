namespace ParseJobs.Api.Auth;

/// <summary>What an API key may do. Each scope is also the name of an authorization policy.</summary>
public static class Scopes
{
    public const string JobsRead = "jobs:read";
    public const string JobsWrite = "jobs:write";
    public const string BatchesRead = "batches:read";
    public const string BatchesWrite = "batches:write";
    /// <summary>What an ATS's shared secret (<c>X-Shared-Secret</c>) may do: post create-pdf requests and read the projects they made.</summary>
    public const string AtsCreatePdf = "ats:create-pdf";
    /// <summary>Read projects, their candidates and the candidates' profile PDFs.</summary>
    public const string ProjectsRead = "projects:read";
    /// <summary>Organisation administration (reserved). It does not open the Hangfire dashboard, which shows every
    /// organisation: that needs a system operator key (<c>keys create --operator</c>).</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [JobsRead, JobsWrite, BatchesRead, BatchesWrite, AtsCreatePdf, ProjectsRead, Admin];
}
