using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Auth;
using ParseJobs.Extraction.Parsing;


namespace ParseJobs.Api.Uploads;

/// <summary>Turns an uploaded form file into a <see cref="StoredDocument"/>, or a problem saying why not.</summary>
public sealed class DocumentUploadReader(IOptions<UploadOptions> options, TimeProvider clock)
{
    public sealed record Outcome(StoredDocument? Document, IResult? Problem);

    public async Task<Outcome> ReadAsync(IFormFile? file, Tenant tenant, CancellationToken ct)
    {
        if (file is null)
        {
            return Reject(TypedResults.ValidationProblem(
                new Dictionary<string, string[]>(StringComparer.Ordinal) { ["file"] = ["A file is required: send it as the multipart form field 'file'."] },
                detail: "The request has no file.", title: "Invalid upload"));
        }

        var max = options.Value.MaxFileSizeBytes;
        if (file.Length > max)
        {
            return Reject(TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large",
                detail: $"The file is {file.Length:N0} bytes; the limit is {options.Value.MaxFileSizeMb} MB."));
        }

        if (file.Length == 0)
        {
            return Reject(TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Empty file",
                detail: "The uploaded file is empty (0 bytes)."));
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, ct);
        }

        var type = DocumentTypeDetector.Detect(content);
        if (type is null)
        {
            return Reject(TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported file type",
                detail: "The file is not a PDF, DOCX or plain-text document (the type is detected from its content, not its name)."));
        }

        var now = clock.GetUtcNow();
        var document = new StoredDocument
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = tenant.OrganisationId,
            FileName = SafeFileName(file.FileName),
            DetectedType = type.Value,
            SizeBytes = content.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = content,
            CreatedAt = now,
        };
        return new Outcome(document, null);
    }

    private static Outcome Reject(IResult problem) => new(null, problem);

    private static string SafeFileName(string? name)
    {
        var fileName = Path.GetFileName(name ?? "");
        return fileName.Length switch
        {
            0 => "upload",
            > 255 => fileName[..255],
            _ => fileName,
        };
    }
}
