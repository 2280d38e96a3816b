using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using ParseJobs.Api.Hosting;

namespace ParseJobs.Api.Tests.OpenApi;

/// <summary>The reviewed OpenAPI document (docs/openapi/v1.json) and the C# client generated from it
/// (<see cref="ClientFile"/>), and how to regenerate both.</summary>
public static class CheckedInOpenApi
{
    /// <summary>Set to 1 to rewrite the checked-in document and client from the live host instead of comparing.</summary>
    public const string UpdateVariable = "PARSEJOBS_UPDATE_OPENAPI";

    public const string RegenerateCommand =
        $"{UpdateVariable}=1 dotnet test tests/ParseJobs.Api.Tests -c Release --filter FullyQualifiedName~OpenApi.OpenApiDocumentTests";

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static string RepositoryRoot { get; } = FindRoot();

    public static string DocumentFile => Path.Combine(RepositoryRoot, SwaggerSetup.CheckedInDocumentPath);

    public static string ClientFile => Path.Combine(RepositoryRoot, "tests", "ParseJobs.Api.Tests", "OpenApi", "Generated", "ParseJobsClient.g.cs");

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The document in one canonical text: indented, LF line ends, a final newline.</summary>
    public static string Normalise(string json) => JsonNode.Parse(json)!.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";

    /// <summary>The client NSwag generates from the document, as committed.</summary>
    public static async Task<string> GenerateClientAsync(string documentJson)
    {
        var document = await OpenApiDocument.FromJsonAsync(documentJson);
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "ParseJobsClient",
            GenerateClientInterfaces = false,
            UseBaseUrl = false,
            CSharpGeneratorSettings =
            {
                Namespace = "ParseJobs.Api.Tests.OpenApi.Generated",
                JsonLibrary = NJsonSchema.CodeGeneration.CSharp.CSharpJsonLibrary.SystemTextJson,
            },
        };
        return new CSharpClientGenerator(document, settings).GenerateFile().ReplaceLineEndings("\n");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ParseJobs.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (ParseJobs.sln) is not above the test binaries.");
    }
}
