using ParseJobs.Api.Ats.Projects;
using ParseJobs.Api.Ats.Projects.ReadModel;

namespace ParseJobs.Api.Tests.Ats.Projects;

public sealed class ProfileFileNamesTests
{
    [Theory]
    [InlineData("Sara Forconi", false, "Profile - Sara Forconi.pdf")]
    [InlineData("Sara Forconi", true, "Candidate 3.pdf")]
    [InlineData("Jürg Müller-Weiß", false, "Profile - Jürg Müller-Weiß.pdf")]
    [InlineData("..\\..\\Windows\\system32", false, "Profile - Windows system32.pdf")]
    [InlineData("a\"b<c>d|e?f*g:h;i%j", false, "Profile - a b c d e f g h i j.pdf")]
    [InlineData("  Line\r\nbreak\tand\u0000nul\u202Eevil  ", false, "Profile - Line break and nul evil.pdf")]
    [InlineData("???", false, "Profile - profile.pdf")]
    [InlineData(null, false, "Profile - Candidate 3.pdf")]
    public void For_MakesNamesFromCvsSafe(string? name, bool anonymised, string expected)
    {
        var candidate = new CandidateView(Guid.NewGuid(), Guid.NewGuid(), 2, "1003", CandidateStatus.Ready, null, name, null, null);

        Assert.Equal(expected, ProfileFileNames.For(candidate, anonymised));
    }

    [Fact]
    public void Safe_BoundsTheLength()
    {
        Assert.Equal(120, ProfileFileNames.Safe(new string('x', 1000)).Length);
    }

    [Fact]
    public void UniqueNames_NumberRepeatsCaseInsensitively()
    {
        var names = new ProfileFileNames.UniqueNames();

        Assert.Equal(["a.pdf", "A (2).pdf", "a (3).pdf", "b.pdf"], new[] { "a.pdf", "A.pdf", "a.pdf", "b.pdf" }.Select(names.Claim), StringComparer.Ordinal);
    }
}
