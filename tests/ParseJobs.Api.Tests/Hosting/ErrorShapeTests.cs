using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Hosting;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Tests.Infrastructure;

namespace ParseJobs.Api.Tests.Hosting;

/// <summary>The real host plus a test-only route group in the <c>/api/v1</c> envelope shape (no such group exists yet).</summary>
public sealed class EnvelopeAppFactory : ParseJobsAppFactory
{
    public const string Prefix = "/api/v1/shape-test";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, EnvelopeRoutes>());
    }

    private sealed class EnvelopeRoutes : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(Prefix, branch =>
            {
                branch.UseRouting();
                branch.UseAuthentication();
                branch.UseAuthorization();
                branch.UseEndpoints(endpoints =>
                {
                    var group = endpoints.MapGroup("/").RequireAuthorization(Scopes.JobsRead).WithErrorShape(ErrorShape.ErrorEnvelope);
                    group.MapGet("/jobs/{id:guid}", Results<Ok<string>, ProblemHttpResult> (Guid id) => JobProblems.NotFound(id));
                    group.MapGet("/validate", Results<Ok<string>, ValidationProblem> () => TypedResults.ValidationProblem(
                        new Dictionary<string, string[]>(StringComparer.Ordinal) { ["input_type"] = ["The 'input_type' field is required"] }));
                    group.MapGet("/write", () => "written").RequireAuthorization(Scopes.JobsWrite);
                    endpoints.MapGet("/forgotten", () => "an endpoint without RequireAuthorization").WithErrorShape(ErrorShape.ErrorEnvelope);
                });
            });
            next(app);
        };
    }
}

// Its own host: run after the parallel collections, so that it adds no load to the timing-sensitive chaos tests.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvelopeCollection : ICollectionFixture<EnvelopeAppFactory>
{
    public const string Name = "envelope";
}

[Collection(EnvelopeCollection.Name)]
public sealed class ErrorEnvelopeTests(EnvelopeAppFactory app)
{
    [Fact]
    public async Task Problem_IsTheErrorEnvelope_OnAnEnvelopeGroup()
    {
        using var client = await app.CreateClientForNewOrganisationAsync(Scopes.JobsRead);
        var id = Guid.NewGuid();

        using var response = await client.GetAsync($"{EnvelopeAppFactory.Prefix}/jobs/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.ReadJsonAsync();
        Assert.Equal("error", Assert.Single(body.EnumerateObject()).Name);
        var error = body.GetProperty("error");
        Assert.Equal("JOB_NOT_FOUND", error.GetProperty("code").GetString());
        Assert.Contains(id.ToString(), error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(error.GetProperty("details").GetProperty("request_id").GetString()));
    }

    [Fact]
    public async Task ValidationProblem_IsTheErrorEnvelopeWithFieldErrors()
    {
        using var client = await app.CreateClientForNewOrganisationAsync(Scopes.JobsRead);

        using var response = await client.GetAsync($"{EnvelopeAppFactory.Prefix}/validate");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.ReadJsonAsync()).GetProperty("error");
        Assert.Equal("INVALID_INPUT", error.GetProperty("code").GetString());
        Assert.Equal("The 'input_type' field is required", error.GetProperty("details").GetProperty("errors").GetProperty("input_type")[0].GetString());
    }

    [Fact]
    public async Task AuthHandler401And403_FollowTheEnvelopeShape()
    {
        using var anonymous = app.CreateClient();
        using var reader = await app.CreateClientForNewOrganisationAsync(Scopes.JobsRead);

        using var unauthorized = await anonymous.GetAsync($"{EnvelopeAppFactory.Prefix}/jobs/{Guid.NewGuid()}");
        using var forbidden = await reader.GetAsync($"{EnvelopeAppFactory.Prefix}/write");

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("UNAUTHORIZED", (await unauthorized.ReadJsonAsync()).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var error = (await forbidden.ReadJsonAsync()).GetProperty("error");
        Assert.Equal("FORBIDDEN", error.GetProperty("code").GetString());
        Assert.Contains("jobs:write", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndpointWithoutRequireAuthorization_NeedsAKeyAnyway()
    {
        using var anonymous = app.CreateClient();
        using var client = await app.CreateClientForNewOrganisationAsync(Scopes.JobsRead);

        using var closed = await anonymous.GetAsync($"{EnvelopeAppFactory.Prefix}/forgotten");
        using var open = await client.GetAsync($"{EnvelopeAppFactory.Prefix}/forgotten");

        Assert.Equal(HttpStatusCode.Unauthorized, closed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }

    [Fact]
    public async Task UnknownRouteUnderApi_IsTheErrorEnvelope()
    {
        using var client = await app.CreateClientForNewOrganisationAsync(Scopes.JobsRead);

        using var response = await client.GetAsync("/api/v1/no-such-route");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NOT_FOUND", (await response.ReadJsonAsync()).GetProperty("error").GetProperty("code").GetString());
    }
}

/// <summary>RFC 9457 on <c>/v1</c>: every problem (job 404s, validation, the auth handler's) carries the request id.</summary>
[Collection(ApiCollection.Name)]
public sealed class ProblemDetailsShapeTests(ParseJobsAppFactory app)
{
    public static TheoryData<string> UnknownJobUrls => new()
    {
        "/v1/jobs/{0}", "/v1/parse/{0}/status", "/v1/parse/{0}/results", "/v1/documents/{0}", "/v1/documents/{0}/markdown",
    };

    [Theory]
    [MemberData(nameof(UnknownJobUrls))]
    public async Task UnknownJob_IsProblemJsonWithRequestId(string url)
    {
        using var client = await app.CreateClientForNewOrganisationAsync();

        using var response = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await AssertProblemWithRequestIdAsync(response);
    }

    [Fact]
    public async Task ValidationProblem_IsProblemJsonWithRequestId()
    {
        using var client = await app.CreateClientForNewOrganisationAsync();

        using var response = await client.GetAsync("/v1/jobs?limit=0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await AssertProblemWithRequestIdAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("limit", out _));
    }

    [Fact]
    public async Task AuthHandlerProblems_AreProblemJsonWithRequestId()
    {
        using var anonymous = app.CreateClient();
        using var reader = await app.CreateClientForNewOrganisationAsync(Scopes.JobsRead);

        using var unauthorized = await anonymous.GetAsync("/v1/jobs");
        using var forbidden = await reader.PostAsync($"/v1/jobs/{Guid.NewGuid()}/resubmit", null);

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        await AssertProblemWithRequestIdAsync(unauthorized);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        await AssertProblemWithRequestIdAsync(forbidden);
    }

    private static async Task<JsonElement> AssertProblemWithRequestIdAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal((int)response.StatusCode, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal(response.Headers.GetValues(RequestIdMiddleware.HeaderName).Single(), problem.GetProperty("request_id").GetString());
        return problem;
    }
}
