using ParseJobs.Api.Hosting;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Parsers;
using ParseJobs.Extraction.Cv;

namespace ParseJobs.Api.Cv;

public static class CvSetup
{
    /// <summary>CV parsing (<c>/v1/parse</c>): the job kind. The CV pipeline itself runs where the document is parsed
    /// (the parser child, or <c>ProductMaker</c> in process), not in this host's container.</summary>
    public static IServiceCollection AddCv(this IServiceCollection services)
    {
        // Stored with the wire options: the bytes GET /v1/jobs/{id} embeds are the ones the API always sent.
        services.AddJobKind<CvParseJob, CvProfile>(JobKind.CvParse, k => k
            .OnQueue("parse")
            .WithTimeout<ParsingOptions>(o => TimeSpan.FromSeconds(o.JobTimeoutSeconds))
            .WithResultJson(JsonSetup.Wire)
            .EmbedResultInGetJob());
        return services;
    }
}
