using System.Collections.Concurrent;

namespace ParseJobs.Api.Ats.Pdf;

/// <summary>The agency's logo as a data: URI, read once per path: the page loads nothing from disk or network, and a
/// render does no file I/O. <c>LogoPath</c> is a file, or already a <c>data:image/…;base64,</c> URI.</summary>
internal sealed class LogoImage
{
    private readonly ConcurrentDictionary<string, Lazy<string>> _byPath = new(StringComparer.Ordinal);
    private readonly int _maxBytes;

    public LogoImage(int maxLogoKb) => _maxBytes = maxLogoKb * 1024;

    public static string? ContentType(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".svg" => "image/svg+xml",
        ".webp" => "image/webp",
        _ => null,
    };

    public static bool IsDataUri(string value) => value.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The data: URI, or null without a logo. Throws <see cref="ProfilePdfException"/> (not transient) for a
    /// logo that is missing or too large now (the options were validated at start-up; a file can change since).</summary>
    public string? DataUri(string? logoPath)
    {
        if (string.IsNullOrEmpty(logoPath))
        {
            return null;
        }

        return _byPath.GetOrAdd(logoPath, path => new Lazy<string>(() => Read(path))).Value;
    }

    private string Read(string path)
    {
        if (IsDataUri(path))
        {
            // Base64 is 4/3 of the bytes it carries.
            return path.Length <= (_maxBytes / 3 * 4) + 100 ? path
                : throw new ProfilePdfException($"The configured logo is larger than {_maxBytes / 1024} KB.", isTransient: false);
        }

        var type = ContentType(path) ?? throw new ProfilePdfException("The configured logo is not a .png, .jpg, .svg or .webp file.", isTransient: false);
        var file = new FileInfo(path);
        if (!file.Exists || file.Length > _maxBytes)
        {
            throw new ProfilePdfException($"The configured logo is missing or larger than {_maxBytes / 1024} KB.", isTransient: false);
        }

        return $"data:{type};base64,{Convert.ToBase64String(File.ReadAllBytes(path))}";
    }
}
