using ParseJobs.Extraction.Cv;

namespace ParseJobs.Extraction.Tests.Cv;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("en", "Professional experience\nSenior Developer at Acme, responsible for the development of payment services and the team.")]
    [InlineData("de", "Berufserfahrung\nSenior Entwickler bei der Acme AG, verantwortlich für die Entwicklung und den Betrieb der Zahlungsdienste. Sprachen: Deutsch (Muttersprache)")]
    [InlineData("fr", "Expérience professionnelle\nDéveloppeur senior chez Acme SA, responsable du développement des services de paiement et de la gestion de l'équipe.")]
    [InlineData("it", "Esperienza professionale\nSviluppatore senior presso Acme SpA, responsabile dello sviluppo dei servizi di pagamento e della gestione del team.")]
    public void Detect_FindsTheLanguage_OfTypicalCvText(string expected, string text)
    {
        var detected = LanguageDetector.Detect(text);

        Assert.Equal(expected, detected.Code);
        Assert.InRange(detected.Confidence, 0.5, 1.0);
    }

    [Fact]
    public void Detect_ReturnsUnknown_WhenTheTextHasNoWordsOfAnyLanguage()
    {
        var detected = LanguageDetector.Detect("Java · Kubernetes · SQL · 2019–2021 · +41 79 123 45 67");

        Assert.Equal(LanguageDetector.Unknown, detected.Code);
        Assert.Equal(0, detected.Confidence);
    }
}
