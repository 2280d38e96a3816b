using System.Reflection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using ParseJobs.Api.Auth;
using Swashbuckle.AspNetCore.SwaggerGen;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace ParseJobs.Api.Hosting;

public static class SwaggerSetup
{
    public const string BearerScheme = "bearer";
    public const string HeaderScheme = "api_key";

    /// <summary>Where the reviewed OpenAPI document lives in the repository (a test keeps it equal to the live one).</summary>
    public const string CheckedInDocumentPath = "docs/openapi/v1.json";

    public static IServiceCollection AddParseJobsSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();

        // The document describes what the wire sends: the application's JSON options (snake_case, string enums).
        services.AddTransient<ISerializerDataContractResolver>(sp =>
            new JsonSerializerDataContractResolver(sp.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions));
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "ParseJobs API",
                Version = "v1",
                Description = "Upload recruiting and HR documents, poll their jobs, fetch structured results. " +
                              "Authenticate with an API key (sk_live_…): click Authorize and paste it into either box.",
            });
            o.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "Authorization: Bearer sk_live_…",
            });
            o.AddSecurityDefinition(HeaderScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.HeaderName,
                Description = "X-API-Key: sk_live_… (alternative to the bearer header)",
            });

            // Two requirements are alternatives: Swagger UI sends whichever scheme was filled in.
            o.AddSecurityRequirement(document => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });
            o.AddSecurityRequirement(document => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(HeaderScheme, document)] = [] });
            o.SupportNonNullableReferenceTypes();
            o.OperationFilter<ProblemResponsesFilter>();
            o.OperationFilter<FormFieldsFilter>();
            o.SchemaFilter<JobResultSchemaFilter>();
            // The wire models live in both assemblies (CvProfile and CvParseMeta in Extraction): both summaries count.
            foreach (var assembly in new[] { Assembly.GetExecutingAssembly(), typeof(ParseJobs.Extraction.Cv.CvProfile).Assembly })
            {
                var xml = Path.Combine(AppContext.BaseDirectory, $"{assembly.GetName().Name}.xml");
                if (File.Exists(xml))
                {
                    o.IncludeXmlComments(xml);
                }
            }
        });
        return services;
    }

    public static WebApplication UseParseJobsSwagger(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/swagger/v1/swagger.json", "ParseJobs API v1");
            o.DocumentTitle = "ParseJobs API";
            // No EnablePersistAuthorization: it keeps the pasted key in localStorage, readable by any script on the origin.
        });
        return app;
    }
}
