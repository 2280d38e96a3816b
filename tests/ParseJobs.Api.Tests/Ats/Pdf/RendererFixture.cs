using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Ats.Pdf;

namespace ParseJobs.Api.Tests.Ats.Pdf;

/// <summary>One renderer (one Chromium) for a test class, as a process has one.</summary>
public sealed class RendererFixture : IAsyncLifetime
{
    internal ChromiumProfilePdfRenderer Renderer { get; } = Create(new ProfilePdfOptions { Language = "de", AccentColor = "#8a1538" });

    /// <summary>Where the tests leave the PNG of a first page (a temp folder, never the repository).</summary>
    public string Artifacts { get; } = Directory.CreateTempSubdirectory("profile-pdf-").FullName;

    internal static ChromiumProfilePdfRenderer Create(ProfilePdfOptions options, ILoggerFactory? loggers = null) =>
        new(Options.Create(options), loggers ?? NullLoggerFactory.Instance);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Renderer.DisposeAsync();
}
