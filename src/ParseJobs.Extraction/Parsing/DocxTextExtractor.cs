using System.IO.Compression;
using System.IO.Packaging;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ParseJobs.Extraction.Parsing;

/// <summary>Extracts DOCX text in document order: headers, body paragraphs, tables (a row per line),
/// text boxes, footers. The ZIP package is checked against <see cref="ParseLimits"/> before OpenXml sees it.</summary>
public sealed class DocxTextExtractor
{
    private const string Bullet = "• ";

    // Tiny entries compress extremely well without being bombs; the ratio check starts above this size.
    private const long RatioCheckMinimumBytes = 64 * 1024;

    private static ReadOnlySpan<byte> OleMagic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public ExtractedDocument Extract(byte[] content, ParseLimits limits, IProgress<PageProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        ThrowIfEncrypted(content);
        GuardPackage(content, limits);

        string text;
        try
        {
            text = ReadWithPackage(content);
        }
        catch (OpenXmlPackageException)
        {
            // System.IO.Packaging is stricter than Word: pandoc, for one, writes content types such as
            // "image/svg+xml;base64" that it rejects. Word opens those files, so read the parts directly.
            text = ReadPartsDirectly(content);
        }
        catch (Exception ex) when (ex is InvalidDataException or FileFormatException
            or System.Xml.XmlException or InvalidOperationException or NotSupportedException)
        {
            throw Corrupt(ex);
        }

        text = TextNormalizer.NormalizeNewlines(text);
        if (string.IsNullOrWhiteSpace(text))
            throw new DocumentParseException(ParseErrorCodes.EmptyDocument, "The DOCX contains no text.");
        progress?.Report(new PageProgress(1, 1));
        return new ExtractedDocument(DocumentType.Docx, [new ExtractedPage(1, text)]);
    }

    /// <summary>Password-protected Office files are OLE compound files wrapping an encrypted package.</summary>
    internal static void ThrowIfEncrypted(byte[] content)
    {
        if (content.AsSpan().StartsWith(OleMagic))
            throw new DocumentParseException(ParseErrorCodes.DocumentEncrypted, "The document is password-protected.");
    }

    /// <summary>Rejects decompression bombs: too many entries, too many declared bytes, an extreme
    /// per-entry ratio, or entries that inflate beyond what they declare.</summary>
    internal static void GuardPackage(byte[] content, ParseLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > limits.MaxPackageEntries)
                throw TooComplex($"The package has {zip.Entries.Count} entries; at most {limits.MaxPackageEntries} are allowed.");
            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                if (declared > limits.MaxUncompressedBytes)
                    throw TooComplex("The package expands beyond the allowed size.");
                if (entry.Length > RatioCheckMinimumBytes
                    && entry.Length > (long)limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                    throw TooComplex($"The package entry {entry.FullName} is compressed suspiciously well.");
            }

            // Declared sizes can lie: inflate every entry with a hard cap.
            var budget = limits.MaxUncompressedBytes;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                long read = 0;
                int n;
                while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    read += n;
                    budget -= n;
                    if (read > entry.Length || budget < 0)
                        throw TooComplex($"The package entry {entry.FullName} inflates beyond its declared size.");
                }
            }
        }
        catch (InvalidDataException ex)
        {
            throw new DocumentParseException(ParseErrorCodes.DocumentCorrupt, "The DOCX is not a valid ZIP package.", ex);
        }
    }

    private static DocumentParseException TooComplex(string message) => new(ParseErrorCodes.DocumentTooComplex, message);

    internal static DocumentParseException Corrupt(Exception ex) =>
        new(ParseErrorCodes.DocumentCorrupt, "The DOCX package is damaged.", ex);

    private static string ReadWithPackage(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var word = WordprocessingDocument.Open(stream, false);
        return ReadText(word);
    }

    private static string ReadPartsDirectly(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var documentEntry = zip.GetEntry("word/document.xml")
                ?? throw new DocumentParseException(ParseErrorCodes.DocumentCorrupt, "The DOCX has no word/document.xml.");
            var sb = new StringBuilder();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var parts = zip.Entries.Where(e => e.FullName.StartsWith("word/", StringComparison.Ordinal)).OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();
            foreach (var entry in parts.Where(e => e.Name.StartsWith("header", StringComparison.Ordinal) && e.Name.EndsWith(".xml", StringComparison.Ordinal)))
                AppendPart(new Header(ReadEntry(entry)), sb, seen);
            AppendBlock(new Document(ReadEntry(documentEntry)), sb);
            foreach (var entry in parts.Where(e => e.Name.StartsWith("footer", StringComparison.Ordinal) && e.Name.EndsWith(".xml", StringComparison.Ordinal)))
                AppendPart(new Footer(ReadEntry(entry)), sb, seen);
            return sb.ToString();
        }
        catch (Exception ex) when (ex is InvalidDataException or System.Xml.XmlException or InvalidOperationException or ArgumentException)
        {
            throw Corrupt(ex);
        }
    }

    internal static string ReadEntry(ZipArchiveEntry entry)
    {
        // The element constructors want the root element only, without the XML declaration.
        using var stream = entry.Open();
        var xml = System.Xml.Linq.XDocument.Load(stream, System.Xml.Linq.LoadOptions.PreserveWhitespace);
        return xml.Root?.ToString(System.Xml.Linq.SaveOptions.DisableFormatting) ?? "";
    }

    private static string ReadText(WordprocessingDocument word)
    {
        var main = word.MainDocumentPart ?? throw new DocumentParseException(ParseErrorCodes.DocumentCorrupt, "The DOCX has no main document part.");
        var sb = new StringBuilder();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var header in main.HeaderParts)
            AppendPart(header.Header, sb, seen);
        if (main.Document?.Body is { } body)
            AppendBlock(body, sb);
        foreach (var footer in main.FooterParts)
            AppendPart(footer.Footer, sb, seen);
        return sb.ToString();
    }

    private static void AppendPart(OpenXmlElement? root, StringBuilder sb, HashSet<string> seen)
    {
        if (root is null)
            return;
        var part = new StringBuilder();
        AppendBlock(root, part);
        var text = part.ToString().Trim();

        // First-page, even and default headers often repeat the same line.
        if (text.Length > 0 && seen.Add(text))
            sb.Append(text).Append('\n');
    }

    private static void AppendBlock(OpenXmlElement container, StringBuilder sb)
    {
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case Paragraph p:
                    AppendParagraph(p, sb);
                    break;
                case Table t:
                    AppendTable(t, sb);
                    break;
                case AlternateContentFallback:
                    break;
                default:
                    AppendBlock(child, sb);
                    break;
            }
        }
    }

    private static void AppendParagraph(Paragraph paragraph, StringBuilder sb)
    {
        var line = new StringBuilder();
        var boxes = new List<OpenXmlElement>();
        AppendInline(paragraph, line, boxes);
        var text = line.ToString();
        if (text.Trim().Length > 0)
        {
            if (paragraph.ParagraphProperties?.NumberingProperties is not null)
                sb.Append(Bullet);
            sb.Append(text).Append('\n');
        }

        foreach (var box in boxes)
            AppendBlock(box, sb);
    }

    private static void AppendInline(OpenXmlElement element, StringBuilder line, List<OpenXmlElement> boxes)
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
                case TextBoxContent box:
                    boxes.Add(box);
                    break;
                case AlternateContentFallback or DeletedRun or DeletedText or ParagraphProperties or RunProperties:
                    break;
                default:
                    AppendInline(child, line, boxes);
                    break;
            }
        }
    }

    private static void AppendTable(Table table, StringBuilder sb)
    {
        foreach (var row in table.Elements<TableRow>())
        {
            var cells = row.Elements<TableCell>().ToList();
            var cellTexts = new List<string>(cells.Count);
            foreach (var cell in cells)
            {
                var cellText = new StringBuilder();
                AppendBlock(cell, cellText);
                cellTexts.Add(cellText.ToString().Trim('\n'));
            }

            var nonEmpty = cellTexts.Where(c => c.Trim().Length > 0).ToList();
            if (nonEmpty.Count == 0)
                continue;
            if (nonEmpty.TrueForAll(c => !c.Contains('\n', StringComparison.Ordinal)))
            {
                // Single-line cells: one row per line, cells separated by a tab.
                sb.Append(string.Join('\t', nonEmpty)).Append('\n');
            }
            else
            {
                // Multi-line cells (a CV's date column next to a job block): cell after cell.
                foreach (var cellText in nonEmpty)
                    sb.Append(cellText).Append('\n');
            }
        }
    }
}
