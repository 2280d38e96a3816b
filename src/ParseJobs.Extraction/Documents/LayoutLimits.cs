using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Documents;

/// <summary>
/// Caps a layout model to <see cref="ParseLimits"/> whatever reader built it: embedded images (count and bytes,
/// each distinct image once however many segments show it) and table geometry (rows, columns, cells). The extractor
/// applies it and the product code (<see cref="Parsing.ProductMaker"/>) again before rendering, inside the parser,
/// so that rendering only ever sees capped tables, even if a reader did not cap them itself.
/// </summary>
public static class LayoutLimits
{
    public static LayoutDocument Apply(LayoutDocument document, ParseLimits limits)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(limits);
        var warnings = new List<DocumentWarning>();
        var kept = KeptImages(document, limits, out var imagesDropped);
        var tablesCut = false;
        var segments = new List<Segment>(document.Segments.Count);
        foreach (var segment in document.Segments)
        {
            var capped = segment;
            if (segment.ImageId is { } id && !kept.ContainsKey(id))
                capped = capped with { ImageId = null };
            if (segment.Table is { } table && Cap(table, limits) is { } cut)
            {
                capped = capped with { Table = cut };
                tablesCut = true;
            }

            segments.Add(capped);
        }

        if (!imagesDropped && !tablesCut && kept.Count == document.Images.Count)
            return document;
        if (imagesDropped && !document.Warnings.Any(w => w.Code == ParseErrorCodes.ImagesTruncated))
        {
            warnings.Add(new DocumentWarning(ParseErrorCodes.ImagesTruncated,
                $"Pictures beyond {limits.MaxImages} images or {limits.MaxImageBytes / (1024 * 1024)} MB keep their segment, without bytes."));
        }

        if (tablesCut && !document.Warnings.Any(w => w.Code == ParseErrorCodes.TableTruncated))
        {
            warnings.Add(new DocumentWarning(ParseErrorCodes.TableTruncated,
                $"Tables were cut to {limits.MaxTableRows} rows, {limits.MaxTableColumns} columns and {limits.MaxTableCells} cells."));
        }

        return document with
        {
            Segments = segments,
            Images = [.. document.Images.Where(i => kept.ContainsKey(i.Id))],
            Warnings = [.. document.Warnings, .. warnings],
        };
    }

    /// <summary>Images in the order segments first show them, while count and bytes last; unreferenced images go.</summary>
    private static Dictionary<string, DocumentImage> KeptImages(LayoutDocument document, ParseLimits limits, out bool dropped)
    {
        var byId = new Dictionary<string, DocumentImage>(StringComparer.Ordinal);
        foreach (var image in document.Images)
            byId.TryAdd(image.Id, image);
        var kept = new Dictionary<string, DocumentImage>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long bytes = 0;
        dropped = false;
        foreach (var id in document.Segments.Select(s => s.ImageId).OfType<string>())
        {
            if (!seen.Add(id) || !byId.TryGetValue(id, out var image))
                continue;
            if (kept.Count >= limits.MaxImages || bytes + image.Content.LongLength > limits.MaxImageBytes)
            {
                dropped = true;
                continue;
            }

            bytes += image.Content.LongLength;
            kept[id] = image;
        }

        return kept;
    }

    /// <summary>The table within the limits, or null when it already is.</summary>
    private static TableData? Cap(TableData table, ParseLimits limits)
    {
        if (table.RowCount <= limits.MaxTableRows && table.ColumnCount <= limits.MaxTableColumns && table.Cells.Count <= limits.MaxTableCells
            && table.RowCount >= 0 && table.ColumnCount >= 0)
            return null;
        var rows = Math.Clamp(table.RowCount, 0, limits.MaxTableRows);
        var columns = Math.Clamp(table.ColumnCount, 0, limits.MaxTableColumns);
        var cells = table.Cells
            .Where(c => c.Row >= 0 && c.Row < rows && c.Column >= 0 && c.Column < columns)
            .Take(limits.MaxTableCells)
            .Select(c => c with
            {
                RowSpan = Math.Clamp(c.RowSpan, 1, rows - c.Row),
                ColumnSpan = Math.Clamp(c.ColumnSpan, 1, columns - c.Column),
            })
            .ToList();
        return new TableData(rows, columns, cells);
    }
}
