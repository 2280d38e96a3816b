using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Tests.Cv;

/// <summary>Labelled personal fields, contact details anywhere in the header block, and the phone region taken
/// from the document (issue 9); each case a small synthetic CV.</summary>
public sealed class PersonalInfoReaderTests
{
    private static PersonalInfo Read(params string[] lines) =>
        new CvExtractor().Extract(new ExtractedDocument(DocumentType.Pdf, [new ExtractedPage(1, string.Join('\n', lines))])).PersonalInfo;

    [Fact]
    public void Fill_ReadsTheName_WhenPrintedInALabelledTableCell()
    {
        var info = Read("Lebenslauf", "Persönliche Daten", "Name\tFlorence Gasser", "Geburtsdatum\t12.03.1990", "E-Mail\tflorence.gasser@example.ch");

        Assert.Equal("Florence Gasser", info.FullName);
        Assert.Equal("1990-03-12", info.BirthDate);
    }

    [Fact]
    public void Fill_JoinsFirstNameAndSurname_WhenPrintedInTwoLabelledFields()
    {
        var info = Read("Persönliche Daten", "Name\tMustermann", "Vorname\tMax", "Anschrift\tMusterstr. 99", "80331 München", "Telefon\t+49 89 1234567");

        Assert.Equal("Max Mustermann", info.FullName);
        Assert.Equal(("Musterstr. 99", "80331", "München"), (info.StreetAndNumber, info.PostalCode, info.City));
    }

    [Theory]
    [InlineData("Geboren\t5. September 1990 in Köln", "1990-09-05")]
    [InlineData("geb. 12.03.1988 in Bern", "1988-03-12")]
    [InlineData("Née le 3 mars 1992 à Lyon", "1992-03-03")]
    [InlineData("Nato il 19/05/1996 a Palermo", "1996-05-19")]
    [InlineData("Date of birth: March 4, 1985", "1985-03-04")]
    [InlineData("+39 320 4854761\t19/05/1996\tItaly", "1996-05-19")]
    [InlineData("Geburtsdatum 01.09.1997 | Staatsangehörigkeit Deutschland", "1997-09-01")]
    [InlineData("Date de naissance 16/10/1990 | Nationalité France", "1990-10-16")]
    [InlineData("Data di nascita 04/04/1995 | Nazionalità Svizzera", "1995-04-04")]
    [InlineData("M 077 473 93 79\t•\tE anna.rossi@example.com\t•\tGeburtsdatum: 02.07.1997", "1997-07-02")]
    [InlineData("Birth date 1995-03-26", "1995-03-26")]
    public void Fill_ReadsTheBirthDate_InItsCommonForms(string line, string expected) =>
        Assert.Equal(expected, Read("Anna Rossi", "anna.rossi@example.com", line).BirthDate);

    [Fact]
    public void Fill_DropsTheAcademicTitle_FromTheName() => Assert.Equal("Max Mustermann", Read("Dr. Max Mustermann", "max@example.de").FullName);

    [Fact]
    public void Fill_ReadsCityStateAndPhone_WhenTheyShareAContactLine()
    {
        var info = Read("Jordan Lee", "Seattle, WA | 206-555-0149 | jordan.lee@example.com");

        Assert.Equal(("Seattle", "WA"), (info.City, info.State));
        Assert.Equal("+12065550149", info.MobilePhone);
    }

    [Fact]
    public void Fill_ReadsThePhone_WhenItStandsInALongLineWithTheEmail()
    {
        var info = Read("John Doe", "john.doe@example.com +1 (415) 555-0142 San Francisco, CA linkedin.com/in/johndoe");

        Assert.Equal("+14155550142", info.MobilePhone);
        Assert.Equal(("San Francisco", "CA"), (info.City, info.State));
    }

    [Fact]
    public void Fill_TakesTheUsRegion_ForANorthAmericanNumberInAnEnglishCv()
    {
        var info = Read("John Smith", "Email: john.smith@example.com", "Phone: (555) 123-4567", "Location: San Francisco, CA");

        Assert.Equal("+15551234567", info.MobilePhone);
        Assert.Equal("San Francisco", info.City);
    }

    [Fact]
    public void Fill_SplitsContactPieces_OnEmDashes()
    {
        var info = Read("John Doe", "123 Main St, Springfield, IL — (217) 555-0101 — john.doe@example.com");

        Assert.Equal("+12175550101", info.MobilePhone);
        Assert.Equal(("Springfield", "IL", "123 Main St"), (info.City, info.State, info.StreetAndNumber));
    }

    [Fact]
    public void Fill_ReadsTheCandidate_NotTheCoverLettersRecipient()
    {
        var info = Read(
            "Max Mustermann", "Petra Beispiel", "Beispielweg 1", "10115 Berlin", "Sehr geehrte Frau Beispiel,",
            "hiermit bewerbe ich mich um die ausgeschriebene Stelle als Projektleiter in Ihrem Unternehmen.",
            "Mit freundlichen Grüssen", "Max Mustermann", "Lebenslauf", "Max Mustermann", "Musterstr. 99, 80331 München", "max@example.de");

        Assert.Equal("Max Mustermann", info.FullName);
        Assert.Equal("München", info.City);
    }

    [Theory]
    [InlineData("LinkedIn: /in/florence-gasser")]
    [InlineData("LinkedIn: in/florence-gasser")]
    [InlineData("LinkedIn: florence-gasser")]
    [InlineData("florence.gasser@example.ch | /in/florence-gasser")]
    public void Fill_ReadsAPrintedLinkedInHandle_WithoutTheHost(string line) =>
        Assert.Equal("https://www.linkedin.com/in/florence-gasser", Read("Florence Gasser", "florence.gasser@example.ch", line).LinkedIn);

    [Theory]
    [InlineData("Nom\tScholastique Muller")]
    [InlineData("Nome\tScholastique Muller")]
    [InlineData("ANGABEN ZUR PERSON\tScholastique Muller")]
    public void Fill_ReadsTheName_FromALabelThatHoldsTheWholeName(string line) =>
        Assert.Equal("Scholastique Muller", Read("Curriculum vitae", "État civil", line, "Courriel\tmuller.scholastique96@sfr.fr").FullName);

    [Fact]
    public void Fill_TakesTheNameTheEmailSpells_WhenASidebarIsReadBeforeIt()
    {
        var info = Read("CONTACT", "6 Hartmann Mount", "roberts.herminia53@hotmail.co.uk", "COMPETENCIES", "OUTSIDE WORK", "Sage 50", "DATEV",
            "Herminia Roberts", "Procurement Manager", "Experience", "Procurement Manager, Acme Ltd", "01/2020 - Present");

        Assert.Equal("Herminia Roberts", info.FullName);
    }

    [Fact]
    public void Fill_ReadsTheName_BeforeAPipeAndTheJobTitle()
    {
        var info = Read("Noble Schimmel | Embedded", "Software Engineer", "M (503) 555-0151 • E nschimmel@aol.com");

        Assert.Equal("Noble Schimmel", info.FullName);
    }

    [Fact]
    public void Fill_DropsAHeadingInCapitals_ReadIntoTheNamesLine()
    {
        var info = Read("PERSONAL Ursula Stoltenberg", "ursula.stoltenberg@example.com");

        Assert.Equal("Ursula Stoltenberg", info.FullName);
    }

    [Theory]
    [InlineData("Atlanta | +1 503 555 0184 | jess.altenwerth@proton.me", "Atlanta", "")]
    [InlineData("Regensburg, BY 93047 DE", "Regensburg", "BY")]
    [InlineData("Oxford, England OX1 2JD GB", "Oxford", "England")]
    [InlineData("Leeds, England, GB", "Leeds", "England")]
    public void Fill_ReadsTheCity_FromTheShapesOfContactLines(string line, string city, string state)
    {
        var info = Read("Jess Altenwerth", "jess.altenwerth@proton.me", line);

        Assert.Equal((city, state), (info.City, info.State));
    }

    [Fact]
    public void Fill_TakesNoCity_FromTheNamePrintedInAContactLine()
    {
        var info = Read("Emanuele Seminara", "seminara.emanuele96@gmail.com\tEmanuele Seminara\tEmanueleSeminara");

        Assert.Equal("", info.City);
    }

    [Fact]
    public void Fill_TakesThePhonesRegionFromAnotherNumber_WhenTheCvIsInEnglish()
    {
        // In a British reading "079 123 45 67" is a UK mobile; the Swiss office number says where the CV is from.
        var info = Read("Anna Rossi", "anna.rossi@example.com", "Home: +41 44 668 18 00", "Mobile: 079 123 45 67");

        Assert.Equal("+41791234567", info.MobilePhone);
    }

    [Fact]
    public void Read_FindsPhoneAndCity_InAContactBlockReadIntoAnEntry()
    {
        var info = Read("Florine Corwin", "Experience", "Senior Analyst", "Acme Inc", "2019 - 2021", "· Cut release time from days to 4 hours.",
            "+1 404 555 0142", "florine.corwin@example.com", "Portland, OR, US", "· Wrote the operating handbook.");

        Assert.Equal(("+14045550142", "Portland"), (info.MobilePhone, info.City));
    }

    [Fact]
    public void Read_TakesNoPhone_FromEntryLines_WhenTheEmailIsInTheHeader()
    {
        var info = Read("Florine Corwin", "florine.corwin@example.com", "Experience", "Senior Analyst", "Acme Inc", "2019 - 2021",
            "+1 404 555 0142", "· Wrote the operating handbook.");

        Assert.Equal("", info.MobilePhone);
    }

    [Fact]
    public void Read_SplitsAnAddress_WhosePostcodeIsACommaPieceOfItsOwn()
    {
        var info = Read("Ecrin Frohn", "Embedded Software Engineer", "Hemmelrather Weg 25, 53111, Bonn (DE), NW", "ecrin.frohn@mail.de", "+49 177 6465444");

        Assert.Equal(("Hemmelrather Weg 25", "53111", "Bonn", "DE", "NW"), (info.StreetAndNumber, info.PostalCode, info.City, info.Country, info.State));
    }
}
