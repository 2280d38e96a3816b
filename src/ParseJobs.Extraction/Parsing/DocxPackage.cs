using System.IO.Compression;

namespace ParseJobs.Extraction.Parsing;

/// <summary>Checks a DOCX (a ZIP package) before OpenXml sees it: encryption, and decompression bombs against
/// <see cref="ParseLimits"/>; reads single parts for the direct fallback of the DOCX reader.</summary>
internal static class DocxPackage
{
    // Tiny entries compress extremely well without being bombs; the ratio check starts above this size.
    private const long RatioCheckMinimumBytes = 64 * 1024;

    private static ReadOnlySpan<byte> OleMagic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>Password-protected Office files are OLE compound files wrapping an encrypted package.</summary>
    public static void ThrowIfEncrypted(byte[] content)
    {
        if (content.AsSpan().StartsWith(OleMagic))
            throw new DocumentParseException(ParseErrorCodes.DocumentEncrypted, "The document is password-protected.");
    }

    /// <summary>Rejects decompression bombs: too many entries, too many declared bytes, an extreme
    /// per-entry ratio, or entries that inflate beyond what they declare.</summary>
    public static void GuardPackage(byte[] content, ParseLimits limits)
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

    public static DocumentParseException Corrupt(Exception ex) =>
        new(ParseErrorCodes.DocumentCorrupt, "The DOCX package is damaged.", ex);

    public static string ReadEntry(ZipArchiveEntry entry)
    {
        // The element constructors want the root element only, without the XML declaration.
        using var stream = entry.Open();
        var xml = System.Xml.Linq.XDocument.Load(stream, System.Xml.Linq.LoadOptions.PreserveWhitespace);
        return xml.Root?.ToString(System.Xml.Linq.SaveOptions.DisableFormatting) ?? "";
    }
}
