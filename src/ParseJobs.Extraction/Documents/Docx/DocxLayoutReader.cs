using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using A = DocumentFormat.OpenXml.Drawing;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using DocumentType = ParseJobs.Extraction.Parsing.DocumentType;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using ParseJobs.Extraction.Parsing;
using V = DocumentFormat.OpenXml.Vml;
using WordCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;

namespace ParseJobs.Extraction.Documents.Docx;

/// <summary>
/// Builds the layout model of a DOCX: headers, then body paragraphs typed from their styles (Title, headings,
/// outline levels, numbering, typed bullets), tables with spans, text boxes and pictures in document order, then
/// footers. Word has no fixed layout, so everything is on page 1 with estimated boxes. The package is checked
/// against <see cref="ParseLimits"/> by <see cref="DocxPackage"/> before OpenXml sees it.
/// </summary>
public sealed partial class DocxLayoutReader
{
    private const double EmuPerPoint = 12700;

    public LayoutDocument Read(byte[] content, ParseLimits limits, IProgress<PageProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        DocxPackage.ThrowIfEncrypted(content);
        DocxPackage.GuardPackage(content, limits);

        LayoutDocument document;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var word = WordprocessingDocument.Open(stream, false);
            document = new Walker(PackageParts(word), limits).Run();
        }
        catch (OpenXmlPackageException)
        {
            // Same leniency as the text extractor: System.IO.Packaging rejects some content types Word accepts.
            document = ReadPartsDirectly(content, limits);
        }
        catch (Exception ex) when (ex is InvalidDataException or FileFormatException
            or System.Xml.XmlException or InvalidOperationException or NotSupportedException)
        {
            throw DocxPackage.Corrupt(ex);
        }

        progress?.Report(new PageProgress(1, 1));
        return document;
    }

    private static Parts PackageParts(WordprocessingDocument word)
    {
        var main = word.MainDocumentPart ?? throw new DocumentParseException(ParseErrorCodes.DocumentCorrupt, "The DOCX has no main document part.");
        return new Parts(
            main.Document?.Body,
            [.. main.HeaderParts.Select(h => (OpenXmlElement?)h.Header).OfType<OpenXmlElement>()],
            [.. main.FooterParts.Select(f => (OpenXmlElement?)f.Footer).OfType<OpenXmlElement>()],
            main.StyleDefinitionsPart?.Styles,
            relationshipId =>
            {
                if (!main.TryGetPartById(relationshipId, out var part) || part is not ImagePart image)
                    return null;
                using var s = image.GetStream(FileMode.Open, FileAccess.Read);
                using var copy = new MemoryStream();
                s.CopyTo(copy);
                return new DocumentImage("", image.ContentType, copy.ToArray());
            });
    }

    private static LayoutDocument ReadPartsDirectly(byte[] content, ParseLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var documentEntry = zip.GetEntry("word/document.xml")
                ?? throw new DocumentParseException(ParseErrorCodes.DocumentCorrupt, "The DOCX has no word/document.xml.");
            var parts = zip.Entries.Where(e => e.FullName.StartsWith("word/", StringComparison.Ordinal) && !e.FullName.Contains("/_rels/", StringComparison.Ordinal))
                .OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();
            var headers = parts.Where(e => e.Name.StartsWith("header", StringComparison.Ordinal) && e.Name.EndsWith(".xml", StringComparison.Ordinal))
                .Select(e => (OpenXmlElement)new Header(DocxPackage.ReadEntry(e))).ToList();
            var footers = parts.Where(e => e.Name.StartsWith("footer", StringComparison.Ordinal) && e.Name.EndsWith(".xml", StringComparison.Ordinal))
                .Select(e => (OpenXmlElement)new Footer(DocxPackage.ReadEntry(e))).ToList();
            var styles = zip.GetEntry("word/styles.xml") is { } stylesEntry ? new Styles(DocxPackage.ReadEntry(stylesEntry)) : null;
            var targets = RelationshipTargets(zip);
            var body = new Document(DocxPackage.ReadEntry(documentEntry)).Body;
            return new Walker(new Parts(body, headers, footers, styles, id => ReadImageEntry(zip, targets, id)), limits).Run();
        }
        catch (Exception ex) when (ex is InvalidDataException or System.Xml.XmlException or InvalidOperationException or ArgumentException)
        {
            throw DocxPackage.Corrupt(ex);
        }
    }

    private static Dictionary<string, string> RelationshipTargets(ZipArchive zip)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (zip.GetEntry("word/_rels/document.xml.rels") is not { } rels)
            return targets;
        using var stream = rels.Open();
        foreach (var relationship in XDocument.Load(stream).Root?.Elements() ?? [])
        {
            if (relationship.Attribute("Id")?.Value is { } id && relationship.Attribute("Target")?.Value is { } target
                && relationship.Attribute("TargetMode")?.Value != "External")
            {
                targets[id] = target.StartsWith('/') ? target.TrimStart('/') : "word/" + target;
            }
        }

        return targets;
    }

    private static DocumentImage? ReadImageEntry(ZipArchive zip, Dictionary<string, string> targets, string relationshipId)
    {
        if (!targets.TryGetValue(relationshipId, out var path) || zip.GetEntry(path) is not { } entry)
            return null;
        using var s = entry.Open();
        using var copy = new MemoryStream();
        s.CopyTo(copy);
        var mediaType = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".png" => "image/png",
            ".jpg" or ".jpeg" => "image/jpeg",
            ".gif" => "image/gif",
            ".bmp" => "image/bmp",
            ".tif" or ".tiff" => "image/tiff",
            ".svg" => "image/svg+xml",
            ".emf" => "image/x-emf",
            ".wmf" => "image/x-wmf",
            _ => "application/octet-stream",
        };
        return new DocumentImage("", mediaType, copy.ToArray());
    }

    [GeneratedRegex(@"^heading\s*([1-9])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex HeadingStyleName();

    /// <summary>What the reader needs from a package, whether opened by OpenXml or read entry by entry.</summary>
    private sealed record Parts(
        OpenXmlElement? Body,
        IReadOnlyList<OpenXmlElement> Headers,
        IReadOnlyList<OpenXmlElement> Footers,
        Styles? Styles,
        Func<string, DocumentImage?> ResolveImage);

    private sealed record StyleInfo(bool Title, int? OutlineLevel, bool Numbered);

    /// <summary>One pass over the parts; holds the layout being built and the images seen.</summary>
    private sealed class Walker
    {
        private readonly Parts parts;
        private readonly ApproximateLayout layout;
        private readonly Dictionary<string, StyleInfo> styles;
        private readonly List<DocumentImage> images = [];
        private readonly Dictionary<string, string> imageIds = new(StringComparer.Ordinal);

        public Walker(Parts parts, ParseLimits limits)
        {
            this.parts = parts;
            layout = new ApproximateLayout(limits.MaxTextCharacters);
            styles = ResolveStyles(parts.Styles);
        }

        public LayoutDocument Run()
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var header in parts.Headers)
                AddRunning(SegmentType.PageHeader, header, seen);
            if (parts.Body is { } body)
                ReadBlock(body);
            foreach (var footer in parts.Footers)
                AddRunning(SegmentType.PageFooter, footer, seen);

            if (layout.Count == 0)
                throw new DocumentParseException(ParseErrorCodes.EmptyDocument, "The DOCX contains no text.");
            var document = layout.Build(DocumentType.Docx, images, []);
            return document.HasText
                ? document
                : document with { Warnings = [.. document.Warnings, new DocumentWarning(ParseErrorCodes.NoTextLayer, "The DOCX holds pictures but no text.")] };
        }

        private void AddRunning(SegmentType type, OpenXmlElement root, HashSet<string> seen)
        {
            var lines = new List<string>();
            CollectText(root, lines);
            var text = string.Join('\n', lines);

            // First-page, even and default headers often repeat the same line.
            if (text.Length > 0 && seen.Add(text))
                layout.Add(type, text);
        }

        private void ReadBlock(OpenXmlElement container)
        {
            foreach (var child in container.ChildElements)
            {
                switch (child)
                {
                    case Paragraph p:
                        ReadParagraph(p);
                        break;
                    case Table t:
                        ReadTable(t);
                        break;
                    case AlternateContentFallback or SectionProperties or SdtProperties:
                        break;
                    default:
                        ReadBlock(child);
                        break;
                }
            }
        }

        private void ReadParagraph(Paragraph paragraph)
        {
            var line = new StringBuilder();
            var anchored = new List<OpenXmlElement>();
            ReadInline(paragraph, line, anchored);
            var text = TextNormalizer.NormalizeNewlines(line.ToString());
            if (text.Trim().Length > 0)
                AddParagraph(paragraph.ParagraphProperties, text.Trim());

            // Text boxes, shapes and pictures follow the paragraph they are anchored in.
            foreach (var item in anchored)
            {
                switch (item)
                {
                    case TextBoxContent box:
                        ReadBlock(box);
                        break;
                    case A.Blip blip when blip.Embed?.Value is { } id:
                        AddPicture(id, Extent(blip));
                        break;
                    case V.ImageData data when data.RelationshipId?.Value is { } id:
                        AddPicture(id, null);
                        break;
                }
            }
        }

        private void AddParagraph(ParagraphProperties? properties, string text)
        {
            var style = properties?.ParagraphStyleId?.Val?.Value is { } styleId && styles.TryGetValue(styleId, out var info) ? info : null;
            var outline = properties?.OutlineLevel?.Val?.Value is { } direct ? OutlineFromWord(direct) : style?.OutlineLevel;
            var heading = text.Replace('\n', ' ');
            if (style?.Title == true)
            {
                layout.AddHeading(heading, 1, titleStyle: true);
            }
            else if (outline is { } level)
            {
                layout.AddHeading(heading, level);
            }
            else if (properties?.NumberingProperties?.NumberingId?.Val?.Value is { } numId)
            {
                // numId 0 switches off numbering inherited from the style.
                layout.Add(numId == 0 ? SegmentType.Text : SegmentType.ListItem, numId == 0 ? text : StripMarker(text));
            }
            else if (style?.Numbered == true || ListMarkers.TryStrip(text, out _))
            {
                layout.Add(SegmentType.ListItem, StripMarker(text));
            }
            else
            {
                layout.Add(SegmentType.Text, text);
            }
        }

        private static string StripMarker(string text) => ListMarkers.TryStrip(text, out var item) ? item.Trim() : text;

        private void ReadTable(Table table)
        {
            var cells = new List<MutableCell>();
            var open = new Dictionary<int, MutableCell>();
            var rowIndex = 0;
            var columnCount = table.GetFirstChild<TableGrid>()?.Elements<GridColumn>().Count() ?? 0;
            foreach (var row in table.Elements<TableRow>())
            {
                var column = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
                foreach (var cell in row.Elements<WordCell>())
                {
                    var span = Math.Max(1, cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1);
                    var merge = cell.TableCellProperties?.VerticalMerge;
                    var restart = merge?.Val?.Value == MergedCellValues.Restart;
                    if (merge is not null && !restart && open.TryGetValue(column, out var above))
                    {
                        // A continued cell: Word ignores its content; the cell above grows by a row.
                        above.RowSpan = rowIndex - above.Row + 1;
                    }
                    else
                    {
                        var lines = new List<string>();
                        CollectText(cell, lines);
                        var created = new MutableCell(rowIndex, column, string.Join('\n', lines), span);
                        cells.Add(created);
                        for (var c = column; c < column + span; c++)
                        {
                            if (restart)
                                open[c] = created;
                            else
                                open.Remove(c);
                        }
                    }

                    column += span;
                }

                columnCount = Math.Max(columnCount, column);
                rowIndex++;
            }

            if (cells.TrueForAll(c => c.Text.Length == 0))
                return;
            var data = new TableData(rowIndex, columnCount,
                [.. cells.Select(c => new Documents.TableCell(c.Row, c.Column, c.Text, c.RowSpan, c.ColumnSpan))]);

            // Rows as lines, cells separated by a tab, as Segment.Text promises. A cell of several paragraphs (a layout
            // table: dates left; title, company and description right) gives the row one line per paragraph, the k-th
            // line holding each cell's k-th paragraph, as a PDF of the same table reads; flattening them ran the title,
            // the company and the description into one line.
            var text = string.Join('\n', Enumerable.Range(0, rowIndex)
                .SelectMany(r => RowLines(cells.Where(c => c.Row == r).Select(c => c.Text.Split('\n')).ToList()))
                .Where(l => l.Trim().Length > 0));
            layout.Add(SegmentType.Table, text, table: data);
        }

        private static IEnumerable<string> RowLines(List<string[]> cellLines)
        {
            var height = cellLines.Count == 0 ? 0 : cellLines.Max(c => c.Length);
            for (var k = 0; k < height; k++)
                yield return string.Join('\t', cellLines.Select(c => k < c.Length ? c[k] : "")).TrimEnd('\t');
        }

        private void AddPicture(string relationshipId, (double Width, double Height)? extent)
        {
            if (!imageIds.TryGetValue(relationshipId, out var imageId))
            {
                if (parts.ResolveImage(relationshipId) is { } image)
                {
                    imageId = $"img_{images.Count + 1}";
                    images.Add(image with { Id = imageId });
                    imageIds[relationshipId] = imageId;
                }
            }

            if (extent is { } size && size.Width > 0 && size.Height > 0)
            {
                var scale = Math.Min(1, ApproximateLayout.ContentWidth / size.Width);
                layout.Add(SegmentType.Picture, "", imageId: imageId, height: size.Height * scale);
                layout.SetLastWidth(size.Width * scale);
            }
            else
            {
                layout.Add(SegmentType.Picture, "", imageId: imageId);
            }
        }

        private static (double Width, double Height)? Extent(A.Blip blip)
        {
            var extent = blip.Ancestors<Drawing>().FirstOrDefault()?.Descendants<DW.Extent>().FirstOrDefault();
            return extent?.Cx?.Value is { } cx && extent.Cy?.Value is { } cy ? (cx / EmuPerPoint, cy / EmuPerPoint) : null;
        }

        /// <summary>Plain lines of a header, footer or table cell, text boxes included.</summary>
        private static void CollectText(OpenXmlElement container, List<string> lines)
        {
            foreach (var child in container.ChildElements)
            {
                switch (child)
                {
                    case Paragraph p:
                        var line = new StringBuilder();
                        var anchored = new List<OpenXmlElement>();
                        ReadInline(p, line, anchored);
                        var text = TextNormalizer.NormalizeNewlines(line.ToString()).Trim();
                        if (text.Length > 0)
                            lines.Add(text);
                        foreach (var box in anchored.OfType<TextBoxContent>())
                            CollectText(box, lines);
                        break;
                    case Table t:
                        foreach (var row in t.Elements<TableRow>())
                        {
                            var cellLines = row.Elements<WordCell>().Select(c =>
                            {
                                var inner = new List<string>();
                                CollectText(c, inner);
                                return string.Join(' ', inner);
                            }).Where(c => c.Length > 0).ToList();
                            if (cellLines.Count > 0)
                                lines.Add(string.Join('\t', cellLines));
                        }

                        break;
                    case AlternateContentFallback or SectionProperties or SdtProperties:
                        break;
                    default:
                        CollectText(child, lines);
                        break;
                }
            }
        }

        private static void ReadInline(OpenXmlElement element, StringBuilder line, List<OpenXmlElement> anchored)
        {
            foreach (var child in element.ChildElements)
            {
                switch (child)
                {
                    case Text t:
                        line.Append(t.Text);
                        break;
                    case TabChar or PositionalTab:
                        line.Append('\t');
                        break;
                    case Break or CarriageReturn:
                        line.Append('\n');
                        break;
                    case NoBreakHyphen:
                        line.Append('-');
                        break;
                    case TextBoxContent or A.Blip or V.ImageData:
                        anchored.Add(child);
                        break;

                    // Choice and Fallback hold the same shape twice (DrawingML and VML): read the Choice only.
                    case AlternateContentFallback or DeletedRun or DeletedText or ParagraphProperties or RunProperties:
                        break;
                    default:
                        ReadInline(child, line, anchored);
                        break;
                }
            }
        }

        /// <summary>Style id → what the style chain (basedOn) says about titles, outline levels and numbering.</summary>
        private static Dictionary<string, StyleInfo> ResolveStyles(Styles? root)
        {
            var result = new Dictionary<string, StyleInfo>(StringComparer.Ordinal);
            if (root is null)
                return result;
            var byId = new Dictionary<string, Style>(StringComparer.Ordinal);
            foreach (var style in root.Elements<Style>())
            {
                if (style.StyleId?.Value is { } id && (style.Type is null || style.Type.Value == StyleValues.Paragraph))
                    byId.TryAdd(id, style);
            }

            foreach (var id in byId.Keys)
            {
                bool? title = null;
                int? outline = null;
                bool? numbered = null;
                var current = byId[id];

                // basedOn chains are short; the depth cap guards against cycles in hostile files.
                for (var depth = 0; depth < 16 && current is not null; depth++)
                {
                    var name = current.StyleName?.Val?.Value ?? "";
                    var styleId = current.StyleId?.Value ?? "";
                    if (title is null && (name.Equals("title", StringComparison.OrdinalIgnoreCase) || styleId.Equals("Title", StringComparison.OrdinalIgnoreCase)))
                        title = true;
                    if (outline is null && current.StyleParagraphProperties?.OutlineLevel?.Val?.Value is { } level)
                        outline = OutlineFromWord(level) ?? 0;
                    outline ??= HeadingNumber(name) ?? HeadingNumber(styleId);
                    if (numbered is null && current.StyleParagraphProperties?.NumberingProperties?.NumberingId?.Val?.Value is { } numId)
                        numbered = numId != 0;
                    current = current.BasedOn?.Val?.Value is { } basedOn && byId.TryGetValue(basedOn, out var parent) ? parent : null;
                }

                result[id] = new StyleInfo(title ?? false, outline is > 0 ? outline : null, numbered ?? false);
            }

            return result;
        }

        /// <summary>"heading 2" (the built-in name) or "Heading2" (its id) → 2; localised names keep the English id.</summary>
        private static int? HeadingNumber(string name) =>
            HeadingStyleName().Match(name) is { Success: true } match
                ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
                : null;

        /// <summary>Word's outline levels are 0–8 for headings and 9 for body text.</summary>
        private static int? OutlineFromWord(int level) => level is >= 0 and < 9 ? level + 1 : null;
    }

    private sealed class MutableCell(int row, int column, string text, int columnSpan)
    {
        public int Row { get; } = row;

        public int Column { get; } = column;

        public string Text { get; } = text;

        public int ColumnSpan { get; } = columnSpan;

        public int RowSpan { get; set; } = 1;
    }
}
