using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace ParseJobs.Api.Tests.Hosting;

/// <summary>
/// What matters in docker-compose.yml, checked without a Docker engine or the compose CLI: a first start that
/// cannot leave nodes dead, shutdowns that give jobs their time, explicit sizing, no default credentials,
/// nothing published beyond loopback.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static readonly string[] AppServices = ["api", "worker"];
    private static readonly Dictionary<object, object> Compose = Load();

    [Fact]
    public void Postgres_HealthcheckTestsTcp()
    {
        var test = Command(Service("postgres")["healthcheck"]);

        Assert.Contains("pg_isready", test, StringComparison.Ordinal);
        Assert.Matches(@"-h\s+127\.0\.0\.1", test); // the init phase's socket-only server must not look ready
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("api")]
    [InlineData("worker")]
    public void Service_RestartsAndHasAMemoryLimit(string name)
    {
        var service = Service(name);

        Assert.True(Text(service, "restart") is "always" or "unless-stopped" or "on-failure", $"{name} has no restart policy");
        Assert.True(service.ContainsKey("mem_limit") || Path(service, "deploy", "resources", "limits", "memory") is not null, $"{name} has no memory limit");
    }

    [Theory]
    [InlineData("api")]
    [InlineData("worker")]
    public void AppService_ChecksReadiness_WaitsForTheDatabase_AndIsSizedExplicitly(string name)
    {
        var service = Service(name);
        var environment = Environment(service);

        Assert.Contains("/health/ready", Command(service["healthcheck"]), StringComparison.Ordinal);
        Assert.Equal("service_healthy", Path(service, "depends_on", "postgres", "condition"));
        Assert.True(int.Parse(environment["Database__StartupRetrySeconds"], System.Globalization.CultureInfo.InvariantCulture) > 0);
        // 0 would mean "from the host's cores": three workers on 16 cores made 48 parser processes.
        Assert.True(int.Parse(environment["Parsing__ParserProcesses"], System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.True(int.Parse(environment["Worker__WorkerCount"], System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.True(int.Parse(environment["Database__MaxPoolSize"], System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Theory]
    [InlineData("api")]
    [InlineData("worker")]
    public void AppService_StopGracePeriod_IsLongerThanTheJobShutdownTimeout(string name)
    {
        var service = Service(name);
        var shutdown = int.Parse(Environment(service)["Worker__ShutdownTimeoutSeconds"], System.Globalization.CultureInfo.InvariantCulture);

        var grace = Duration(Text(service, "stop_grace_period") ?? "10s"); // Docker's default is 10 s

        Assert.True(grace > TimeSpan.FromSeconds(shutdown + 5), $"{name}: stop_grace_period {grace} vs ShutdownTimeoutSeconds {shutdown}");
    }

    [Fact]
    public void PublishedPorts_AreBoundToLoopback()
    {
        foreach (var (name, service) in Services())
        {
            foreach (var port in service.TryGetValue("ports", out var ports) ? ((List<object>)ports).Select(p => p.ToString()!) : [])
            {
                Assert.StartsWith("127.0.0.1:", port, StringComparison.Ordinal);
            }

            Assert.False(name == "postgres" && service.ContainsKey("ports"), "PostgreSQL is published");
        }
    }

    [Fact]
    public void Passwords_AreRequiredVariables_AndTheAppIsNotTheSuperuser()
    {
        var postgres = Environment(Service("postgres"));
        Assert.Matches(RequiredVariable(), postgres["POSTGRES_PASSWORD"]);

        foreach (var name in AppServices)
        {
            var connection = new Npgsql.NpgsqlConnectionStringBuilder(Environment(Service(name))["ConnectionStrings__Postgres"]);
            Assert.Matches(RequiredVariable(), connection.Password ?? "");
            Assert.NotEqual(postgres.GetValueOrDefault("POSTGRES_USER", "postgres"), connection.Username, StringComparer.Ordinal);
        }

        // The init script creates the app's role without superuser rights.
        var init = File.ReadAllText(System.IO.Path.Combine(RepositoryRoot(), "scripts", "compose", "postgres-init.sh"));
        Assert.Contains("NOSUPERUSER", init, StringComparison.Ordinal);
        Assert.Contains(((List<object>)Service("postgres")["volumes"]).Select(v => v.ToString()!), v => v.Contains("postgres-init.sh", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^\$\{[A-Z_]+:\?[^}]+\}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RequiredVariable();

    private static Dictionary<object, object> Load()
    {
        using var reader = new StringReader(File.ReadAllText(System.IO.Path.Combine(RepositoryRoot(), "docker-compose.yml")));
        // MergingParser resolves the file's YAML anchors and merge keys (<<: *app) as compose does.
        return new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "docker-compose.yml")) && File.Exists(System.IO.Path.Combine(dir.FullName, "ParseJobs.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (docker-compose.yml) is not above " + AppContext.BaseDirectory);
    }

    private static IEnumerable<(string Name, Dictionary<object, object> Service)> Services() =>
        ((Dictionary<object, object>)Compose["services"]).Select(kv => ((string)kv.Key, (Dictionary<object, object>)kv.Value));

    private static Dictionary<object, object> Service(string name) => Services().Single(s => s.Name == name).Service;

    private static Dictionary<string, string> Environment(Dictionary<object, object> service) =>
        ((Dictionary<object, object>)service["environment"]).ToDictionary(kv => (string)kv.Key, kv => kv.Value?.ToString() ?? "", StringComparer.Ordinal);

    private static string? Text(Dictionary<object, object> map, string key) => map.TryGetValue(key, out var value) ? value?.ToString() : null;

    private static object? Path(Dictionary<object, object> map, params string[] keys)
    {
        object? current = map;
        foreach (var key in keys)
        {
            current = current is Dictionary<object, object> d && d.TryGetValue(key, out var next) ? next : null;
        }

        return current;
    }

    private static string Command(object healthcheck) =>
        ((Dictionary<object, object>)healthcheck)["test"] switch
        {
            List<object> parts => string.Join(' ', parts),
            var single => single.ToString()!,
        };

    // Compose durations: "50s", "1m30s", "2m".
    private static TimeSpan Duration(string text)
    {
        var total = TimeSpan.Zero;
        foreach (Match m in Regex.Matches(text, @"(\d+)(h|ms|m|s)", RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            var n = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            total += m.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(n),
                "m" => TimeSpan.FromMinutes(n),
                "ms" => TimeSpan.FromMilliseconds(n),
                _ => TimeSpan.FromSeconds(n),
            };
        }

        return total;
    }
}
