using System.Data.Common;
using System.Globalization;
using System.Text;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Api.Batches.Sources.Database;

/// <summary>
/// The columns of a source query, found by name without case: <c>id</c> / <c>candidate_id</c>, <c>name</c>,
/// <c>resume_text</c> / <c>text</c>, <c>document</c> / <c>content</c> / <c>file</c> (bytes), <c>filename</c> /
/// <c>file_name</c>. A text or a document column is required; a row with a document (not null) is that document,
/// else its text. Values are read in column order (the reader is sequential) and no further than their limit.
/// </summary>
internal sealed class CandidateColumns
{
    public static readonly IReadOnlyList<string> IdNames = ["id", "candidate_id"];
    public static readonly IReadOnlyList<string> NameNames = ["name"];
    public static readonly IReadOnlyList<string> TextNames = ["resume_text", "text"];
    public static readonly IReadOnlyList<string> DocumentNames = ["document", "content", "file"];
    public static readonly IReadOnlyList<string> FilenameNames = ["filename", "file_name"];

    private readonly int _id, _name, _text, _document, _filename;
    private readonly DatabaseSourceOptions _options;

    private CandidateColumns(DbDataReader reader, DatabaseSourceOptions options)
    {
        _options = options;
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        _id = Find(names, IdNames);
        _name = Find(names, NameNames);
        _text = Find(names, TextNames);
        _document = Find(names, DocumentNames);
        _filename = Find(names, FilenameNames);
        Names = names;
    }

    public IReadOnlyList<string> Names { get; }

    /// <summary>The columns of the query's result; SOURCE_QUERY_FAILED when it has no text and no document column.</summary>
    public static CandidateColumns Of(DbDataReader reader, DatabaseSourceOptions options)
    {
        var columns = new CandidateColumns(reader, options);
        if (columns._text < 0 && columns._document < 0)
        {
            var shown = string.Join(", ", columns.Names.Take(20).Select(n => n.Length <= 64 ? n : n[..64] + "…"));
            throw new CandidateSourceException(SourceQuerySession.SourceQueryFailed,
                $"The query returns the columns ({shown}); it needs resume_text (or text) or document (or content, file) " +
                "and may return id (or candidate_id), name and filename (or file_name).");
        }

        return columns;
    }

    /// <summary>The current row as a candidate; values over their limits make it a candidate with an error.</summary>
    public async Task<SourceCandidate> ReadAsync(DbDataReader reader, int row, CancellationToken ct)
    {
        var errors = new List<string>();
        string? id = null, name = null, text = null, filename = null;
        byte[]? document = null;

        // Sequential access: every column in the order of the result.
        foreach (var ordinal in new[] { _id, _name, _text, _document, _filename }.Where(o => o >= 0).Order())
        {
            if (await reader.IsDBNullAsync(ordinal, ct))
            {
                continue;
            }

            if (ordinal == _document)
            {
                var value = await ReadDocumentAsync(reader, ordinal, errors, ct);
                if (value is byte[] bytes)
                    document = bytes;
                else if (value is string s && _text < 0)
                    text = s; // a text column named "content": the resume text
            }
            else if (ordinal == _text)
            {
                text = await ReadTextAsync(reader, ordinal, _options.MaxResumeTextChars, TextNames[0], errors, ct);
            }
            else
            {
                var column = ordinal == _id ? "id" : ordinal == _name ? "name" : "filename";
                var label = (await ReadTextAsync(reader, ordinal, _options.MaxLabelChars, column, errors, ct))?.Trim();
                label = string.IsNullOrEmpty(label) ? null : label;
                if (ordinal == _id) id = label;
                else if (ordinal == _name) name = label;
                else filename = label;
            }
        }

        if (document is { Length: 0 })
        {
            document = null;
        }

        if (errors.Count == 0 && document is null && string.IsNullOrWhiteSpace(text))
        {
            errors.Add("The row has no resume text and no document.");
        }

        var ok = errors.Count == 0;
        return new SourceCandidate(filename ?? id ?? $"row {row}")
        {
            CandidateId = id,
            Name = name,
            Content = ok ? document : null,
            ResumeText = ok && document is null ? text : null,
            Error = ok ? null : string.Join(" ", errors),
        };
    }

    /// <summary>Bytes (or a string, when the column holds text), or null with an error when over the limit.</summary>
    private async Task<object?> ReadDocumentAsync(DbDataReader reader, int ordinal, List<string> errors, CancellationToken ct)
    {
        if (reader.GetFieldType(ordinal) != typeof(byte[]))
        {
            return await ReadTextAsync(reader, ordinal, _options.MaxResumeTextChars, DocumentNames[0], errors, ct);
        }

        await using var stream = reader.GetStream(ordinal);
        var limit = _options.MaxDocumentBytes;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                errors.Add($"The document is larger than {_options.MaxDocumentMb} MB (Sources:Database:MaxDocumentMb).");
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>A value as text, read no further than <paramref name="maxChars"/> + 1; null with an error when longer.</summary>
    private static async Task<string?> ReadTextAsync(DbDataReader reader, int ordinal, int maxChars, string column, List<string> errors, CancellationToken ct)
    {
        var type = reader.GetFieldType(ordinal);
        string? value;
        if (type == typeof(string))
        {
            using var text = reader.GetTextReader(ordinal);
            var buffer = new char[Math.Min(maxChars + 1, 64 * 1024)];
            var builder = new StringBuilder();
            int read;
            while ((read = await text.ReadAsync(buffer, ct)) > 0)
            {
                builder.Append(buffer, 0, read);
                if (builder.Length > maxChars)
                {
                    break;
                }
            }

            value = builder.ToString();
        }
        else if (type == typeof(byte[]))
        {
            // A text column of a binary collation (or SQLite's blob): decoded as text files are.
            await using var stream = reader.GetStream(ordinal);
            using var bytes = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer, ct)) > 0 && bytes.Length <= maxChars * 4L)
            {
                bytes.Write(buffer, 0, read);
            }

            value = TextDecoding.Decode(bytes.GetBuffer().AsSpan(0, (int)Math.Min(bytes.Length, maxChars * 4L + 1)));
        }
        else
        {
            value = Convert.ToString(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
        }

        if (value is not null && value.Length > maxChars)
        {
            errors.Add($"{column} is longer than {maxChars} characters.");
            return null;
        }

        return value;
    }

    private static int Find(List<string> names, IReadOnlyList<string> wanted)
    {
        foreach (var name in wanted)
        {
            var index = names.FindIndex(n => string.Equals(n.Trim(), name, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                return index;
            }
        }

        return -1;
    }
}
