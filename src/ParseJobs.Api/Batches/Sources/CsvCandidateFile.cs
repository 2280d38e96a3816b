using System.Text;
using System.Text.Unicode;
using CsvHelper;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Api.Batches.Sources;

/// <summary>
/// An uploaded candidates CSV opened for reading: the encoding (UTF-8 with or without BOM, UTF-16 with BOM, else
/// Windows-1252), the separator (<c>,</c> or <c>;</c>, whichever the header line has more of, outside quotes; an Excel
/// <c>sep=</c> line wins) and the columns found by name (exact, then ignoring case and surrounding spaces).
/// </summary>
internal sealed class CsvCandidateFile : IDisposable
{
    public const string CandidateIdColumn = "candidate_id";
    public const string NameColumn = "name";
    public const string ResumeTextColumn = "resume_text";
    public const string FilenameColumn = "filename";

    /// <summary>The header the source needs, in this order in messages.</summary>
    public static readonly IReadOnlyList<string> Columns = [CandidateIdColumn, NameColumn, ResumeTextColumn, FilenameColumn];

    private CsvCandidateFile(CsvReader reader, int candidateId, int name, int resumeText, int filename)
    {
        Reader = reader;
        CandidateId = candidateId;
        Name = name;
        ResumeText = resumeText;
        Filename = filename;
    }

    public CsvReader Reader { get; }

    public int CandidateId { get; }

    public int Name { get; }

    public int ResumeText { get; }

    public int Filename { get; }

    /// <summary>Opens the file and reads its header; a problem (no header, a missing column, unreadable) instead of a file.</summary>
    public static (CsvCandidateFile? File, SourceProblem? Problem) Open(byte[] content)
    {
        var utf8 = ToUtf8(content);
        var (separator, headerStart) = DetectSeparator(utf8.Span);
        var reader = CsvReader.Create(utf8[headerStart..], new CsvReaderOptions
        {
            Separator = separator,
            DetectSeparatorHint = false,
            // Field values are CVs (personal data): never in exception messages, which may reach a log.
            IncludeValuesInExceptions = false,
        });
        try
        {
            var headers = reader.Headers;
            var indexes = Columns.Select(c => reader.TryGetFieldIndex(c, out var i) ? i : -1).ToArray();
            if (headers.Count == 0 || indexes.Any(i => i < 0))
            {
                reader.Dispose();
                return (null, HeaderProblem(headers, indexes));
            }

            return (new CsvCandidateFile(reader, indexes[0], indexes[1], indexes[2], indexes[3]), null);
        }
        catch (CsvFormatException ex)
        {
            reader.Dispose();
            return (null, new SourceProblem("candidate_source_file", $"The CSV header cannot be read: {ex.Message}"));
        }
    }

    private static SourceProblem HeaderProblem(IReadOnlyList<string> headers, int[] indexes)
    {
        var missing = Columns.Where((_, i) => indexes[i] < 0).ToList();
        var provided = headers.Take(20).Select(h => h.Length <= 64 ? h : h[..64] + "…").ToList();
        var message = headers.Count == 0
            ? $"The CSV is empty: it needs a header line {string.Join(',', Columns)}."
            : $"The CSV header lacks the column(s) {string.Join(", ", missing)}: the first line must name the columns {string.Join(',', Columns)}.";
        return new SourceProblem("candidate_source_file", message, Provided: provided, Expected: Columns);
    }

    /// <summary>UTF-8 bytes of the file: in place when it is UTF-8 already (a UTF-8 BOM dropped), else transcoded.</summary>
    private static ReadOnlyMemory<byte> ToUtf8(byte[] content)
    {
        ReadOnlySpan<byte> utf8Bom = [0xEF, 0xBB, 0xBF];
        if (content.AsSpan().StartsWith(utf8Bom))
        {
            return content.AsMemory(utf8Bom.Length);
        }

        var isUtf16 = content is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..];
        if (!isUtf16 && Utf8.IsValid(content))
        {
            return content;
        }

        // Not UTF-8: Windows-1252 (Excel's "CSV" on Western Windows) or UTF-16 with its BOM, decoded as text files are.
        return Encoding.UTF8.GetBytes(TextDecoding.Decode(content));
    }

    /// <summary>The separator and where the header line starts (after an Excel <c>sep=X</c> line).</summary>
    private static (char Separator, int HeaderStart) DetectSeparator(ReadOnlySpan<byte> utf8)
    {
        var end = utf8.IndexOfAny((byte)'\r', (byte)'\n');
        var first = end < 0 ? utf8 : utf8[..end];
        if (first.Length == 5 && first.StartsWith("sep="u8) && first[4] is (byte)',' or (byte)';')
        {
            var next = end < 0 ? utf8.Length : end + 1;
            if (next < utf8.Length && utf8[end] == '\r' && utf8[next] == '\n')
            {
                next++;
            }

            return ((char)first[4], next);
        }

        int commas = 0, semicolons = 0;
        var quoted = false;
        foreach (var b in first)
        {
            switch (b)
            {
                case (byte)'"': quoted = !quoted; break;
                case (byte)',' when !quoted: commas++; break;
                case (byte)';' when !quoted: semicolons++; break;
            }
        }

        return (semicolons > commas ? ';' : ',', 0);
    }

    public void Dispose() => Reader.Dispose();
}
