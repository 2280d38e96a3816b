using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParseJobs.Api.Auth;
using ParseJobs.Api.Persistence;
using ParseJobs.Api.Tests.Infrastructure;
using ParseJobs.Api.Tests.Retention;

namespace ParseJobs.Api.Tests.Persistence;

/// <summary>Data Protection keys live in PostgreSQL: every node of one database reads the others' cookies, and a
/// node of another database (another installation on the same machine) reads none.</summary>
[Collection(ApiCollection.Name)]
public sealed class DataProtectionTests(ParseJobsAppFactory app)
{
    [Fact]
    public async Task OperatorCookie_IssuedByOneHost_IsAcceptedByASecondHostSharingTheDatabase_AndByNoOtherDatabase()
    {
        ApiKeyAdmin.CreatedKey key;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            key = await scope.ServiceProvider.GetRequiredService<ApiKeyAdmin>().CreateOperatorAsync(CancellationToken.None);
        }

        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var login = await browser.PostAsync(OperatorLogin.LoginPath, new FormUrlEncodedContent([new KeyValuePair<string, string>("key", key.Key)]));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(OperatorLogin.CookieName + "=", StringComparison.Ordinal)).Split(';')[0];
        await using (var db = app.Db())
        {
            Assert.True(await db.DataProtectionKeys.AnyAsync(), "the key ring is in the database");
        }

        await using (var second = new ApiNode(app.ConnectionString))
        {
            Assert.Equal(HttpStatusCode.OK, await DashboardStatusAsync(second, cookie));
        }

        // Another installation (its own database, the same operator key copied into it) must not read the cookie:
        // with keys in a folder of the machine (the default) it would.
        await using var otherDatabase = await TestDatabase.CreateAsync();
        await using var third = new ApiNode(otherDatabase.ConnectionString);
        Assert.Equal(HttpStatusCode.Redirect, await DashboardStatusAsync(third, "parsejobs_probe=1")); // the host is up and migrated
        await CopyKeyAsync(key.KeyId, app.ConnectionString, otherDatabase.ConnectionString);
        Assert.Equal(HttpStatusCode.Redirect, await DashboardStatusAsync(third, cookie));
    }

    private static async Task<HttpStatusCode> DashboardStatusAsync(ApiNode node, string cookie)
    {
        using var client = node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, OperatorLogin.DashboardPath);
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task CopyKeyAsync(Guid keyId, string from, string to)
    {
        await using var source = new NpgsqlConnection(from);
        await source.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT prefix, hash, scopes, created_at FROM parsejobs.api_keys WHERE id = @id", source);
        read.Parameters.AddWithValue("id", keyId);
        await using var row = await read.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        await using var target = new NpgsqlConnection(to);
        await target.OpenAsync();
        await using var write = new NpgsqlCommand(
            "INSERT INTO parsejobs.api_keys (id, organisation_id, prefix, hash, scopes, created_at) VALUES (@id, NULL, @prefix, @hash, @scopes, @created)", target);
        write.Parameters.AddWithValue("id", keyId);
        write.Parameters.AddWithValue("prefix", row.GetString(0));
        write.Parameters.AddWithValue("hash", row.GetFieldValue<byte[]>(1));
        write.Parameters.AddWithValue("scopes", row.GetFieldValue<string[]>(2));
        write.Parameters.AddWithValue("created", row.GetFieldValue<DateTimeOffset>(3));
        Assert.Equal(1, await write.ExecuteNonQueryAsync());
    }

    /// <summary>An API-only node (no Hangfire server) on the given database, quiet like every test host.</summary>
    private sealed class ApiNode(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Postgres", new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 5 }.ConnectionString);
            builder.UseSetting("Hosting:Role", "Api");
            builder.UseSetting("Database:MaxPoolSize", "5");
            builder.UseSetting(ParseJobs.Api.Hosting.SerilogSetup.WriteToConsoleKey, "false");
        }
    }
}
