using System.Reflection;
using Microsoft.OpenApi;
using ParseJobs.Api.Auth;

namespace ParseJobs.Api.Hosting;

public static class SwaggerSetup
{
    private const string BearerScheme = "bearer";
    private const string HeaderScheme = "api_key";

    public static IServiceCollection AddParseJobsSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "ParseJobs API",
                Version = "v1",
                Description = "Upload recruiting and HR documents, poll their jobs, fetch structured results. " +
                              "Authenticate with an API key (sk_live_…): click Authorize and paste it.",
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
            o.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [],
            });
            var xml = Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml");
            if (File.Exists(xml))
            {
                o.IncludeXmlComments(xml);
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
            o.EnablePersistAuthorization();
        });
        return app;
    }
}
