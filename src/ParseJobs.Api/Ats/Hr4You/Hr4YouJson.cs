using System.Globalization;
using System.Text.Json;

namespace ParseJobs.Api.Ats.Hr4You;

/// <summary>
/// Reads HR4YOU's answers (../shared/contracts/hr4you-api.md) into the client's records. Lenient where that costs
/// nothing (property names in any case, ids as strings or numbers, missing optional fields); an answer without a
/// required field (an id, a consultant's e-mail) is <see cref="Hr4YouFailure.Malformed"/>.
/// </summary>
internal static class Hr4YouJson
{
    public static Hr4YouConsultant Consultant(JsonElement json, string path) => new(
        Required(json, "id", path),
        Required(json, "email", path),
        Optional(json, "firstName"),
        Optional(json, "lastName"));

    public static Hr4YouApplicant Applicant(JsonElement json, string path)
    {
        var documents = new List<Hr4YouDocumentRef>();
        if (Property(json, "documents") is { } list)
        {
            if (list.ValueKind is not (JsonValueKind.Array or JsonValueKind.Null))
            {
                throw Malformed(path, "'documents' is not an array");
            }

            if (list.ValueKind is JsonValueKind.Array)
            {
                foreach (var document in list.EnumerateArray())
                {
                    documents.Add(new Hr4YouDocumentRef(Required(document, "id", path), Optional(document, "fileName"), Optional(document, "contentType")));
                }
            }
        }

        return new Hr4YouApplicant(Required(json, "id", path), Optional(json, "firstName"), Optional(json, "lastName"),
            Optional(json, "email"), Optional(json, "phone"), documents);
    }

    public static Hr4YouJobPost Job(JsonElement json, string path) =>
        new(Required(json, "id", path), Optional(json, "title"), Optional(json, "description"));

    public static Hr4YouException Malformed(string path, string what, Exception? inner = null) =>
        new(Hr4YouFailure.Malformed, $"HR4YOU's answer to GET {path} is not what its API describes: {what}.", inner: inner);

    private static string Required(JsonElement json, string name, string path) =>
        Optional(json, name) is { Length: > 0 } value ? value : throw Malformed(path, $"no '{name}'");

    private static string? Optional(JsonElement json, string name) => Property(json, name) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString()?.Trim(),
        // Some HR4YOU installations send numeric ids; they are ids all the same.
        { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
        null or { ValueKind: JsonValueKind.Null } => null,
        { } value => throw new Hr4YouException(Hr4YouFailure.Malformed,
            string.Create(CultureInfo.InvariantCulture, $"HR4YOU sent '{name}' as {value.ValueKind}, not as text.")),
    };

    private static JsonElement? Property(JsonElement json, string name)
    {
        if (json.ValueKind is not JsonValueKind.Object)
        {
            return null;
        }

        if (json.TryGetProperty(name, out var exact))
        {
            return exact;
        }

        foreach (var property in json.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}
