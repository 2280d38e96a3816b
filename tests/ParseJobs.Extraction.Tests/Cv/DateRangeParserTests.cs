using ParseJobs.Extraction.Cv;

namespace ParseJobs.Extraction.Tests.Cv;

public sealed class DateRangeParserTests
{
    [Theory]
    [InlineData("01/2020 – 03/2022", "01.2020", "03.2022")]
    [InlineData("Jan 2020 - Mar 2022", "01.2020", "03.2022")]
    [InlineData("2019–2021", "2019", "2021")]
    [InlineData("seit 2021", "2021", "")]
    [InlineData("seit 03.2021", "03.2021", "")]
    [InlineData("März 2020 bis heute", "03.2020", "")]
    [InlineData("09.2012 – aujourd'hui", "09.2012", "")]
    [InlineData("settembre 2019 – oggi", "09.2019", "")]
    [InlineData("Sep 2021 – Present", "09.2021", "")]
    [InlineData("octobre 2021 – janvier 2025", "10.2021", "01.2025")]
    public void Find_ReturnsNormalisedRange_WhenLineHoldsARange(string line, string start, string end)
    {
        var range = DateRangeParser.Find(line);

        Assert.NotNull(range);
        Assert.Equal(start, range.Start);
        Assert.Equal(end, range.End);
    }

    [Theory]
    [InlineData("+41 79 123 45 67")]
    [InlineData("Led a team of 12 people.")]
    public void Find_ReturnsNull_WhenLineHoldsNoRange(string line) => Assert.Null(DateRangeParser.Find(line));
}
