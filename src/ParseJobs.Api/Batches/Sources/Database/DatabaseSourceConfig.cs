using System.Text.Json;

namespace ParseJobs.Api.Batches.Sources.Database;

public enum DatabaseKind
{
    PostgreSql,
    MySql,
    Sqlite,
}

/// <summary>
/// A DATABASE source's <c>source_config_json</c>: <c>{"type": "postgresql" | "mysql" | "sqlite", "connection_string", "query"}</c>.
/// The connection string holds a password: it is never put in a message, a log or an exception.
/// </summary>
internal sealed record DatabaseSourceConfig(DatabaseKind Kind, string? ConnectionString, string Query)
{
    public const string Field = "source_config_json";

    public static readonly IReadOnlyList<string> TypeNames = ["postgresql", "mysql", "sqlite"];

    /// <summary>The config, or what is wrong with it (never quoting the connection string).</summary>
    public static (DatabaseSourceConfig? Config, SourceProblem? Problem) Parse(JsonElement? json, int maxQueryChars)
    {
        if (json is not { ValueKind: JsonValueKind.Object } config)
        {
            return Fail("DATABASE needs source_config_json: an object with type, connection_string and query.",
                expected: new { type = TypeNames, connection_string = "string", query = "SELECT …" });
        }

        var type = String(config, "type");
        DatabaseKind? kind = type?.Trim().ToLowerInvariant() switch
        {
            "postgresql" or "postgres" => DatabaseKind.PostgreSql,
            "mysql" or "mariadb" => DatabaseKind.MySql,
            "sqlite" => DatabaseKind.Sqlite,
            _ => null,
        };
        if (kind is null)
        {
            return Fail("source_config_json.type must be postgresql, mysql or sqlite.", provided: Bounded(type), expected: TypeNames);
        }

        var connectionString = String(config, "connection_string");
        if (kind is not DatabaseKind.Sqlite && string.IsNullOrWhiteSpace(connectionString))
        {
            return Fail($"source_config_json.connection_string is required for {type}.", expected: "Host=…;Port=…;Database=…;Username=…;Password=…");
        }

        var query = String(config, "query");
        var queryProblem = SourceQueryRules.Check(query, maxQueryChars);
        if (queryProblem is not null)
        {
            return (null, queryProblem);
        }

        return (new DatabaseSourceConfig(kind.Value, connectionString, SourceQueryRules.Normalise(query!)), null);
    }

    private static string? String(JsonElement config, string name) =>
        config.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Bounded(string? value) => value is { Length: > 64 } ? value[..64] + "…" : value;

    private static (DatabaseSourceConfig?, SourceProblem?) Fail(string message, object? provided = null, object? expected = null) =>
        (null, new SourceProblem(Field, message, provided, expected));
}
