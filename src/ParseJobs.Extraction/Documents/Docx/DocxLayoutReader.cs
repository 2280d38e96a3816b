using System.Text;
using System.Text.RegularExpressions;
using A = DocumentFormat.OpenXml.Drawing;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using DocumentType = ParseJobs.Extraction.Parsing.DocumentType;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using ParseJobs.Extraction.Parsing;
using V = DocumentFormat.OpenXml.Vml;

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
        DocxPackage.Guard(content, limits);

        var document = DocxPackage.Read(content, parts => new Walker(parts, limits).Run());
        progress?.Report(new PageProgress(1, 1));
        return document;
    }

    [GeneratedRegex(@"^heading\s*([1-9])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex HeadingStyleName();

    private sealed record StyleInfo(bool Title, int? OutlineLevel, bool Numbered);

    /// <summary>One pass over the parts; holds the layout being built and the images seen.</summary>
    private sealed class Walker
    {
        private readonly DocxParts parts;
        private readonly ParseLimits limits;
        private readonly ApproximateLayout layout;
        private readonly Dictionary<string, StyleInfo> styles;
        private readonly List<DocumentImage> images = [];

        // Image id by relationship id and by part: many relationships (or references) to one part are one image.
        private readonly Dictionary<string, string?> imageIdsByRelationship = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string?> imageIdsByPart = new(StringComparer.Ordinal);
        private long imageBytes;
        private bool imagesTruncated;
        private bool tablesTruncated;

        public Walker(DocxParts parts, ParseLimits limits)
        {
            this.parts = parts;
            this.limits = limits;
            layout = new ApproximateLayout(limits);
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
            var warnings = new List<DocumentWarning>();
            if (tablesTruncated)
            {
                warnings.Add(new DocumentWarning(ParseErrorCodes.TableTruncated,
                    $"Tables were cut to {limits.MaxTableRows} rows, {limits.MaxTableColumns} columns and {limits.MaxTableCells} cells."));
            }

            if (imagesTruncated)
            {
                warnings.Add(new DocumentWarning(ParseErrorCodes.ImagesTruncated,
                    $"Pictures beyond {limits.MaxImages} images or {limits.MaxImageBytes / (1024 * 1024)} MB keep their segment, without bytes."));
            }

            var document = layout.Build(DocumentType.Docx, images, warnings);
            return document.HasText
                ? document
                : document with { Warnings = [.. document.Warnings, new DocumentWarning(ParseErrorCodes.NoTextLayer, "The DOCX holds pictures but no text.")] };
        }

        private void AddRunning(SegmentType type, OpenXmlElement root, HashSet<string> seen)
        {
            var lines = new List<string>();
            DocxText.CollectText(root, lines);
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
            DocxText.ReadInline(paragraph, line, anchored);
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
            var outline = DocxText.IntOrNull(properties?.OutlineLevel?.Val) is { } direct ? OutlineFromWord(direct) : style?.OutlineLevel;
            var heading = text.Replace('\n', ' ');
            if (style?.Title == true)
            {
                layout.AddHeading(heading, 1, titleStyle: true);
            }
            else if (outline is { } level)
            {
                layout.AddHeading(heading, level);
            }
            else if (DocxText.IntOrNull(properties?.NumberingProperties?.NumberingId?.Val) is { } numId)
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
            var read = DocxTables.Read(table, limits);
            tablesTruncated |= read.Truncated;
            if (read.Data is not null)
                layout.Add(SegmentType.Table, read.Text, table: read.Data);
        }

        private void AddPicture(string relationshipId, (double Width, double Height)? extent)
        {
            var imageId = ImageIdOf(relationshipId);
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

        /// <summary>The image of a relationship, read once per part and within the image limits; null when the part
        /// is missing or beyond the limits (the picture keeps its segment).</summary>
        private string? ImageIdOf(string relationshipId)
        {
            if (imageIdsByRelationship.TryGetValue(relationshipId, out var known))
                return known;
            string? imageId = null;
            if (parts.ResolveImage(relationshipId) is { } part)
            {
                if (!imageIdsByPart.TryGetValue(part.Key, out imageId))
                {
                    var bytes = images.Count < limits.MaxImages ? part.Read(limits.MaxImageBytes - imageBytes) : null;
                    if (bytes is null)
                    {
                        imagesTruncated = true;
                    }
                    else
                    {
                        imageId = $"img_{images.Count + 1}";
                        images.Add(new DocumentImage(imageId, part.MediaType, bytes));
                        imageBytes += bytes.LongLength;
                    }

                    imageIdsByPart[part.Key] = imageId;
                }
            }

            imageIdsByRelationship[relationshipId] = imageId;
            return imageId;
        }

        private static (double Width, double Height)? Extent(A.Blip blip)
        {
            var extent = blip.Ancestors<Drawing>().FirstOrDefault()?.Descendants<DW.Extent>().FirstOrDefault();
            return DocxText.LongOrNull(extent?.Cx) is { } cx && DocxText.LongOrNull(extent?.Cy) is { } cy ? (cx / EmuPerPoint, cy / EmuPerPoint) : null;
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
                if (style.StyleId?.Value is { } id && (style.Type is null || string.Equals(style.Type.InnerText, "paragraph", StringComparison.Ordinal)))
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
                    if (outline is null && DocxText.IntOrNull(current.StyleParagraphProperties?.OutlineLevel?.Val) is { } level)
                        outline = OutlineFromWord(level) ?? 0;
                    outline ??= HeadingNumber(name) ?? HeadingNumber(styleId);
                    if (numbered is null && DocxText.IntOrNull(current.StyleParagraphProperties?.NumberingProperties?.NumberingId?.Val) is { } numId)
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
}
