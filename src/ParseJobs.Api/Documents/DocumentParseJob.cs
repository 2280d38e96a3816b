using Hangfire;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Parsers;
using ParseJobs.Api.Persistence;
using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Parsing;


namespace ParseJobs.Api.Documents;

/// <summary>parse: document bytes to the layout model (in an isolated parser), stored with its embedded images.</summary>
// On the class: the job is enqueued through IJobClass, whose method carries no attributes.
[AutomaticRetry(Attempts = 10, DelaysInSeconds = [2, 10, 30, 60, 120, 300, 300, 300, 300, 300], OnAttemptsExceeded = AttemptsExceededAction.Delete)]
public sealed class DocumentParseJob(
    JobRunner runner,
    IDocumentParser parser,
    JobProgressWriter progress,
    ParseJobsDbContext db,
    IOptions<ParsingOptions> parsing,
    IOptions<DocumentParseOptions> options) : IJobClass
{
    public const string ImagesTruncatedCode = ErrorCodes.ImagesTruncated;

    public Task RunAsync(Guid jobId, CancellationToken ct) =>
        runner.RunAsync(jobId, async (job, token) =>
        {
            var parameters = DocumentParseParameters.FromJson(job.Parameters);
            var (content, type) = await db.LoadDocumentAsync(job.DocumentId, token);
            // The child caps images (each distinct image once), so the reply stays within these bounds.
            var limits = parsing.Value.Limits() with { MaxImages = options.Value.MaxImages, MaxImageBytes = options.Value.MaxImageMb * 1024L * 1024L };
            var layout = await parser.ParseAsync(content, type, limits, progress.For(jobId, token), token);

            var (images, warnings) = ImagesToKeep(layout);
            var result = DocumentParseResult.From(jobId, layout, parameters, images.Select(i => i.SegmentId).ToHashSet(StringComparer.Ordinal), warnings);
            db.JobImages.AddRange(images.Select(i => new JobImage { JobId = jobId, SegmentId = i.SegmentId, MediaType = i.Image.MediaType, Content = i.Image.Content }));
            return new JobOutput<DocumentParseResult>(result) { PageCount = layout.PageCount };
        }, ct);

    // Pictures in reading order until the count or byte budget runs out; a warning says when some were left out.
    private (List<(string SegmentId, DocumentImage Image)> Images, List<DocumentWarning> Warnings) ImagesToKeep(LayoutDocument layout)
    {
        var byId = layout.Images.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var budget = options.Value.MaxImageMb * 1024L * 1024L;
        var kept = new List<(string, DocumentImage)>();
        var dropped = 0;
        foreach (var segment in layout.Segments.Where(s => s.ImageId is not null))
        {
            if (!byId.TryGetValue(segment.ImageId!, out var image))
            {
                continue;
            }

            if (kept.Count >= options.Value.MaxImages || image.Content.LongLength > budget)
            {
                dropped++;
                continue;
            }

            budget -= image.Content.LongLength;
            kept.Add((segment.Id, image));
        }

        List<DocumentWarning> warnings = dropped == 0 ? [] :
            [new DocumentWarning(ImagesTruncatedCode, $"{dropped} picture(s) exceed the limits of {options.Value.MaxImages} images or {options.Value.MaxImageMb} MB; their bytes are not stored.")];
        return (kept, warnings);
    }
}
