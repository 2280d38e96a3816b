using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using ParseJobs.Api.Jobs;
using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Documents.Rendering;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ParseJobs.Api.Hosting;

/// <summary>Every problem answer documented in its route's shape with an example (<c>application/problem+json</c>, or the
/// <c>{"error": …}</c> envelope of the <c>/api/v1</c> routes); 401 and 403 on every endpoint that needs a key; an
/// example of the 202 of submissions.</summary>
internal sealed class ProblemResponsesFilter : IOperationFilter
{
    private const string ProblemJson = "application/problem+json";

    private static readonly Dictionary<int, (string Title, string Detail)> Examples = new()
    {
        [400] = ("Bad Request", "One or more request fields are invalid; see 'errors'."),
        [401] = ("Unauthorized", "No API key was sent. Send it as 'Authorization: Bearer sk_live_…' or 'X-API-Key: sk_live_…'."),
        [403] = ("Forbidden", "This API key lacks the scope jobs:write, which this operation needs."),
        [404] = ("Job not found", "No job 01936f4e-8f4b-7c6a-9a51-0d1f3b2a4c5d exists for this API key's organisation."),
        [409] = ("Job not completed", "Job 01936f4e-8f4b-7c6a-9a51-0d1f3b2a4c5d is running; poll its status until it is completed."),
        [413] = ("File too large", "The file is 31,457,280 bytes; the limit is 20 MB."),
        [415] = ("Unsupported file type", "The file is HTML markup, which is not accepted; accepted formats are PDF, DOCX (Word 2007 or later) and plain text (TXT)."),
        [422] = ("No readable text", "The file has no readable text (fewer than 3 letters); upload the document itself."),
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Responses ??= [];
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var needsKey = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        if (needsKey)
        {
            AddProblem(operation, context, StatusCodes.Status401Unauthorized);
            AddProblem(operation, context, StatusCodes.Status403Forbidden);
        }

        foreach (var (code, response) in operation.Responses.ToList())
        {
            if (int.TryParse(code, System.Globalization.CultureInfo.InvariantCulture, out var status) && status >= 400)
            {
                AddProblem(operation, context, status, response);
            }
        }

        // Raw bodies (markdown, images) are bytes to a client, not a JSON string.
        if (operation.Responses.TryGetValue("200", out var ok) && ok.Content is { } okContent)
        {
            foreach (var (mediaType, media) in okContent)
            {
                if (!mediaType.Contains("json", StringComparison.Ordinal))
                {
                    media.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
                }
            }
        }

        if (operation.Responses.TryGetValue("202", out var accepted) && accepted.Content is { } content)
        {
            foreach (var media in content.Values)
            {
                media.Example = new JsonObject
                {
                    ["job_id"] = "01936f4e-8f4b-7c6a-9a51-0d1f3b2a4c5d",
                    ["status"] = "pending",
                    ["kind"] = context.ApiDescription.RelativePath?.StartsWith("v1/documents", StringComparison.Ordinal) == true ? "document_parse" : "cv_parse",
                    ["data_id"] = "candidate-17",
                    ["created_at"] = "2026-12-01T09:30:00+00:00",
                    ["status_url"] = "/v1/parse/01936f4e-8f4b-7c6a-9a51-0d1f3b2a4c5d/status",
                };
            }
        }
    }

    private static void AddProblem(OpenApiOperation operation, OperationFilterContext context, int status, IOpenApiResponse? existing = null)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (UsesEnvelope(context))
        {
            operation.Responses![key] = EnvelopeResponse(context, status, existing);
            return;
        }

        var validation = status == StatusCodes.Status400BadRequest;
        var schema = context.SchemaGenerator.GenerateSchema(validation ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails), context.SchemaRepository);
        var (title, detail) = Examples.TryGetValue(status, out var e) ? e : (Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status), "");
        var example = new JsonObject
        {
            ["type"] = $"https://httpstatuses.io/{status}",
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
            ["request_id"] = "0HN8Q2J1V3K4L:00000001",
        };
        if (validation)
        {
            example["errors"] = new JsonObject { ["data_id"] = new JsonArray("data_id must not contain control characters (such as NUL, tab or newline).") };
        }

        var response = new OpenApiResponse
        {
            Description = existing?.Description is { Length: > 0 } d && d != "Client Error" && d != "Bad Request" ? d : title,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                [ProblemJson] = new() { Schema = schema, Example = example },
            },
        };
        operation.Responses![key] = response;
    }

    private static bool UsesEnvelope(OperationFilterContext context) =>
        context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<ErrorShapeMetadata>().LastOrDefault()?.Shape == ErrorShape.ErrorEnvelope
        || context.ApiDescription.RelativePath?.StartsWith(ErrorShapes.EnvelopePathPrefix.TrimStart('/'), StringComparison.OrdinalIgnoreCase) == true;

    // The body WireProblemWriter writes on these routes: {"error": {"code", "message", "details"}}.
    private static OpenApiResponse EnvelopeResponse(OperationFilterContext context, int status, IOpenApiResponse? existing)
    {
        var (title, detail) = Examples.TryGetValue(status, out var e) ? e : (Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status), "");
        var details = new JsonObject { ["request_id"] = "0HN8Q2J1V3K4L:00000001" };
        if (status == StatusCodes.Status400BadRequest)
        {
            details["errors"] = new JsonObject { ["job_id"] = new JsonArray("job_id must not contain control characters (such as NUL, tab or newline).") };
        }

        return new OpenApiResponse
        {
            Description = existing?.Description is { Length: > 0 } d && d != "Client Error" && d != "Bad Request" ? d : title,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["application/json"] = new()
                {
                    Schema = context.SchemaGenerator.GenerateSchema(typeof(ErrorEnvelope), context.SchemaRepository),
                    Example = new JsonObject
                    {
                        ["error"] = new JsonObject
                        {
                            ["code"] = WireProblemWriter.CodeOf(status),
                            ["message"] = detail.Length > 0 ? detail : title,
                            ["details"] = details,
                        },
                    },
                },
            },
        };
    }
}

/// <summary>Multipart text fields start empty in Swagger UI (not the placeholder "string", which would be sent as data),
/// and are optional (nullable) as their handlers' parameters are.</summary>
internal sealed class FormFieldsFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.RequestBody?.Content is not { } content)
        {
            return;
        }

        foreach (var media in content.Values)
        {
            foreach (var property in media.Schema?.Properties?.Values ?? [])
            {
                if (property is OpenApiSchema { Type: { } type, Format: null } schema && type.HasFlag(JsonSchemaType.String))
                {
                    schema.Example = JsonValue.Create("");
                    schema.Type = type | JsonSchemaType.Null;
                }
            }
        }
    }
}

/// <summary><c>result</c> of a job is the result model of its kind: a candidate profile or a layout result.</summary>
internal sealed class JobResultSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.Type != typeof(JobResponse) || schema is not OpenApiSchema concrete || concrete.Properties?.TryGetValue("result", out _) != true)
        {
            return;
        }

        concrete.Properties["result"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Null, // serialised as "nullable": true in OpenAPI 3.0
            Description = "The result once completed: a candidate profile for cv_parse, the layout result for document_parse; null before.",
            OneOf =
            [
                context.SchemaGenerator.GenerateSchema(typeof(CvProfile), context.SchemaRepository),
                context.SchemaGenerator.GenerateSchema(typeof(DocumentParseResult), context.SchemaRepository),
            ],
        };
    }
}
