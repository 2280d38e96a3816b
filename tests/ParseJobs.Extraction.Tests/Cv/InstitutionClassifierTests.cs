using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Tests.Cv;

public sealed class InstitutionClassifierTests
{
    [Theory]
    [InlineData("ETH Zürich", "master", "university")]
    [InlineData("Università degli Studi di Milano", "", "university")]
    [InlineData("King's College London", "doctorate", "university")]
    [InlineData("Berner Fachhochschule", "bachelor", "university_of_applied_sciences")]
    [InlineData("ZHAW Zürcher Hochschule für Angewandte Wissenschaften", "bachelor", "university_of_applied_sciences")]
    [InlineData("Haute école de gestion de Genève", "bachelor", "university_of_applied_sciences")]
    [InlineData("Gewerblich-industrielle Berufsschule Bern", "apprenticeship", "vocational_school")]
    [InlineData("Kantonsschule Zug", "baccalaureate", "school")]
    [InlineData("Liceo scientifico Galileo Galilei", "", "school")]
    [InlineData("Acme Training GmbH", "", "")]
    public void Classify_NamesTheKindOfSchool_FromItsName(string institution, string degreeLevel, string expected) =>
        Assert.Equal(expected, InstitutionClassifier.Classify(institution, degreeLevel));

    [Theory]
    [InlineData("Polymechaniker EFZ", "apprenticeship", "vocational_school")]
    [InlineData("Matura (Schwerpunkt Physik)", "baccalaureate", "school")]
    [InlineData("Diplôme d'ingénieur en Génie mécanique", "master", "university")]
    [InlineData("Laurea magistrale in Economia aziendale", "master", "university")]
    [InlineData("Dipl. Techniker HF", "diploma", "")]
    public void Extract_ClassifiesDegreeAndSchool_WhenTheNameAloneDoesNotTell(string degree, string level, string type)
    {
        string[] lines = ["Jane Doe", "jane@example.com", "Education", "09.2010 – 06.2013", degree, "Acme Institut Nord"];
        var document = new ExtractedDocument(DocumentType.Txt, [new ExtractedPage(1, string.Join('\n', lines))]);

        var education = Assert.Single(new CvExtractor().Extract(document).Education);

        Assert.Equal(level, education.DegreeLevel);
        Assert.Equal(type, education.InstitutionType);
    }
}
