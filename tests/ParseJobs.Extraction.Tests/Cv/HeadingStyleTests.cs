using ParseJobs.Extraction.Cv;

namespace ParseJobs.Extraction.Tests.Cv;

/// <summary>Headings read against the document's own heading style and against the entry they stand in (issue 9).</summary>
public sealed class HeadingStyleTests
{
    [Fact]
    public void Split_KeepsAHeadWordTitle_InTheEntry_WhenItFollowsTheEntrysDates()
    {
        var sections = SectionDetector.Split(["Experience", "2019 – 2021", "Technologies", "Support engineer for the sample platform."]);

        var experience = Assert.Single(sections, s => s.Kind == SectionKind.Experience);
        Assert.Contains(experience.Lines, l => l == "Technologies");
        Assert.DoesNotContain(sections, s => s.Kind == SectionKind.Skills);
    }

    [Fact]
    public void Split_OpensTheNextSection_WhenASectionNameFollowsDatesPrintedUnderTheEntry()
    {
        var sections = SectionDetector.Split(["Experience", "Sample Bakery Ltd", "Baker", "Sampleton", "2019 – 2021", "Education", "Sample College"]);

        Assert.Contains(sections, s => s.Kind == SectionKind.Education && s.Lines.Contains("Sample College"));
    }

    [Fact]
    public void Split_ReadsALowerCaseSectionName_AsText_WhenTheDocumentsHeadingsAreCapitalised()
    {
        var sections = SectionDetector.Split(["Experience", "Baker, Sample Bakery", "Jan 2019 – Mar 2021", "Languages", "English",
            "Education", "BA in Sample Studies", "Sample College", "work", "Skills", "Baking"]);

        var education = Assert.Single(sections, s => s.Kind == SectionKind.Education);
        Assert.Contains(education.Lines, l => l == "work");
        Assert.Single(sections, s => s.Kind == SectionKind.Experience);
    }

    [Fact]
    public void Split_KeepsLowerCaseHeadings_WhenTheDocumentPrintsThemAllSo()
    {
        var sections = SectionDetector.Split(["work", "Baker, Sample Bakery", "education", "Sample College", "skills", "Baking"]);

        Assert.Equal([SectionKind.Header, SectionKind.Experience, SectionKind.Education, SectionKind.Skills], sections.Select(s => s.Kind));
    }

    [Fact]
    public void Split_OpensASectionOfItsOwn_ForAnUnknownHeadingInCapitals_AmongHeadingsInCapitals()
    {
        var sections = SectionDetector.Split(["EXPERIENCE", "Baker", "Sample Bakery", "Jan 2019 – Mar 2021", "• Baked bread every morning.",
            "FAVOURITE SAYING", "Bread first, the rest later.", "EDUCATION", "Sample College", "SKILLS", "Baking"]);

        var experience = Assert.Single(sections, s => s.Kind == SectionKind.Experience);
        Assert.DoesNotContain(experience.Lines, l => l == "Bread first, the rest later.");
        Assert.Contains(sections, s => s.Kind == SectionKind.Other && s.Heading == "FAVOURITE SAYING");
    }

    [Fact]
    public void Split_KeepsACompanyInCapitals_InTheEntry_WhenItsDatesFollow()
    {
        var sections = SectionDetector.Split(["EXPERIENCE", "SAMPLE BAKERY LTD", "Baker", "Jan 2019 – Mar 2021", "EDUCATION", "Sample College", "SKILLS", "Baking"]);

        var experience = Assert.Single(sections, s => s.Kind == SectionKind.Experience);
        Assert.Contains(experience.Lines, l => l == "SAMPLE BAKERY LTD");
    }

    [Fact]
    public void WithUnheadedExperience_MovesTheDatedJobs_WhenTheExperienceHeadingIsMissing()
    {
        var sections = SectionDetector.WithUnheadedExperience(SectionDetector.Split(["Sam Sample", "Profile",
            "Baker with ten years at the oven, fond of sourdough and early mornings.",
            "Head Baker, Sample Bakery Ltd, Sampleton.\t03.2020 – 05.2023", "Ran the night shift of six bakers.",
            "Sales Assistant, Sample Shop AG, Sampleton.\t01.2018 – 02.2020", "Education", "Sample College\t2015 – 2017"]));

        var experience = Assert.Single(sections, s => s.Kind == SectionKind.Experience);
        Assert.Equal(3, experience.Lines.Count);
        Assert.Single(Assert.Single(sections, s => s.Kind == SectionKind.Summary).Lines);
    }

    [Fact]
    public void WithUnheadedExperience_LeavesTheSections_WhenAnExperienceSectionExists()
    {
        var sections = SectionDetector.Split(["Sam Sample", "Head Baker, Sample Bakery Ltd\t03.2020 – 05.2023",
            "Sales Assistant, Sample Shop AG\t01.2018 – 02.2020", "Experience", "Clerk, Sample Store Inc.\t2016 – 2017"]);

        Assert.Same(sections, SectionDetector.WithUnheadedExperience(sections));
    }
}
