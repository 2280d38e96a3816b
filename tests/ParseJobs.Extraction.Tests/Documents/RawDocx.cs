using System.IO.Compression;
using System.Text;

namespace ParseJobs.Extraction.Tests.Documents;

/// <summary>Minimal DOCX packages written byte by byte, as an attacker would: whatever XML, relationships and
/// parts the test wants, with no library smoothing them.</summary>
internal static class RawDocx
{
    public const string Namespaces =
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " +
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" " +
        "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" " +
        "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" " +
        "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"";

    private const string ImageRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";

    /// <param name="body">The XML inside w:body.</param>
    /// <param name="prologue">Written before the w:document element (a DOCTYPE, say).</param>
    /// <param name="fallback">Declares a content type System.IO.Packaging rejects but Word accepts, so that the
    /// reader takes its direct entry-by-entry path.</param>
    /// <param name="images">Image parts as (relationship ids, part name, bytes): every id points at that one part.</param>
    /// <param name="relsPrologue">Written before the Relationships element of the document's relationships.</param>
    public static byte[] Build(string body, string prologue = "", bool fallback = false,
        IReadOnlyList<(IReadOnlyList<string> Ids, string Part, byte[] Content)>? images = null, string relsPrologue = "")
    {
        var lenient = fallback ? "<Default Extension=\"svg\" ContentType=\"image/svg+xml;base64\"/>" : "";
        var contentTypes = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + lenient
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"png\" ContentType=\"image/png\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
        var rootRels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
        var relationships = new StringBuilder();
        foreach (var (ids, part, _) in images ?? [])
        {
            foreach (var id in ids)
                relationships.Append($"<Relationship Id=\"{id}\" Type=\"{ImageRelationship}\" Target=\"{part}\"/>");
        }

        var documentRels = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>{relsPrologue}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{relationships}</Relationships>";
        var document = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>{prologue}<w:document {Namespaces}><w:body>{body}</w:body></w:document>";

        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", Encoding.UTF8.GetBytes(contentTypes));
            Add(zip, "_rels/.rels", Encoding.UTF8.GetBytes(rootRels));
            Add(zip, "word/document.xml", Encoding.UTF8.GetBytes(document));
            Add(zip, "word/_rels/document.xml.rels", Encoding.UTF8.GetBytes(documentRels));
            foreach (var (_, part, content) in images ?? [])
                Add(zip, "word/" + part, content);
        }

        return stream.ToArray();
    }

    public static string Paragraph(string text) => $"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>";

    public static string Cell(string text, string properties = "") => $"<w:tc>{(properties.Length > 0 ? $"<w:tcPr>{properties}</w:tcPr>" : "")}{Paragraph(text)}</w:tc>";

    public static string Row(string cells, string properties = "") => $"<w:tr>{(properties.Length > 0 ? $"<w:trPr>{properties}</w:trPr>" : "")}{cells}</w:tr>";

    public static string Table(params string[] rows) => $"<w:tbl>{string.Concat(rows)}</w:tbl>";

    /// <summary>An inline picture showing the image of relationship <paramref name="id"/>.</summary>
    public static string Picture(string id) =>
        "<w:p><w:r><w:drawing><wp:inline><wp:extent cx=\"952500\" cy=\"952500\"/><a:graphic><a:graphicData>"
        + $"<pic:pic><pic:blipFill><a:blip r:embed=\"{id}\"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>";

    /// <summary>Incompressible bytes, so that image parts are as large in the ZIP as they claim.</summary>
    public static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        using var s = entry.Open();
        s.Write(content);
    }
}
