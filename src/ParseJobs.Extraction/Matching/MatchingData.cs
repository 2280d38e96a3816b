using System.Reflection;
using System.Text;

namespace ParseJobs.Extraction.Matching;

/// <summary>Matching's word lists (Matching/Data/*.tsv, embedded): tab-separated columns, '|' between the names of a
/// column, '#' starts a comment line. Data, not code: a new role, sector or cue is a line, not a release of logic.</summary>
internal static class MatchingData
{
    private const string Prefix = "ParseJobs.Extraction.Matching.Data.";

    /// <summary>The data lines of a file (comments and blank lines dropped).</summary>
    public static List<string> Lines(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Prefix + file)
            ?? throw new InvalidOperationException($"Embedded resource {Prefix + file} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim().Length > 0 && !line.StartsWith('#'))
                lines.Add(line);
        }

        return lines;
    }

    /// <summary>The data lines split into columns; every column trimmed.</summary>
    public static List<string[]> Rows(string file) =>
        Lines(file).Select(l => l.Split('\t').Select(c => c.Trim()).ToArray()).ToList();

    /// <summary>The '|'-separated names of a column ("" → none).</summary>
    public static string[] Names(string[] row, int column) =>
        column < row.Length ? row[column].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
}
