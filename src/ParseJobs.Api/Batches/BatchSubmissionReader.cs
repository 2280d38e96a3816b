using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Batches.Sources;

namespace ParseJobs.Api.Batches;

/// <summary>The multipart fields of <c>POST /api/v1/batch-jobs</c> (and <c>/sync</c>), as sent.</summary>
public sealed record BatchSubmitForm(
    string? InputType, string? JobDescriptionText, IFormFile? CandidateSourceFile, string? SourceConfigJson, string? MetadataJson, string? JobId);

/// <summary>A submission that passed every check: what <see cref="BatchSubmitter"/> stores.</summary>
public sealed record BatchRequest(
    BatchInputType InputType, ICandidateSource Source, string Description, string? ClientJobId, string? Metadata,
    string? SourceConfig, byte[]? File, string? FileName)
{
    /// <summary>What the source reads (the config parsed; credentials: never log it).</summary>
    public CandidateSourceInput SourceInput(Guid organisationId) =>
        new(organisationId, File, FileName, SourceConfig is null ? null : JsonDocument.Parse(SourceConfig).RootElement.Clone());
}

/// <summary>
/// Checks a batch submission field by field, in the order a client fixes them: every rejection is a 400
/// INVALID_INPUT naming the field, what was provided and what is expected (413 for an oversize file), so that no
/// batch exists for a bad request. The source's own <see cref="ICandidateSource.Check"/> runs last.
/// </summary>
public sealed class BatchSubmissionReader(IEnumerable<ICandidateSource> sources, IOptions<BatchOptions> options)
{
    public const int MaxClientJobIdLength = 256;

    private readonly Dictionary<BatchInputType, ICandidateSource> _sources = sources.ToDictionary(s => s.InputType);

    public sealed record Outcome(BatchRequest? Request, ProblemHttpResult? Problem);

    /// <summary>The wire names of the input types this server reads, as the error's <c>expected</c>.</summary>
    public IReadOnlyList<string> AvailableInputTypes => [.. Enum.GetValues<BatchInputType>().Where(_sources.ContainsKey).Select(WireName)];

    public static string WireName(BatchInputType type) => type switch
    {
        BatchInputType.ZipFile => "zip_file",
        BatchInputType.CsvFile => "csv_file",
        BatchInputType.Database => "database",
        BatchInputType.AwsS3 => "aws_s3",
        BatchInputType.GoogleDrive => "google_drive",
        _ => throw new System.Diagnostics.UnreachableException($"BatchInputType {type} has no wire name."),
    };

    public async Task<Outcome> ReadAsync(BatchSubmitForm form, Guid organisationId, CancellationToken ct)
    {
        var o = options.Value;
        var inputType = Enum.GetValues<BatchInputType>().Cast<BatchInputType?>()
            .FirstOrDefault(t => string.Equals(WireName(t!.Value), form.InputType?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (string.IsNullOrWhiteSpace(form.InputType))
        {
            return Fail("input_type", "The 'input_type' field is required", null, AvailableInputTypes);
        }

        if (inputType is null || !_sources.TryGetValue(inputType.Value, out var source))
        {
            return Fail("input_type", inputType is null
                ? $"'{Cut(form.InputType)}' is not an input type."
                : $"The input type {WireName(inputType.Value).ToUpperInvariant()} is not available on this server.", form.InputType, AvailableInputTypes);
        }

        var description = form.JobDescriptionText?.Trim();
        if (string.IsNullOrEmpty(description))
        {
            return Fail("job_description_text", "The 'job_description_text' field is required: the job description the candidates are matched against.", null, "text");
        }

        if (description.Length < o.MinDescriptionChars || description.Length > o.MaxDescriptionChars)
        {
            return Fail("job_description_text", description.Length < o.MinDescriptionChars
                ? $"The job description is too short ({description.Length} characters) to say what the position needs."
                : $"The job description has {description.Length:N0} characters; at most {o.MaxDescriptionChars:N0} are allowed.",
                $"{description.Length} characters", $"{o.MinDescriptionChars}–{o.MaxDescriptionChars} characters");
        }

        if (description.Contains('\0', StringComparison.Ordinal))
        {
            return Fail("job_description_text", "The job description contains a NUL character.", null, "text");
        }

        var jobId = form.JobId?.Trim();
        if (jobId is { Length: 0 })
        {
            jobId = null;
        }

        if (jobId is not null && (jobId.Length > MaxClientJobIdLength || jobId.Any(char.IsControl)))
        {
            return Fail("job_id", $"job_id may have at most {MaxClientJobIdLength} characters and no control characters.", jobId, $"at most {MaxClientJobIdLength} characters");
        }

        if (JsonObject("metadata_json", form.MetadataJson, o.MaxJsonFieldBytes, echo: true) is { Problem: { } metadataProblem })
        {
            return new Outcome(null, metadataProblem);
        }

        // Credentials: the config is never echoed in an error.
        if (JsonObject("source_config_json", form.SourceConfigJson, o.MaxJsonFieldBytes, echo: false) is { Problem: { } configProblem })
        {
            return new Outcome(null, configProblem);
        }

        byte[]? file = null;
        string? fileName = null;
        if (form.CandidateSourceFile is { } upload)
        {
            if (upload.Length > o.MaxUploadBytes)
            {
                return new Outcome(null, BatchProblems.TooLarge(
                    $"The candidate_source_file is {upload.Length:N0} bytes; the limit is {o.MaxUploadMb} MB (Batches:MaxUploadMb).", details: new { max_upload_mb = o.MaxUploadMb }));
            }

            if (upload.Length == 0)
            {
                return Fail("candidate_source_file", "The candidate_source_file is empty (0 bytes).", upload.FileName, "a non-empty file");
            }

            fileName = SafeName(upload.FileName);
            file = new byte[upload.Length];
            await using var stream = upload.OpenReadStream();
            await stream.ReadExactlyAsync(file, ct);
        }

        var request = new BatchRequest(inputType.Value, source, description, jobId, Normalise(form.MetadataJson), Normalise(form.SourceConfigJson), file, fileName);
        if (source.Check(request.SourceInput(organisationId)) is { } problem)
        {
            return new Outcome(null, BatchProblems.Invalid(problem));
        }

        return new Outcome(request, null);
    }

    private static Outcome? JsonObject(string field, string? json, int maxBytes, bool echo)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        if (Encoding.UTF8.GetByteCount(json) > maxBytes)
        {
            return Fail(field, $"{field} may have at most {maxBytes / 1024} KB.", echo ? $"{Encoding.UTF8.GetByteCount(json)} bytes" : null, $"a JSON object of at most {maxBytes / 1024} KB");
        }

        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? null
                : Fail(field, $"{field} must be a JSON object.", echo ? json : document.RootElement.ValueKind.ToString().ToLowerInvariant(), "a JSON object");
        }
        catch (JsonException)
        {
            return Fail(field, $"{field} is not valid JSON.", echo ? json : null, "a JSON object");
        }
    }

    private static string? Normalise(string? json) => string.IsNullOrWhiteSpace(json) ? null : json.Trim();

    private static Outcome Fail(string field, string message, object? provided, object? expected) =>
        new(null, BatchProblems.Invalid(field, message, provided, expected));

    private static string Cut(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");

    // A label for messages and the stored document: no path, no control characters, bounded.
    private static string SafeName(string? name)
    {
        var fileName = Path.GetFileName((name ?? "").Replace('\\', '/'));
        fileName = new string([.. fileName.Where(c => !char.IsControl(c))]);
        return fileName.Length switch
        {
            0 => "upload",
            > 255 => fileName[..255],
            _ => fileName,
        };
    }
}
