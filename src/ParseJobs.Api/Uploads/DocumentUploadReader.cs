using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Auth;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Api.Uploads;

/// <summary>Turns an uploaded form file into a <see cref="StoredDocument"/>, or a problem saying why not.</summary>
public sealed class DocumentUploadReader(IOptions<UploadOptions> options, TimeProvider clock)
{
    /// <summary>A text file needs at least this many letters to be a document (a 1-byte file is not; "oom", the chaos tests' command, is).</summary>
    public const int MinLetters = 3;

    public const int MaxDataIdLength = 256;

    public sealed record Outcome(StoredDocument? Document, ProblemHttpResult? Problem);

    public async Task<Outcome> ReadAsync(IFormFile? file, Tenant tenant, CancellationToken ct)
    {
        if (file is null)
        {
            return Invalid("file", "A file is required: send it as the multipart form field 'file'.", "The request has no file.");
        }

        // PostgreSQL text cannot hold NUL, and control characters in a name are never meant.
        if (HasControlCharacters(file.FileName))
        {
            return Invalid("file", "The file name contains control characters (such as NUL); rename the file.", "The file name is invalid.");
        }

        var max = options.Value.MaxFileSizeBytes;
        if (file.Length > max)
        {
            return Reject(StatusCodes.Status413PayloadTooLarge, "File too large",
                $"The file is {file.Length:N0} bytes; the limit is {options.Value.MaxFileSizeMb} MB.");
        }

        if (file.Length == 0)
        {
            return Reject(StatusCodes.Status422UnprocessableEntity, "Empty file", "The uploaded file is empty (0 bytes).");
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, ct);
        }

        var type = DocumentTypeDetector.Detect(content);
        if (type is null)
        {
            var markup = DocumentTypeDetector.MarkupKind(content);
            return Reject(StatusCodes.Status415UnsupportedMediaType, "Unsupported file type", markup is null
                ? $"The file is not a supported document; accepted formats are {DocumentTypeDetector.AcceptedFormats}. The type is detected from the content, not the name."
                : $"The file is {markup} markup, which is not accepted; accepted formats are {DocumentTypeDetector.AcceptedFormats}. Convert it to PDF first. The type is detected from the content, not the name.");
        }

        if (type == DocumentType.Txt && !DocumentTypeDetector.HasReadableText(content, MinLetters))
        {
            return Reject(StatusCodes.Status422UnprocessableEntity, "No readable text",
                $"The file has no readable text (fewer than {MinLetters} letters); upload the document itself.");
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

    /// <summary>The validation problem of a bad <c>data_id</c> (too long, control characters), or null when it is fine.</summary>
    public static ValidationProblem? ValidateDataId(string? dataId)
    {
        var error = dataId switch
        {
            { Length: > MaxDataIdLength } => $"data_id may have at most {MaxDataIdLength} characters.",
            not null when HasControlCharacters(dataId) => "data_id must not contain control characters (such as NUL, tab or newline).",
            _ => null,
        };
        return error is null
            ? null
            : TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["data_id"] = [error] },
                detail: "The form field data_id is invalid; see 'errors'.");
    }

    private static bool HasControlCharacters(string? value) => value is not null && value.Any(char.IsControl);

    private static Outcome Reject(int status, string title, string detail) =>
        new(null, TypedResults.Problem(statusCode: status, title: title, detail: detail));

    private static Outcome Invalid(string field, string message, string detail) =>
        new(null, TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid upload",
            Detail = detail,
        }));

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
