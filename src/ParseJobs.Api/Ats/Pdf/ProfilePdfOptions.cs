using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ParseJobs.Api.Ats.Pdf;

/// <summary>The candidate profile PDF (<c>Ats:Pdf</c>): the Chromium that prints it, its limits, and the agency's
/// branding, with per-organisation overrides.</summary>
public sealed class ProfilePdfOptions
{
    public const string Section = "Ats:Pdf";

    /// <summary>Chromium or Chrome to drive; empty: /usr/bin/chromium, then the other usual install paths. Never downloaded.</summary>
    public string? ChromiumPath { get; init; }

    /// <summary>Time limit of one render (HTML to PDF bytes); past it the render fails as transient.</summary>
    [Range(0.001, 600)] public double RenderTimeoutSeconds { get; init; } = 30;

    /// <summary>Renders at once (pages open in the one browser); the others wait their turn.</summary>
    [Range(1, 64)] public int MaxConcurrentRenders { get; init; } = 2;

    /// <summary>Largest logo file, in KB: it is embedded in every PDF.</summary>
    [Range(1, 4_096)] public int MaxLogoKb { get; init; } = 512;

    /// <summary>Accent colour of the name, headings and rules, <c>#rrggbb</c>.</summary>
    public string AccentColor { get; init; } = "#1f4e79";

    /// <summary>A PNG, JPEG, SVG or WebP file (or a data:image/…;base64 URI) shown in the header; read once, embedded as a data: URI.</summary>
    public string? LogoPath { get; init; }

    /// <summary>Text left of the page number in every page's footer (for instance the agency's address).</summary>
    public string? FooterText { get; init; }

    /// <summary>Language of the headings, level words and page numbers: en, de, fr or it.</summary>
    public string Language { get; init; } = "en";

    /// <summary>Branding overrides keyed by organisation slug or id; unset values fall back to the ones above.</summary>
    public Dictionary<string, ProfilePdfBranding> Organisations { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The branding of an organisation: its override (by id, then slug) over the defaults.</summary>
    public ProfilePdfBranding BrandingFor(Guid organisationId, string? organisationSlug)
    {
        var own = Organisations.GetValueOrDefault(organisationId.ToString())
            ?? (string.IsNullOrEmpty(organisationSlug) ? null : Organisations.GetValueOrDefault(organisationSlug));
        return new ProfilePdfBranding
        {
            AccentColor = own?.AccentColor ?? AccentColor,
            LogoPath = own?.LogoPath ?? LogoPath,
            FooterText = own?.FooterText ?? FooterText,
            Language = own?.Language ?? Language,
        };
    }

    public TimeSpan RenderTimeout => TimeSpan.FromSeconds(RenderTimeoutSeconds);
}

/// <summary>How an agency's PDFs look (<c>Ats:Pdf:Organisations:{slug or id}</c>); an unset value is the default's.</summary>
public sealed class ProfilePdfBranding
{
    public string? AccentColor { get; init; }

    public string? LogoPath { get; init; }

    public string? FooterText { get; init; }

    public string? Language { get; init; }
}

/// <summary>What data annotations cannot say: colours, languages, and that a logo exists and is small enough.</summary>
internal sealed partial class ProfilePdfOptionsValidator : IValidateOptions<ProfilePdfOptions>
{
    public ValidateOptionsResult Validate(string? name, ProfilePdfOptions options)
    {
        var errors = new List<string>();
        Check(options.BrandingFor(Guid.Empty, organisationSlug: null), ProfilePdfOptions.Section, options.MaxLogoKb, errors);
        foreach (var (key, branding) in options.Organisations)
        {
            Check(branding, $"{ProfilePdfOptions.Section}:Organisations:{key}", options.MaxLogoKb, errors);
        }

        if (!string.IsNullOrEmpty(options.ChromiumPath) && !File.Exists(options.ChromiumPath))
        {
            errors.Add($"{ProfilePdfOptions.Section}:ChromiumPath: no file at the configured path.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(ProfilePdfBranding branding, string path, int maxLogoKb, List<string> errors)
    {
        if (branding.AccentColor is { } color && !HexColor().IsMatch(color))
        {
            errors.Add($"{path}:AccentColor must be #rrggbb, not '{color}'.");
        }

        if (branding.Language is { } language && !ProfileLabels.IsKnown(language))
        {
            errors.Add($"{path}:Language must be one of {string.Join(", ", ProfileLabels.Known)}, not '{language}'.");
        }

        if (branding.LogoPath is { } data && LogoImage.IsDataUri(data))
        {
            if (!data.Contains(";base64,", StringComparison.Ordinal) || data.Length > (maxLogoKb * 1024 / 3 * 4) + 100)
            {
                errors.Add($"{path}:LogoPath: a data URI logo is data:image/TYPE;base64,… of at most MaxLogoKb ({maxLogoKb}).");
            }
        }
        else if (!string.IsNullOrEmpty(branding.LogoPath))
        {
            var file = new FileInfo(branding.LogoPath);
            if (!file.Exists)
            {
                errors.Add($"{path}:LogoPath: no file at the configured path.");
            }
            else if (file.Length > maxLogoKb * 1024L)
            {
                errors.Add($"{path}:LogoPath: the logo has {file.Length / 1024} KB, more than MaxLogoKb ({maxLogoKb}).");
            }
            else if (LogoImage.ContentType(file.Name) is null)
            {
                errors.Add($"{path}:LogoPath: a logo is a .png, .jpg, .svg or .webp file.");
            }
        }
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex HexColor();
}
