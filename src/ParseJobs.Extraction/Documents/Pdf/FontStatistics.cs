namespace ParseJobs.Extraction.Documents.Pdf;

/// <summary>The body font of a document: the letter size and weight most letters are set in. Headings
/// are recognised against it.</summary>
internal sealed record FontStatistics(double BodySize, bool BodyBold)
{
    public static FontStatistics From(IEnumerable<PdfLine> lines)
    {
        // Sizes rounded to half points, weighted by letters: the mode is the body size.
        var bySize = new Dictionary<double, int>();
        int bold = 0, total = 0;
        foreach (var line in lines)
        {
            if (line.Letters == 0)
                continue;
            var size = Math.Round(line.FontSize * 2) / 2;
            bySize[size] = bySize.GetValueOrDefault(size) + line.Letters;
            total += line.Letters;
            if (line.Bold)
                bold += line.Letters;
        }

        return total == 0
            ? new FontStatistics(0, false)
            : new FontStatistics(bySize.MaxBy(p => p.Value).Key, bold * 2 > total);
    }

    public bool IsLarger(PdfLine line) => BodySize > 0 && line.FontSize >= BodySize * 1.25 && line.FontSize >= BodySize + 1;

    public bool IsBolder(PdfLine line) => line.Bold && !BodyBold && line.FontSize >= BodySize - 0.5;
}
