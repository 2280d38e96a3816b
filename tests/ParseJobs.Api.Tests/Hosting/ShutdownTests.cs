using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Npgsql;
using ParseJobs.Api.Tests.Infrastructure;

namespace ParseJobs.Api.Tests.Hosting;

/// <summary>
/// SIGTERM to a real service process while a job is inside its final save: the job gets
/// <c>Worker:ShutdownTimeoutSeconds</c> (Hangfire's StopTimeout) to finish. The test holds an EXCLUSIVE lock on
/// <c>job_results</c> from before the upload, so the job is provably still running (its INSERT waits on the lock)
/// when the signal arrives; the lock is released 3 s later. With 30 s the job completes in the stopping process;
/// with 1 s its token fires first, the save is cancelled and the job is left for a re-run (still running).
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class ShutdownTests
{
    private static readonly TimeSpan HoldAfterSignal = TimeSpan.FromSeconds(3);

    [Theory]
    [InlineData(30, "Completed")]
    [InlineData(1, "Running")]
    public async Task Sigterm_LetsARunningJobFinish_WithinTheShutdownTimeout(int shutdownTimeoutSeconds, string expectedStatus)
    {
        await using var database = await TestDatabase.CreateAsync();
        var port = FreePort();
        using var service = Start(database.ConnectionString, port, shutdownTimeoutSeconds);
        var log = new StringBuilder();
        service.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        service.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        service.BeginOutputReadLine();
        service.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            await WaitReadyAsync(http, service, log);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await CreateKeyAsync(database.ConnectionString));

            await using var holder = new NpgsqlConnection(database.AdminConnectionString);
            await holder.OpenAsync();
            await using var hold = await holder.BeginTransactionAsync();
            await Execute(holder, "LOCK TABLE parsejobs.job_results IN EXCLUSIVE MODE");

            var jobId = await http.UploadAsync("Jane Doe\nSoftware engineer, Berlin\njane@example.com\n"u8.ToArray(), "cv.txt");
            await WaitUntilAsync(async () => await CountAsync(database.AdminConnectionString,
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") > 0,
                "the job's result INSERT never waited on the lock", log);
            Assert.Equal("Running", await StatusAsync(database.AdminConnectionString, jobId));

            Assert.Equal(0, await SigtermAsync(service.Id));
            await Task.Delay(HoldAfterSignal);
            // Within its timeout the job still runs and the process waits for it; past it, the process has given up on it.
            Assert.Equal(expectedStatus != "Completed", service.HasExited);
            await hold.CommitAsync();

            using (var exit = new CancellationTokenSource(TimeSpan.FromSeconds(90)))
            {
                await service.WaitForExitAsync(exit.Token);
            }

            Assert.True(service.ExitCode == 0, $"exit code {service.ExitCode}\n{log}");
            Assert.Equal(expectedStatus, await StatusAsync(database.AdminConnectionString, jobId));
        }
        finally
        {
            if (!service.HasExited)
            {
                service.Kill(entireProcessTree: true);
            }
        }
    }

    // SIGTERM as an orchestrator sends it (docker stop, systemd, Kubernetes).
    private static async Task<int> SigtermAsync(int pid)
    {
        using var kill = Process.Start("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
        return kill.ExitCode;
    }

    private static Process Start(string connectionString, int port, int shutdownTimeoutSeconds)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ParseJobs.Api.dll")])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ConnectionStrings__Postgres"] = connectionString;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Worker__ShutdownTimeoutSeconds"] = shutdownTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Worker__WorkerCount"] = "2";
        start.Environment["Parsing__ParserProcesses"] = "1";
        start.Environment["Database__MaxPoolSize"] = "5";
        return Process.Start(start)!;
    }

    private static async Task<string> CreateKeyAsync(string connectionString)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ParseJobs.Api.dll"), "keys", "create", "--org", "shutdown", "--scopes", "jobs:read,jobs:write"])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ConnectionStrings__Postgres"] = connectionString;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await error);
        return (await output).Trim().Split('\n')[^1].Trim();
    }

    private static async Task WaitReadyAsync(HttpClient http, Process service, StringBuilder log)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(service.HasExited, $"the service exited at start-up\n{log}");
            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(250);
        }

        Assert.Fail($"the service was not ready within 120 s\n{log}");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, StringBuilder log)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{what} within 60 s\n{log}");
            await Task.Delay(100);
        }
    }

    private static async Task<string?> StatusAsync(string connectionString, Guid jobId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT status FROM parsejobs.jobs WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", jobId);
        return await command.ExecuteScalarAsync() as string;
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
