using System.ComponentModel.DataAnnotations;


namespace ParseJobs.Api.Uploads;

public sealed class UploadOptions
{
    public const string Section = "Uploads";

    /// <summary>Largest accepted file; bigger uploads get 413.</summary>
    [Range(1, 500)]
    public int MaxFileSizeMb { get; init; } = 20;

    public long MaxFileSizeBytes => MaxFileSizeMb * 1024L * 1024L;
}
