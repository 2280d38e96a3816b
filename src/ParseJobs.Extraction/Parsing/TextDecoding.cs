using System.Text;
using System.Text.Unicode;

namespace ParseJobs.Extraction.Parsing;

/// <summary>Plain-text decoding: UTF-8 (with or without BOM), UTF-16 with BOM, otherwise Windows-1252.</summary>
public static class TextDecoding
{
    private static readonly Lazy<Encoding> Windows1252 = new(CreateWindows1252);

    /// <summary>Decodes text bytes, choosing the encoding from a BOM or from UTF-8 validity.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return Encoding.UTF8.GetString(bytes[3..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return Encoding.Unicode.GetString(bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        if (Utf8.IsValid(bytes))
            return Encoding.UTF8.GetString(bytes);
        return Windows1252.Value.GetString(bytes);
    }

    private static Encoding CreateWindows1252()
    {
        // System.Text.Encoding.CodePages ships in the shared framework; registering is idempotent.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        try
        {
            return Encoding.GetEncoding(1252);
        }
        catch (NotSupportedException)
        {
            return Encoding.Latin1;
        }
    }
}
