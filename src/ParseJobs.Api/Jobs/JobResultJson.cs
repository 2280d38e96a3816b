using System.Text.Json;
using ParseJobs.Api.Documents;
using ParseJobs.Api.Hosting;
using ParseJobs.Extraction.Cv;

namespace ParseJobs.Api.Jobs;

public static class JobResultJson
{
    /// <summary>
    /// The stored jsonb of a job's result back to its model. Through the model, not the stored text: jsonb does not
    /// keep key order, and clients read the contract's order.
    /// </summary>
    public static object Read(JobKind kind, string json) => kind switch
    {
        JobKind.CvParse => JsonSerializer.Deserialize<CvProfile>(json)!,
        JobKind.DocumentParse => JsonSerializer.Deserialize<DocumentParseResult>(json, JsonSetup.Wire)!,
        _ => throw new InvalidOperationException($"No result model for kind {kind}."),
    };
}
