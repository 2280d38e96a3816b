namespace ParseJobs.Api.Batches.Sources.Database;

/// <summary>
/// What a source query may be: one statement that starts with SELECT, WITH, VALUES or TABLE (after comments), with
/// no semicolon but a trailing one. The read-only transaction is what stops writes; this rule stops a second
/// statement from ending that transaction first (<c>SELECT 1; COMMIT; DROP …</c>), in every dialect, without
/// parsing SQL: a semicolon inside a string literal is refused too (write <c>CHR(59)</c> / <c>CHAR(59)</c>).
/// </summary>
internal static class SourceQueryRules
{
    private static readonly string[] Starts = ["SELECT", "WITH", "VALUES", "TABLE"];

    public static SourceProblem? Check(string? query, int maxChars)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return Problem("source_config_json.query is required: a SELECT that returns id, name and resume_text (or document and filename).");
        }

        if (query.Length > maxChars)
        {
            return Problem($"source_config_json.query is longer than {maxChars} characters (Sources:Database:MaxQueryChars).", query.Length, maxChars);
        }

        var body = Normalise(query);
        if (body.Contains(';', StringComparison.Ordinal))
        {
            return Problem("source_config_json.query must be one statement: a semicolon is allowed only at its end.");
        }

        var start = FirstWord(body);
        if (!Starts.Contains(start, StringComparer.OrdinalIgnoreCase))
        {
            return Problem("source_config_json.query must be a SELECT (or WITH … SELECT, VALUES, TABLE).",
                start.Length <= 32 ? start : start[..32], Starts);
        }

        return null;
    }

    /// <summary>The query without surrounding whitespace and trailing semicolons.</summary>
    public static string Normalise(string query) => query.Trim().TrimEnd(';', ' ', '\t', '\r', '\n');

    /// <summary>The first word after whitespace, <c>-- …</c> and <c>/* … */</c> comments (not MySQL's executable <c>/*! … */</c>).</summary>
    private static string FirstWord(string sql)
    {
        var i = 0;
        while (i < sql.Length)
        {
            if (char.IsWhiteSpace(sql[i]) || sql[i] == '(')
            {
                i++;
            }
            else if (string.CompareOrdinal(sql, i, "--", 0, 2) == 0)
            {
                var end = sql.IndexOf('\n', i);
                i = end < 0 ? sql.Length : end + 1;
            }
            else if (string.CompareOrdinal(sql, i, "/*", 0, 2) == 0 && (i + 2 >= sql.Length || sql[i + 2] is not ('!' or 'M')))
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + 2;
            }
            else
            {
                break;
            }
        }

        var start = i;
        while (i < sql.Length && char.IsAsciiLetter(sql[i]))
        {
            i++;
        }

        return i > start ? sql[start..i] : sql[start..Math.Min(sql.Length, start + 8)];
    }

    private static SourceProblem Problem(string message, object? provided = null, object? expected = null) =>
        new(DatabaseSourceConfig.Field, message, provided, expected);
}
