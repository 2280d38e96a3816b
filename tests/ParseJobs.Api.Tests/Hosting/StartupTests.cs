using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ParseJobs.Api.Tests.Infrastructure;

namespace ParseJobs.Api.Tests.Hosting;

/// <summary>A host whose database answers only a few seconds after the process started.</summary>
public sealed class LateDatabaseAppFactory : ParseJobsAppFactory
{
    private TcpProxy? _proxy;
    private string? _proxied;

    public override string ConnectionString => _proxied ?? throw new InvalidOperationException("Not initialised.");

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings, StringComparer.Ordinal)
    {
        ["Database:StartupRetrySeconds"] = "120",
    };

    protected override Task BeforeHostStartsAsync()
    {
        (_proxy, _proxied) = TcpProxy.For(Database.ConnectionString, up: false);
        var proxy = _proxy;
        _ = Task.Run(async () =>
        {
            // The database answers once the host has tried (and logged) a few times.
            while (proxy.Refused < 2)
            {
                await Task.Delay(100);
            }

            proxy.Restore();
        });
        return Task.CompletedTask;
    }

    protected override async ValueTask AfterHostStoppedAsync()
    {
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }
    }
}

[Collection(FaultsCollection.Name)]
public sealed class StartupTests(LateDatabaseAppFactory app) : IClassFixture<LateDatabaseAppFactory>
{
    [Fact]
    public async Task Host_WaitsForTheDatabase_WhenItAnswersLate()
    {
        using var client = app.CreateClient();

        using var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True(app.Logs.Contains("unreachable (attempt 1)"), $"The wait was not logged ({app.Logs.Events.Count} events): " + string.Join(" / ", app.Logs.Events.Take(8).Select(e => e.MessageTemplate.Text)));
        Assert.True(app.Logs.Contains("Database reachable after"), app.Logs.Describe());
    }

    [Fact]
    public async Task Service_ExitsWithCode1AndSaysWhy_WhenTheDatabaseNeverAnswers()
    {
        var closedPort = ClosedPort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ParseJobs.Api.dll")])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ConnectionStrings__Postgres"] = $"Host=127.0.0.1;Port={closedPort};Database=none;Username=none;Password=none";
        start.Environment["Database__StartupRetrySeconds"] = "2";
        start.Environment["Hosting__Role"] = "Api";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        var log = await output + await error;

        Assert.Equal(1, process.ExitCode); // not 134 (an unhandled exception aborts the runtime)
        Assert.Contains("unreachable (attempt 1)", log, StringComparison.Ordinal);
        Assert.Contains("Database:StartupRetrySeconds", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", log, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
