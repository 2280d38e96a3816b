using System.IO.Compression;

namespace ParseJobs.Extraction.Parsing;

/// <summary>Bounds of a ZIP container: a DOCX or XLSX package, or a ZIP upload of documents.</summary>
public sealed record ZipLimits
{
    /// <summary>Most entries (directories included).</summary>
    public int MaxEntries { get; init; } = 1_000;

    /// <summary>Most bytes all entries together may inflate to.</summary>
    public long MaxUncompressedBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>Highest uncompressed/compressed ratio of one entry above <see cref="ZipGuard.RatioCheckMinimumBytes"/>.</summary>
    public int MaxCompressionRatio { get; init; } = 200;

    /// <summary>Longest entry name in characters (names end up in logs, file systems and error reports).</summary>
    public int MaxEntryNameLength { get; init; } = 512;
}

/// <summary>
/// Checks a ZIP container before anything reads it: entry count, declared and actual inflated size (a hard byte
/// budget, since declared sizes can lie), per-entry compression ratio, and entry names (no absolute paths, no
/// <c>..</c> segments, no NUL or other control characters, no duplicates). Violations throw
/// <see cref="DocumentParseException"/>: <see cref="ParseErrorCodes.DocumentTooComplex"/> for sizes and counts,
/// <see cref="ParseErrorCodes.DocumentCorrupt"/> for a damaged archive or an unsafe name. Messages never quote
/// entry names: they are attacker-chosen and may be 64 KB long.
/// </summary>
public static class ZipGuard
{
    /// <summary>Tiny entries compress extremely well without being bombs; the ratio check starts above this size.</summary>
    public const long RatioCheckMinimumBytes = 64 * 1024;

    /// <summary>Checks the archive in <paramref name="content"/>.</summary>
    public static void Check(byte[] content, ZipLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var stream = new MemoryStream(content, writable: false);
        Check(stream, limits);
    }

    /// <summary>Checks the archive in a seekable stream; the stream is left open.</summary>
    public static void Check(Stream stream, ZipLimits limits)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(limits);
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            Check(zip, limits);
        }
        catch (InvalidDataException ex)
        {
            throw new DocumentParseException(ParseErrorCodes.DocumentCorrupt, "The file is not a valid ZIP archive.", ex);
        }
    }

    /// <summary>Checks an open archive (for callers that go on reading its entries).</summary>
    public static void Check(ZipArchive zip, ZipLimits limits)
    {
        ArgumentNullException.ThrowIfNull(zip);
        ArgumentNullException.ThrowIfNull(limits);
        try
        {
            CheckEntries(zip, limits);
            CheckInflation(zip, limits);
        }
        catch (InvalidDataException ex)
        {
            throw new DocumentParseException(ParseErrorCodes.DocumentCorrupt, "The ZIP archive is damaged.", ex);
        }
    }

    /// <summary>Why an entry name is unsafe to use as a path, or null when it is safe.</summary>
    public static string? UnsafeNameReason(string name, int maxLength = 512)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
            return "an empty name";
        if (name.Length > maxLength)
            return $"a name longer than {maxLength} characters";
        if (name.Contains('\0', StringComparison.Ordinal))
            return "a NUL character";
        if (name.Any(char.IsControl))
            return "a control character";
        var normalized = name.Replace('\\', '/');
        if (normalized[0] == '/' || (normalized.Length >= 2 && char.IsAsciiLetter(normalized[0]) && normalized[1] == ':'))
            return "an absolute path";
        if (normalized.Split('/').Any(segment => segment == ".."))
            return "a '..' segment";
        return null;
    }

    private static void CheckEntries(ZipArchive zip, ZipLimits limits)
    {
        if (zip.Entries.Count > limits.MaxEntries)
            throw TooComplex($"The archive has {zip.Entries.Count} entries; at most {limits.MaxEntries} are allowed.");
        var names = new HashSet<string>(StringComparer.Ordinal);
        long declared = 0;
        for (var i = 0; i < zip.Entries.Count; i++)
        {
            var entry = zip.Entries[i];
            if (UnsafeNameReason(entry.FullName, limits.MaxEntryNameLength) is { } reason)
                throw new DocumentParseException(ParseErrorCodes.DocumentCorrupt, $"Entry {i + 1} of the archive has an unsafe name ({reason}).");
            if (!names.Add(entry.FullName))
                throw new DocumentParseException(ParseErrorCodes.DocumentCorrupt, $"Entry {i + 1} of the archive repeats the name of an earlier entry.");
            declared += entry.Length;
            if (declared > limits.MaxUncompressedBytes)
                throw TooComplex($"The archive expands beyond {limits.MaxUncompressedBytes / (1024 * 1024)} MB.");
            if (entry.Length > RatioCheckMinimumBytes
                && entry.Length > (long)limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                throw TooComplex($"Entry {i + 1} of the archive is compressed suspiciously well (more than {limits.MaxCompressionRatio}:1).");
        }
    }

    // Declared sizes can lie: inflate every entry against the declared size and one hard budget for all.
    private static void CheckInflation(ZipArchive zip, ZipLimits limits)
    {
        var budget = limits.MaxUncompressedBytes;
        var buffer = new byte[81920];
        for (var i = 0; i < zip.Entries.Count; i++)
        {
            var entry = zip.Entries[i];
            using var stream = entry.Open();
            long read = 0;
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                read += n;
                budget -= n;
                if (read > entry.Length || budget < 0)
                    throw TooComplex($"Entry {i + 1} of the archive inflates beyond its declared size.");
            }
        }
    }

    private static DocumentParseException TooComplex(string message) => new(ParseErrorCodes.DocumentTooComplex, message);
}
