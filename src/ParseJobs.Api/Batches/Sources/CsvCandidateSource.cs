using System.Runtime.CompilerServices;
using CsvHelper;
using Microsoft.Extensions.Options;

namespace ParseJobs.Api.Batches.Sources;

/// <summary>
/// CSV_FILE: one candidate per row of <c>candidate_id,name,resume_text,filename</c> (header required; see
/// <see cref="CsvCandidateFile"/> for encodings and separators). A row without resume text, or with a field over its
/// limit, is a candidate with an error; rows whose fields are all empty are skipped.
/// </summary>
public sealed class CsvCandidateSource(IOptions<CsvSourceOptions> options) : ICandidateSource
{
    private const string FileField = "candidate_source_file";

    // The batch's failure codes (Jobs/ErrorCodes.cs has them once batch-core lands).
    private const string SourceUnavailable = "SOURCE_UNAVAILABLE";
    private const string SourceLimitExceeded = "SOURCE_LIMIT_EXCEEDED";

    private readonly CsvSourceOptions _options = options.Value;

    public BatchInputType InputType => BatchInputType.CsvFile;

    public SourceProblem? Check(CandidateSourceInput input)
    {
        if (input.File is not { Length: > 0 } file)
        {
            return new SourceProblem(FileField, "CSV_FILE needs the CSV file as candidate_source_file.",
                Expected: $"a CSV with the header {string.Join(',', CsvCandidateFile.Columns)}");
        }

        if (file.LongLength > _options.MaxFileSizeBytes)
        {
            return new SourceProblem(FileField, $"The CSV is larger than {_options.MaxFileSizeMb} MB (Sources:Csv:MaxFileSizeMb).",
                Provided: file.LongLength, Expected: _options.MaxFileSizeBytes);
        }

        var (count, problem) = Count(file);
        if (problem is not null)
        {
            return problem;
        }

        return count > _options.MaxRows
            ? new SourceProblem(FileField, $"The CSV has more than {_options.MaxRows} candidate rows (Sources:Csv:MaxRows); split it into several batches.",
                Provided: count, Expected: _options.MaxRows)
            : null;
    }

    /// <summary>
    /// The candidate rows of the file, counted no further than <see cref="CsvSourceOptions.MaxRows"/> + 1 (for the
    /// sync endpoint's limit); 0 for a file that <see cref="Check"/> refuses.
    /// </summary>
    public int CountCandidates(byte[] file) => Count(file).Count;

    public async IAsyncEnumerable<SourceCandidate> ReadAsync(CandidateSourceInput input, [EnumeratorCancellation] CancellationToken ct)
    {
        if (input.File is not { Length: > 0 } file)
        {
            throw new CandidateSourceException(SourceUnavailable, "The batch has no CSV file to read.");
        }

        var (csv, problem) = CsvCandidateFile.Open(file);
        if (csv is null)
        {
            throw new CandidateSourceException(SourceUnavailable, problem!.Message);
        }

        using (csv)
        {
            var rows = 0;
            while (Next(csv.Reader))
            {
                ct.ThrowIfCancellationRequested();
                if (IsBlank(csv.Reader))
                {
                    continue;
                }

                if (++rows > _options.MaxRows)
                {
                    throw new CandidateSourceException(SourceLimitExceeded,
                        $"The CSV has more than {_options.MaxRows} candidate rows (Sources:Csv:MaxRows).");
                }

                yield return ToCandidate(csv, rows);
            }
        }

        await Task.CompletedTask;
    }

    private (int Count, SourceProblem? Problem) Count(byte[] file)
    {
        var (csv, problem) = CsvCandidateFile.Open(file);
        if (csv is null)
        {
            return (0, problem);
        }

        using (csv)
        {
            try
            {
                var count = 0;
                while (count <= _options.MaxRows && csv.Reader.Read())
                {
                    if (!IsBlank(csv.Reader))
                    {
                        count++;
                    }
                }

                return (count, null);
            }
            catch (CsvFormatException ex)
            {
                return (0, new SourceProblem(FileField, $"The CSV cannot be read: {ex.Message}"));
            }
        }
    }

    private static bool Next(CsvReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (CsvFormatException ex)
        {
            throw new CandidateSourceException(SourceUnavailable, $"The CSV cannot be read: {ex.Message}", ex);
        }
    }

    private static bool IsBlank(CsvReader reader)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (!reader.GetSpan(i).Trim(" \t\r\n"u8).IsEmpty)
            {
                return false;
            }
        }

        return true;
    }

    private SourceCandidate ToCandidate(CsvCandidateFile csv, int row)
    {
        var errors = new List<string>();
        var candidateId = Label(csv, csv.CandidateId, CsvCandidateFile.CandidateIdColumn, errors);
        var name = Label(csv, csv.Name, CsvCandidateFile.NameColumn, errors);
        var filename = Label(csv, csv.Filename, CsvCandidateFile.FilenameColumn, errors);

        string? resumeText = null;
        var textBytes = csv.Reader.GetSpan(csv.ResumeText);
        if (textBytes.Length > _options.MaxResumeTextBytes)
        {
            errors.Add($"resume_text is larger than {_options.MaxResumeTextKb} KB (Sources:Csv:MaxResumeTextKb).");
        }
        else
        {
            resumeText = csv.Reader.GetString(csv.ResumeText);
            if (string.IsNullOrWhiteSpace(resumeText))
            {
                errors.Add("The row has no resume_text.");
                resumeText = null;
            }
        }

        return new SourceCandidate(filename ?? candidateId ?? $"row {row}")
        {
            CandidateId = candidateId,
            Name = name,
            ResumeText = errors.Count == 0 ? resumeText : null,
            Error = errors.Count == 0 ? null : string.Join(" ", errors),
        };
    }

    /// <summary>A short field, trimmed; null when empty or over the limit (then with an error).</summary>
    private string? Label(CsvCandidateFile csv, int index, string column, List<string> errors)
    {
        // Bytes first: a hostile 50 MB name is refused before it is decoded (a char is at most 4 UTF-8 bytes, and at least 1).
        var bytes = csv.Reader.GetSpan(index).Length;
        var value = bytes > _options.MaxLabelChars * 4 ? null : csv.Reader.GetString(index).Trim();
        if (value is null || value.Length > _options.MaxLabelChars)
        {
            errors.Add($"{column} is longer than {_options.MaxLabelChars} characters (Sources:Csv:MaxLabelChars).");
            return null;
        }

        return value.Length == 0 ? null : value;
    }
}
