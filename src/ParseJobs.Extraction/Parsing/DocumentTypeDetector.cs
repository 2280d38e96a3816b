using System.IO.Compression;
using System.Text;

namespace ParseJobs.Extraction.Parsing;

/// <summary>Recognises a document's format from its bytes (magic numbers and content), never from its name.</summary>
public static class DocumentTypeDetector
{
    // Real PDF readers accept up to 1 KiB of junk before the header (e.g. a mail or HTTP prefix).
    private const int PdfHeaderSearchWindow = 1024;

    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;

    private static ReadOnlySpan<byte> ZipMagic => [0x50, 0x4B, 0x03, 0x04];

    /// <summary>Detects the type; a ZIP is only a DOCX when it holds <c>word/document.xml</c>.</summary>
    public static DocumentType? Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
            return null;
        if (IsPdf(bytes))
            return DocumentType.Pdf;
        if (bytes.StartsWith(ZipMagic))
            return IsDocxPackage(bytes.ToArray()) ? DocumentType.Docx : null;
        return LooksLikeText(bytes) && MarkupKind(bytes) is null ? DocumentType.Txt : null;
    }

    /// <summary>What the formats we accept are called, for messages.</summary>
    public const string AcceptedFormats = "PDF, DOCX (Word 2007 or later) and plain text (TXT)";

    /// <summary>"HTML", "XML" or "RTF" when text bytes are markup (which would parse as a CV of tags), else null.</summary>
    public static string? MarkupKind(ReadOnlySpan<byte> bytes)
    {
        var start = Decode(bytes[..Math.Min(bytes.Length, 4096)]).TrimStart();
        if (start.StartsWith(@"{\rtf", StringComparison.Ordinal))
            return "RTF";
        if (start.Length < 2 || start[0] != '<' || !(char.IsAsciiLetter(start[1]) || start[1] is '!' or '?'))
            return null;
        if (!start.Contains('>', StringComparison.Ordinal))
            return null;
        var xml = start.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<svg", StringComparison.OrdinalIgnoreCase);
        return xml && !start.Contains("<html", StringComparison.OrdinalIgnoreCase) ? "XML" : "HTML";
    }

    /// <summary>True when text bytes hold at least <paramref name="minLetters"/> letters (of any script): a 1-byte
    /// file or a page of punctuation is no document to parse.</summary>
    public static bool HasReadableText(ReadOnlySpan<byte> bytes, int minLetters)
    {
        var letters = 0;
        foreach (var c in Decode(bytes[..Math.Min(bytes.Length, 1 << 20)]))
        {
            if (char.IsLetter(c) && ++letters >= minLetters)
                return true;
        }

        return false;
    }

    // UTF-16 by BOM, else UTF-8 when valid, else Latin-1 (what LooksLikeText accepts).
    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return Encoding.Unicode.GetString(bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            bytes = bytes[3..];
        return System.Text.Unicode.Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes);
    }

    /// <summary>Same as <see cref="Detect(ReadOnlySpan{byte})"/> without copying a ZIP package.</summary>
    public static DocumentType? Detect(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length > 0 && !IsPdf(bytes) && bytes.AsSpan().StartsWith(ZipMagic))
            return IsDocxPackage(bytes) ? DocumentType.Docx : null;
        return Detect(bytes.AsSpan());
    }

    /// <summary>What payroll jobs read: <see cref="Detect(byte[])"/>'s formats and XLSX workbooks (a ZIP holding
    /// <c>xl/workbook.xml</c>). Other routes never see XLSX: <see cref="Detect(byte[])"/> does not return it.</summary>
    public static DocumentType? DetectPayroll(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return Detect(bytes) ?? (bytes.AsSpan().StartsWith(ZipMagic) && HasEntry(bytes, "xl/workbook.xml") ? DocumentType.Xlsx : null);
    }

    /// <summary>What payroll jobs accept, for messages.</summary>
    public const string PayrollFormats = "PDF, DOCX, XLSX and CSV (or other delimited text)";

    private static bool IsPdf(ReadOnlySpan<byte> bytes)
    {
        var window = bytes[..Math.Min(bytes.Length, PdfHeaderSearchWindow + PdfMagic.Length)];
        return window.IndexOf(PdfMagic) >= 0;
    }

    private static bool IsDocxPackage(byte[] bytes) => HasEntry(bytes, "word/document.xml");

    private static bool HasEntry(byte[] bytes, string entry)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            return zip.GetEntry(entry) is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>True when the bytes decode as text: a UTF-16 BOM, valid UTF-8, or single-byte text
    /// without NUL and without control characters other than tab, newlines and form feed.</summary>
    internal static bool LooksLikeText(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return bytes.Length % 2 == 0;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            bytes = bytes[3..];
        foreach (var b in bytes)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C))
                return false;
            if (b == 0x7F)
                return false;
        }

        // Valid UTF-8 or not, a byte stream without control characters is readable as Windows-1252/Latin-1.
        return true;
    }
}
