using System.Text;
using CsvHelper;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Payroll.Sources;

/// <summary>Delimited text (CSV exports) as grid rows of one block; null when the text is not delimited.</summary>
public static class CsvRows
{
    private static readonly char[] Delimiters = [';', ',', '\t', '|'];

    public static PayrollSource? TryRead(byte[] content, ParseLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        var text = TextDecoding.Decode(content);
        var delimiter = GuessDelimiter(text);
        if (delimiter is null)
            return null;
        using var csv = CsvReader.Create(Encoding.UTF8.GetBytes(text), new CsvReaderOptions
        {
            Separator = delimiter.Value,
            HasHeader = false,
            DetectSeparatorHint = false,
            // Cells are pay data: never in exception messages, which may reach a log.
            IncludeValuesInExceptions = false,
        });
        var rows = new List<SourceRow>();
        var truncated = false;
        while (csv.Read())
        {
            if (rows.Count >= limits.MaxTableRows)
            {
                truncated = true;
                break;
            }

            var cells = new List<SourceCell>();
            for (var i = 0; i < Math.Min(csv.FieldCount, limits.MaxTableColumns); i++)
            {
                var value = csv.GetString(i).Trim();
                if (value.Length > 0)
                    cells.Add(new SourceCell(value, i, i + 1));
            }

            if (cells.Count > 0)
                rows.Add(new SourceRow(1, 1, CellGeometry.Grid, cells));
        }

        return new PayrollSource(rows, truncated);
    }

    // The delimiter that splits most lines into the same number (> 1) of fields.
    private static char? GuessDelimiter(string text)
    {
        var lines = text.Split('\n', 50).Where(l => l.Trim().Length > 0).Take(40).ToList();
        if (lines.Count < 2)
            return null;
        char? best = null;
        var bestLines = 0;
        foreach (var d in Delimiters)
        {
            var counts = lines.Select(l => l.Count(c => c == d)).Where(n => n > 0).ToList();
            if (counts.Count < 2)
                continue;
            var mode = counts.GroupBy(n => n).OrderByDescending(g => g.Count()).First();
            if (mode.Count() > bestLines)
            {
                bestLines = mode.Count();
                best = d;
            }
        }

        return bestLines >= 2 ? best : null;
    }
}
