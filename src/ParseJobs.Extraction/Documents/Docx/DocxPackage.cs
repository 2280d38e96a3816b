using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Documents.Docx;

/// <summary>What the reader needs from a package, whether opened by OpenXml or read entry by entry.</summary>
internal sealed record DocxParts(
    OpenXmlElement? Body,
    IReadOnlyList<OpenXmlElement> Headers,
    IReadOnlyList<OpenXmlElement> Footers,
    Styles? Styles,
    Func<string, DocxImagePart?> ResolveImage);

/// <summary>The image part a relationship points at. <see cref="Key"/> names the part, so that an image referenced
/// many times is one image; <see cref="Read"/> returns its bytes, or null when they exceed the given budget.</summary>
internal sealed record DocxImagePart(string Key, string MediaType, Func<long, byte[]?> Read);

/// <summary>
/// Access to a DOCX package: the encryption check, the ZIP guard (<see cref="ZipGuard"/>), opening through OpenXml
/// with a direct entry-by-entry fallback for packages System.IO.Packaging rejects, and image parts. Every XML read
/// here prohibits DTDs and resolves nothing (OpenXml does the same on its path).
/// </summary>
internal static partial class DocxPackage
{
    private static readonly XmlReaderSettings SafeXml = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        CloseInput = true,
    };

    private static ReadOnlySpan<byte> OleMagic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>Password-protected Office files are OLE compound files wrapping an encrypted package.</summary>
    public static void ThrowIfEncrypted(byte[] content)
    {
        if (content.AsSpan().StartsWith(OleMagic))
            throw new DocumentParseException(ParseErrorCodes.DocumentEncrypted, "The document is password-protected.");
    }

    /// <summary>Decompression bombs, too many entries and unsafe entry names, before OpenXml sees the package.</summary>
    public static void Guard(byte[] content, ParseLimits limits) => ZipGuard.Check(content, limits.PackageLimits());

    public static DocumentParseException Corrupt(Exception ex) =>
        new(ParseErrorCodes.DocumentCorrupt, "The DOCX package is damaged.", ex);

    /// <summary>Opens the package and hands its parts to <paramref name="read"/>; malformed XML or packages are
    /// DOCUMENT_CORRUPT. The parts are only valid inside <paramref name="read"/>.</summary>
    public static T Read<T>(byte[] content, Func<DocxParts, T> read)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var word = WordprocessingDocument.Open(stream, false);
            return read(OpenXmlParts(word));
        }
        catch (OpenXmlPackageException)
        {
            // Same leniency as Word: System.IO.Packaging rejects some content types Word accepts.
            return ReadDirectly(content, read);
        }
        catch (Exception ex) when (ex is InvalidDataException or FileFormatException
            or XmlException or InvalidOperationException or NotSupportedException)
        {
            throw Corrupt(ex);
        }
    }

    private static DocxParts OpenXmlParts(WordprocessingDocument word)
    {
        var main = word.MainDocumentPart ?? throw new DocumentParseException(ParseErrorCodes.DocumentCorrupt, "The DOCX has no main document part.");
        return new DocxParts(
            main.Document?.Body,
            [.. main.HeaderParts.Select(h => (OpenXmlElement?)h.Header).OfType<OpenXmlElement>()],
            [.. main.FooterParts.Select(f => (OpenXmlElement?)f.Footer).OfType<OpenXmlElement>()],
            main.StyleDefinitionsPart?.Styles,
            relationshipId =>
            {
                if (!main.TryGetPartById(relationshipId, out var part) || part is not ImagePart image)
                    return null;

                // OpenXml loads a part once per URI: relationships to the same part share it.
                return new DocxImagePart(image.Uri.OriginalString, MediaTypeOf(image.ContentType),
                    budget => ReadAtMost(() => image.GetStream(FileMode.Open, FileAccess.Read), budget));
            });
    }

    private static T ReadDirectly<T>(byte[] content, Func<DocxParts, T> read)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var documentEntry = zip.GetEntry("word/document.xml")
                ?? throw new DocumentParseException(ParseErrorCodes.DocumentCorrupt, "The DOCX has no word/document.xml.");
            var parts = zip.Entries.Where(e => e.FullName.StartsWith("word/", StringComparison.Ordinal) && !e.FullName.Contains("/_rels/", StringComparison.Ordinal))
                .OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();
            var headers = parts.Where(e => IsPart(e, "header")).Select(e => (OpenXmlElement)new Header(ReadEntry(e))).ToList();
            var footers = parts.Where(e => IsPart(e, "footer")).Select(e => (OpenXmlElement)new Footer(ReadEntry(e))).ToList();
            var styles = zip.GetEntry("word/styles.xml") is { } stylesEntry ? new Styles(ReadEntry(stylesEntry)) : null;
            var targets = RelationshipTargets(zip);
            var body = new Document(ReadEntry(documentEntry)).Body;
            return read(new DocxParts(body, headers, footers, styles, id => ImageEntry(zip, targets, id)));
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or InvalidOperationException or ArgumentException)
        {
            throw Corrupt(ex);
        }
    }

    private static bool IsPart(ZipArchiveEntry entry, string prefix) =>
        entry.Name.StartsWith(prefix, StringComparison.Ordinal) && entry.Name.EndsWith(".xml", StringComparison.Ordinal);

    /// <summary>The root element of a part as a string, for the OpenXml element constructors (no declaration, no DTD).</summary>
    internal static string ReadEntry(ZipArchiveEntry entry)
    {
        using var reader = XmlReader.Create(entry.Open(), SafeXml);
        var xml = XDocument.Load(reader, LoadOptions.PreserveWhitespace);
        return xml.Root?.ToString(SaveOptions.DisableFormatting) ?? "";
    }

    private static Dictionary<string, string> RelationshipTargets(ZipArchive zip)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (zip.GetEntry("word/_rels/document.xml.rels") is not { } rels)
            return targets;
        using var reader = XmlReader.Create(rels.Open(), SafeXml);
        foreach (var relationship in XDocument.Load(reader).Root?.Elements() ?? [])
        {
            if (relationship.Attribute("Id")?.Value is { } id && relationship.Attribute("Target")?.Value is { } target
                && relationship.Attribute("TargetMode")?.Value != "External")
            {
                targets[id] = target.StartsWith('/') ? target.TrimStart('/') : "word/" + target;
            }
        }

        return targets;
    }

    private static DocxImagePart? ImageEntry(ZipArchive zip, Dictionary<string, string> targets, string relationshipId)
    {
        if (!targets.TryGetValue(relationshipId, out var path) || zip.GetEntry(path) is not { } entry)
            return null;
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
        return new DocxImagePart(entry.FullName, mediaType, budget => ReadAtMost(entry.Open, budget));
    }

    /// <summary>The part's bytes, or null once they pass <paramref name="budget"/> (never buffers more than that).</summary>
    private static byte[]? ReadAtMost(Func<Stream> open, long budget)
    {
        if (budget <= 0)
            return null;
        using var stream = open();
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (copy.Length + n > budget)
                return null;
            copy.Write(buffer, 0, n);
        }

        return copy.ToArray();
    }

    /// <summary>The declared content type when it reads like one ("image/png"), else octet-stream: the package
    /// may declare anything, of any length.</summary>
    private static string MediaTypeOf(string declared) =>
        MediaTypePattern().IsMatch(declared) ? declared.ToLowerInvariant() : "application/octet-stream";

    [GeneratedRegex(@"^[A-Za-z]{1,16}/[A-Za-z0-9.+-]{1,40}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex MediaTypePattern();
}
