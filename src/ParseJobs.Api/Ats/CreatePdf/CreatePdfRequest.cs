using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Hosting;

namespace ParseJobs.Api.Ats.CreatePdf;

/// <summary>A checked create-pdf request: the consultant, the applicants (duplicates removed, first occurrence
/// kept), and the optional ATS job id and project name.</summary>
public sealed record CreatePdfRequest(string UserId, IReadOnlyList<string> ApplicantIds, string? ProjectId, string? ProjectName);

/// <summary>
/// Reads and validates the create-pdf body (camelCase JSON, as the ATS sends it). Ids may be JSON strings or integers
/// (read as their decimal text). Malformed JSON is a 400; every invalid field is listed in one 422.
/// </summary>
public sealed class CreatePdfRequestReader(IOptions<AtsOptions> options)
{
    public const int MaxIdLength = 128;
    public const int MaxProjectNameLength = 300;
    public const int MaxIdempotencyKeyLength = 256;

    public sealed record Outcome(CreatePdfRequest? Request, ProblemHttpResult? Problem);

    public async Task<Outcome> ReadAsync(HttpRequest http, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Body, default, ct);
        }
        catch (JsonException ex)
        {
            return new(null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed JSON",
                detail: $"The body is not valid JSON ({ex.Message}). Send {{\"userId\", \"applicantIds\", \"projectId\"?, \"projectName\"?}}."));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new(null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed JSON",
                    detail: "The body must be a JSON object: {\"userId\", \"applicantIds\", \"projectId\"?, \"projectName\"?}."));
            }

            return Validate(document.RootElement);
        }
    }

    /// <summary>The 422 of an <c>Idempotency-Key</c> header that is too long or has control characters; null when fine.</summary>
    public static ProblemHttpResult? ValidateIdempotencyKey(string? key) => key switch
    {
        null => null,
        { Length: 0 } => KeyInvalid("The Idempotency-Key header is empty; omit it or send a key."),
        { Length: > MaxIdempotencyKeyLength } => KeyInvalid($"The Idempotency-Key header may have at most {MaxIdempotencyKeyLength} characters."),
        _ when key.Any(char.IsControl) => KeyInvalid("The Idempotency-Key header must not contain control characters."),
        _ => null,
    };

    private static ProblemHttpResult KeyInvalid(string message) =>
        Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["Idempotency-Key"] = [message] });

    private Outcome Validate(JsonElement root)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var userId = ReadId(root, "userId", required: true, errors);
        var projectId = ReadId(root, "projectId", required: false, errors);
        var projectName = ReadName(root, errors);
        var applicantIds = ReadApplicants(root, errors);
        return errors.Count > 0
            ? new(null, Invalid(errors))
            : new(new CreatePdfRequest(userId!, applicantIds, projectId, projectName), null);
    }

    private static string? ReadId(JsonElement root, string field, bool required, Dictionary<string, string[]> errors)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors[field] = [$"{field} is required: the consultant's HR4YOU user id."];
            }

            return null;
        }

        var text = IdText(value);
        var error = text switch
        {
            null => $"{field} must be a string (or an integer).",
            _ when string.IsNullOrWhiteSpace(text) => $"{field} must not be empty.",
            { Length: > MaxIdLength } => $"{field} may have at most {MaxIdLength} characters.",
            _ when text.Any(char.IsControl) => $"{field} must not contain control characters.",
            _ => null,
        };
        if (error is not null)
        {
            errors[field] = [error];
            return null;
        }

        return text!.Trim();
    }

    private static string? ReadName(JsonElement root, Dictionary<string, string[]> errors)
    {
        if (!root.TryGetProperty("projectName", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var error = value.ValueKind != JsonValueKind.String ? "projectName must be a string."
            : value.GetString()!.Length > MaxProjectNameLength ? $"projectName may have at most {MaxProjectNameLength} characters."
            : value.GetString()!.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')) ? "projectName must not contain control characters."
            : null;
        if (error is not null)
        {
            errors["projectName"] = [error];
            return null;
        }

        return string.IsNullOrWhiteSpace(value.GetString()) ? null : value.GetString()!.Trim();
    }

    private List<string> ReadApplicants(JsonElement root, Dictionary<string, string[]> errors)
    {
        var max = options.Value.MaxApplicants;
        if (!root.TryGetProperty("applicantIds", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors["applicantIds"] = ["applicantIds is required: a list of HR4YOU applicant ids."];
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            errors["applicantIds"] = ["applicantIds must be a list of strings."];
            return [];
        }

        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        var index = 0;
        foreach (var element in value.EnumerateArray())
        {
            var text = IdText(element)?.Trim();
            if (string.IsNullOrEmpty(text) || text.Length > MaxIdLength || text.Any(char.IsControl))
            {
                problems.Add($"applicantIds[{index}] must be a non-empty string of at most {MaxIdLength} characters without control characters.");
            }
            else if (seen.Add(text))
            {
                ids.Add(text); // a duplicate is the same applicant: kept once, at its first position
            }

            index++;
        }

        if (index == 0)
        {
            problems.Add("applicantIds must list at least one applicant.");
        }
        else if (ids.Count > max)
        {
            problems.Add($"applicantIds lists {ids.Count} applicants; at most {max} are taken per request (Ats:MaxApplicants).");
        }

        if (problems.Count > 0)
        {
            errors["applicantIds"] = [.. problems.Take(10)];
        }

        return ids;
    }

    private static string? IdText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number when value.TryGetInt64(out var number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    private static ProblemHttpResult Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "Invalid create-pdf request",
            Detail = $"These fields are invalid: {string.Join(", ", errors.Keys)}; see 'errors'.",
            Extensions = { [WireProblemWriter.CodeField] = "VALIDATION_FAILED" },
        });
}
