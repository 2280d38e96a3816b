using ParseJobs.Api.Jobs;
using ParseJobs.Api.Parsers;
using ParseJobs.Extraction.Documents.Rendering;

namespace ParseJobs.Api.Documents;

public static class DocumentsSetup
{
    /// <summary>Document layout (<c>/v1/documents</c>): options and the job kind.</summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddOptions<DocumentParseOptions>().BindConfiguration(DocumentParseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddJobKind<DocumentParseJob, DocumentParseResult>(JobKind.DocumentParse, k => k
            .OnQueue("parse")
            .WithTimeout<ParsingOptions>(o => TimeSpan.FromSeconds(o.JobTimeoutSeconds))
            .EmbedResultInGetJob());
        return services;
    }
}
