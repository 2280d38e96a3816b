using System.ComponentModel.DataAnnotations;

namespace ParseJobs.Api.Ats.Page;

/// <summary>The project page at <c>/p/{projectId}/</c> (section <c>ProjectPage</c>).</summary>
public sealed class ProjectPageOptions
{
    public const string Section = "ProjectPage";

    /// <summary>How often the page asks for the imports' status while any is pending or importing.</summary>
    [Range(1, 60)] public int PollIntervalSeconds { get; init; } = 2;

    /// <summary>The most candidates one ZIP download holds (a project larger than this is cut, first ones first).</summary>
    [Range(1, 5000)] public int MaxZipEntries { get; init; } = 500;
}
