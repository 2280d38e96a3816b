using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Ats.Pdf;

namespace ParseJobs.Api.Tests.Ats.Pdf;

public sealed class ProfilePdfOptionsTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddProfilePdf(configuration);
        return services.BuildServiceProvider();
    }

    [Theory]
    [InlineData("Ats:Pdf:AccentColor", "red", "#rrggbb")]
    [InlineData("Ats:Pdf:Organisations:acme:AccentColor", "#12345", "Organisations:acme:AccentColor")]
    [InlineData("Ats:Pdf:Language", "xx", "Language")]
    [InlineData("Ats:Pdf:LogoPath", "no-such-logo.png", "LogoPath")]
    [InlineData("Ats:Pdf:ChromiumPath", "no-such-chromium", "ChromiumPath")]
    [InlineData("Ats:Pdf:MaxConcurrentRenders", "0", "MaxConcurrentRenders")]
    public void Options_FailValidation_WhenASettingIsInvalid(string key, string value, string expected)
    {
        using var services = Services(new(StringComparer.Ordinal) { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ProfilePdfOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_FailValidation_WhenTheLogoIsLargerThanTheCap()
    {
        var logo = Path.Combine(Directory.CreateTempSubdirectory("profile-logo-").FullName, "logo.png");
        File.WriteAllBytes(logo, new byte[3 * 1024]);
        using var services = Services(new(StringComparer.Ordinal) { ["Ats:Pdf:LogoPath"] = logo, ["Ats:Pdf:MaxLogoKb"] = "2" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ProfilePdfOptions>>().Value);

        Assert.Contains("MaxLogoKb", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BrandingFor_TakesTheOrganisationsOverride_ById_ThenBySlug_OverTheDefaults()
    {
        var id = Guid.NewGuid();
        using var services = Services(new(StringComparer.Ordinal)
        {
            ["Ats:Pdf:AccentColor"] = "#111111",
            ["Ats:Pdf:FooterText"] = "Default footer",
            [$"Ats:Pdf:Organisations:{id}:AccentColor"] = "#222222",
            ["Ats:Pdf:Organisations:acme:FooterText"] = "Acme footer",
            ["Ats:Pdf:Organisations:acme:Language"] = "fr",
        });
        var options = services.GetRequiredService<IOptions<ProfilePdfOptions>>().Value;

        var byId = options.BrandingFor(id, "other");
        var bySlug = options.BrandingFor(Guid.NewGuid(), "ACME");
        var none = options.BrandingFor(Guid.NewGuid(), null);

        Assert.Equal(("#222222", "Default footer", "en"), (byId.AccentColor, byId.FooterText, byId.Language));
        Assert.Equal(("#111111", "Acme footer", "fr"), (bySlug.AccentColor, bySlug.FooterText, bySlug.Language));
        Assert.Equal(("#111111", "Default footer"), (none.AccentColor, none.FooterText));
    }

    [Fact]
    public async Task AddProfilePdf_RegistersOneRenderer_ThatTheContainerDisposes()
    {
        var services = Services(new(StringComparer.Ordinal));

        var renderer = services.GetRequiredService<IProfilePdfRenderer>();

        Assert.Same(renderer, services.GetRequiredService<IProfilePdfRenderer>());
        var chromium = Assert.IsType<ChromiumProfilePdfRenderer>(renderer);
        Assert.Equal(0, chromium.Browser.Launches); // lazily: nothing rendered, no browser
        await services.DisposeAsync();
    }
}
