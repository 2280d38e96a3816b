using ParseJobs.Extraction.Cv;

namespace ParseJobs.Extraction.Tests.Cv;

/// <summary>Date columns that print the parts of one range on lines of their own (issue 9): month names over or under
/// the years, "seit" over its year, the end year under the entry's title.</summary>
public sealed class StackedDatesTests
{
    [Theory]
    [InlineData(new[] { "2016 – 2019", "März", "Juli", "Sachbearbeiter", "Muster AG" }, "03.2016", "07.2019")]
    [InlineData(new[] { "2011 - 2014", "September", "June", "Sample Institute of Design" }, "09.2011", "06.2014")]
    [InlineData(new[] { "2020 – 2020", "Januar", "Aushilfe", "Beispiel GmbH" }, "01.2020", "01.2020")]
    [InlineData(new[] { "2013 – 2015", "Oktober", "Werkstudent", "Beispiel GmbH" }, "10.2013", "2015")]
    [InlineData(new[] { "Oktober\tDezember", "2018 – 2018\tHochschule Beispielstadt" }, "10.2018", "12.2018")]
    [InlineData(new[] { "2019 – heute\tMuster AG", "April", "Projektleiterin" }, "04.2019", "")]
    [InlineData(new[] { "seit", "2021", "Mai", "Beispiel GmbH", "Entwickler" }, "05.2021", "")]
    [InlineData(new[] { "2014\tUniversity of Sampleton", "Bachelor of Arts", "2017" }, "2014", "2017")]
    public void Parse_JoinsTheStackedPartsIntoOneRange(string[] lines, string start, string end)
    {
        var entry = Assert.Single(EntryParser.Parse(lines));

        Assert.Equal((start, end), (entry.Dates?.Start, entry.Dates?.End));
        Assert.DoesNotContain(entry.Headers, h => DateRangeParser.MonthNumber(h) is not null || h.All(char.IsDigit));
    }

    [Fact]
    public void Join_KeepsAStartYearAlone_WhenTheNextEntrysYearComesBeforeAnEndYear()
    {
        var lines = StackedDates.Join(["2012\tSample College", "Diploma in Design", "2009\tSampleton High School", "Matura", "2012"]);

        Assert.Equal(["2012\tSample College", "Diploma in Design", "2009 – 2012\tSampleton High School", "Matura"], lines);
    }

    [Fact]
    public void Parse_LeavesAMonthNamedTitle_WhenNoBareYearsStandBesideIt()
    {
        var entry = Assert.Single(EntryParser.Parse(["Jan 2019 – Mar 2021", "May", "Sample Records"]));

        Assert.Equal(("01.2019", "03.2021"), (entry.Dates?.Start, entry.Dates?.End));
        Assert.Contains(entry.Headers, l => l == "May");
    }

    [Theory]
    [InlineData("Page 2 of 3", true)]
    [InlineData("Lebenslauf Seite 1/3", true)]
    [InlineData("pagina 2 di 4", true)]
    [InlineData("Curriculum vitae – page 1 sur 2", false)]
    [InlineData("Pages 2019 – 2021", false)]
    [InlineData("Page Designer", false)]
    [InlineData("Sam Sample – 2/3", true)]
    [InlineData("Sam Sample – 4/3", false)]
    [InlineData("Sales – 3/4 of the region", false)]
    public void IsPageNumber_TellsPageHeadersAndFooters(string line, bool expected) =>
        Assert.Equal(expected, CvText.IsPageNumber(line));
}
