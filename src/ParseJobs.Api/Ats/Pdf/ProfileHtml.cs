using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;

namespace ParseJobs.Api.Ats.Pdf;

/// <summary>The profile page as HTML: the embedded Liquid template and stylesheet rendered with Fluid, every value
/// HTML-encoded, so that CV text (a "&lt;script&gt;" in a description) is printed as text, never parsed as markup.</summary>
internal sealed class ProfileHtml
{
    private const string ResourcePrefix = "ParseJobs.Api.Ats.Pdf.Template.";

    // Non-ASCII letters stay as they are (readable, smaller); <, >, &, quotes are encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    // The model is our own records (ProfileView): the template may read any of their members. Fluid 2.x, because the
    // OpenAPI client generator of the tests (NJsonSchema) binds to it.
    private static readonly TemplateOptions Options = new() { MemberAccessStrategy = UnsafeMemberAccessStrategy.Instance };

    private readonly IFluidTemplate _template;

    public ProfileHtml()
    {
        var parser = new FluidParser();
        Css = Resource("profile.css");
        _template = parser.Parse(Resource("profile.liquid"));
    }

    /// <summary>The stylesheet, inlined into every page (the page loads nothing).</summary>
    public string Css { get; }

    public async Task<string> RenderAsync(ProfileView view)
    {
        var context = new TemplateContext(view, Options);
        return await _template.RenderAsync(context, Encoder);
    }

    /// <summary>Chromium's footer: the agency, its footer text, and "Page 1 / 2". It is a separate document that
    /// Chromium fills in (pageNumber, totalPages); its text is encoded here by hand.</summary>
    public static string Footer(string organisationName, string? footerText, ProfileLabels labels, string accentColor)
    {
        var left = string.Join(" · ", new[] { organisationName, footerText ?? "" }.Where(s => s.Trim().Length > 0).Select(s => Encoder.Encode(s.Trim())));
        return $"""
            <div style="width:100%;margin:0 15mm;display:flex;justify-content:space-between;font-family:'Liberation Sans','DejaVu Sans',sans-serif;font-size:7.5pt;color:#6b7079;border-top:0.6pt solid #d5d9de;padding-top:2mm;-webkit-print-color-adjust:exact;">
            <span>{left}</span><span><span style="color:{accentColor}">{Encoder.Encode(labels.Page)}</span> <span class="pageNumber"></span> / <span class="totalPages"></span></span>
            </div>
            """;
    }

    private static string Resource(string name)
    {
        using var stream = typeof(ProfileHtml).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"The embedded resource {ResourcePrefix}{name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
