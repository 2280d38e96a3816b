using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ParseJobs.Api.Ats.Hr4You;
using ParseJobs.Api.Tests.Infrastructure;
using Serilog;

namespace ParseJobs.Api.Tests.Ats.Hr4You;

/// <summary>
/// The HR4YOU client as the service registers it (<see cref="Hr4YouSetup.AddHr4You"/>: typed HttpClient, resilience
/// pipeline per base URL) against <see cref="FakeHr4YouServer"/> over real HTTP, with small timeouts. Every log event,
/// down to Verbose, goes to a <see cref="TestLogSink"/> so that the token can be looked for in all of them.
/// </summary>
public sealed class Hr4YouClientTests : IAsyncLifetime
{
    private static readonly byte[] Cv = Encoding.UTF8.GetBytes("%PDF-1.7 Sara Forconi, Data Engineer, Zürich");

    private readonly TestLogSink _logs = new();
    private readonly List<ServiceProvider> _providers = [];
    private FakeHr4YouServer _hr4you = null!;

    private Hr4YouConnection Connection => new(_hr4you.BaseUrl, FakeHr4YouServer.Token);

    public async Task InitializeAsync()
    {
        _hr4you = await FakeHr4YouServer.StartAsync();
        _hr4you.AddConsultant("42", "julia.berger@staffing.example", "Julia", "Berger");
        _hr4you.AddApplicant("1001", "Sara", "Forconi", "sara.forconi@example.ch", "+41 79 123 45 67", (Cv, "application/pdf", "CV_Forconi.pdf"));
        _hr4you.AddJob("501", "Senior Data Engineer", "Pipelines in Zürich.");
    }

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await _hr4you.DisposeAsync();
    }

    [Fact]
    public async Task EveryCall_ReturnsTheRecord_AndSendsBearerTokenAcceptAndUserAgent()
    {
        var client = Client();

        var consultant = await client.GetConsultantAsync(Connection, "42", CancellationToken.None);
        var applicant = await client.GetApplicantAsync(Connection, "1001", CancellationToken.None);
        var job = await client.GetJobAsync(Connection, "501", CancellationToken.None);
        var document = await client.GetDocumentAsync(Connection, "1001", "d1001", 10_000_000, CancellationToken.None);

        Assert.Equal(new Hr4YouConsultant("42", "julia.berger@staffing.example", "Julia", "Berger"), consultant);
        Assert.NotNull(applicant);
        Assert.Equal(("1001", "Sara", "Forconi", "sara.forconi@example.ch", "+41 79 123 45 67"),
            (applicant.Id, applicant.FirstName, applicant.LastName, applicant.Email, applicant.Phone));
        Assert.Equal([new Hr4YouDocumentRef("d1001", "CV_Forconi.pdf", "application/pdf")], applicant.Documents);
        Assert.Equal(new Hr4YouJobPost("501", "Senior Data Engineer", "Pipelines in Zürich."), job);
        Assert.NotNull(document);
        Assert.Equal(Cv, document.Content);
        Assert.Equal(("application/pdf", "CV_Forconi.pdf"), (document.ContentType, document.FileName));
        var requests = _hr4you.Requests.ToList();
        Assert.Equal(["/consultants/42", "/applicants/1001", "/jobs/501", "/applicants/1001/documents/d1001"], requests.Select(r => r.Path), StringComparer.Ordinal);
        Assert.All(requests, r =>
        {
            Assert.Equal($"Bearer {FakeHr4YouServer.Token}", r.Authorization);
            Assert.Equal("application/json", r.Accept);
            Assert.StartsWith("ParseJobs/", r.UserAgent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Calls_KeepTheBaseUrlsPath_WhenHr4YouLivesUnderOne()
    {
        var client = Client();
        var underPath = new Hr4YouConnection(new Uri(_hr4you.BaseUrl, "api/v2"), FakeHr4YouServer.Token);

        var consultant = await client.GetConsultantAsync(underPath, "42", CancellationToken.None);

        Assert.Null(consultant); // the fake serves no /api/v2: what matters is where the request went
        Assert.Equal("/api/v2/consultants/42", _hr4you.Requests.Single().Path);
    }

    [Fact]
    public async Task EveryCall_ReturnsNull_WhenHr4YouAnswers404()
    {
        var client = Client();

        Assert.Null(await client.GetConsultantAsync(Connection, "7", CancellationToken.None));
        Assert.Null(await client.GetApplicantAsync(Connection, "9999", CancellationToken.None));
        Assert.Null(await client.GetJobAsync(Connection, "1", CancellationToken.None));
        Assert.Null(await client.GetDocumentAsync(Connection, "1001", "nope", 1_000_000, CancellationToken.None));
        Assert.Equal(4, _hr4you.Requests.Count); // a 404 is an answer: no retries
    }

    [Fact]
    public async Task Ids_AreOnePathSegment_SoThatNoIdReachesAnotherRoute()
    {
        var client = Client();

        var applicant = await client.GetApplicantAsync(Connection, "../consultants/42", CancellationToken.None);

        Assert.Null(applicant);
        Assert.Equal("/applicants/..%2Fconsultants%2F42", _hr4you.Requests.Single().Path);
    }

    [Fact]
    public async Task Get_AbsorbsABurstOf503_HonouringRetryAfter()
    {
        _hr4you.Fail("/applicants/1001", Hr4YouFault.Status(503, retryAfterSeconds: 1), Hr4YouFault.Status(503, retryAfterSeconds: 1));
        var client = Client();

        var applicant = await client.GetApplicantAsync(Connection, "1001", CancellationToken.None);

        Assert.Equal("1001", applicant?.Id);
        Assert.Equal(3, _hr4you.CountRequests("/applicants/1001"));
    }

    [Fact]
    public async Task Get_IsUnavailableWithHr4YousRetryAfter_When503Persists()
    {
        _hr4you.FailAlways("/consultants/42", Hr4YouFault.Status(503, retryAfterSeconds: 1));
        var client = Client();

        var failure = await Assert.ThrowsAsync<Hr4YouException>(() => client.GetConsultantAsync(Connection, "42", CancellationToken.None));

        Assert.Equal(Hr4YouFailure.Unavailable, failure.Failure);
        Assert.Equal(TimeSpan.FromSeconds(1), failure.RetryAfter);
        Assert.Equal(3, _hr4you.CountRequests("/consultants/42")); // the first attempt and MaxRetries = 2
    }

    [Fact]
    public async Task Get_GivesUpAtOnce_WhenRetryAfterIsLongerThanTheCap()
    {
        _hr4you.FailAlways("/jobs/501", Hr4YouFault.Status(429, retryAfterSeconds: 120));
        var client = Client();

        var failure = await Assert.ThrowsAsync<Hr4YouException>(() => client.GetJobAsync(Connection, "501", CancellationToken.None));

        Assert.Equal(Hr4YouFailure.Unavailable, failure.Failure);
        Assert.Equal(TimeSpan.FromSeconds(120), failure.RetryAfter);
        Assert.Equal(1, _hr4you.CountRequests("/jobs/501"));
    }

    [Fact]
    public async Task Get_SucceedsByRetry_WhenTheFirstAttemptIsSlowerThanTheAttemptTimeout()
    {
        _hr4you.Fail("/consultants/42", Hr4YouFault.Slow(TimeSpan.FromSeconds(3)));
        var client = Client();

        var consultant = await client.GetConsultantAsync(Connection, "42", CancellationToken.None);

        Assert.Equal("julia.berger@staffing.example", consultant?.Email);
        Assert.Equal(2, _hr4you.CountRequests("/consultants/42"));
    }

    [Fact]
    public async Task Get_IsUnavailable_WhenTheEndpointHangs_AndTheTotalTimeoutEndsTheRetries()
    {
        _hr4you.FailAlways("/applicants/1001", Hr4YouFault.Hang);
        // Ten retries of 0.5 s attempts would take over 5 s; the total timeout of 1.5 s ends the call first.
        var client = Client(("MaxRetries", "10"), ("TotalTimeoutSeconds", "1.5"));

        var failure = await Assert.ThrowsAsync<Hr4YouException>(() => client.GetApplicantAsync(Connection, "1001", CancellationToken.None));

        Assert.Equal(Hr4YouFailure.Unavailable, failure.Failure);
        Assert.Contains("in time", failure.Message, StringComparison.Ordinal);
        Assert.InRange(_hr4you.CountRequests("/applicants/1001"), 1, 10);
    }

    [Fact]
    public async Task Get_IsMalformed_WhenTheJsonIsBroken()
    {
        _hr4you.Fail("/applicants/1001", Hr4YouFault.MalformedJson);
        var client = Client();

        var failure = await Assert.ThrowsAsync<Hr4YouException>(() => client.GetApplicantAsync(Connection, "1001", CancellationToken.None));

        Assert.Equal(Hr4YouFailure.Malformed, failure.Failure);
        Assert.Contains("/applicants/1001", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_IsMalformed_WhenARequiredFieldIsMissing()
    {
        _hr4you.Consultants["43"] = new { id = "43", firstName = "No", lastName = "Mail" };
        var client = Client();

        var failure = await Assert.ThrowsAsync<Hr4YouException>(() => client.GetConsultantAsync(Connection, "43", CancellationToken.None));

        Assert.Equal(Hr4YouFailure.Malformed, failure.Failure);
        Assert.Contains("'email'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ReadsNumericIds_AsIds()
    {
        _hr4you.Jobs["77"] = new { id = 77, title = "Numeric", description = (string?)null };
        var client = Client();

        var job = await client.GetJobAsync(Connection, "77", CancellationToken.None);

        Assert.Equal(new Hr4YouJobPost("77", "Numeric", null), job);
    }

    [Fact]
    public async Task Get_RetriesADroppedConnection_ThenIsUnavailable()
    {
        _hr4you.FailAlways("/consultants/42", Hr4YouFault.Drop);
        var client = Client();

        var failure = await Assert.ThrowsAsync<Hr4YouException>(() => client.GetConsultantAsync(Connection, "42", CancellationToken.None));

        Assert.Equal(Hr4YouFailure.Unavailable, failure.Failure);
        Assert.Equal(3, _hr4you.CountRequests("/consultants/42"));
    }

    [Fact]
    public async Task Get_SucceedsByRetry_WhenOneConnectionDrops()
    {
        _hr4you.Fail("/consultants/42", Hr4YouFault.Drop);
        var client = Client();

        var consultant = await client.GetConsultantAsync(Connection, "42", CancellationToken.None);

        Assert.Equal("42", consultant?.Id);
        Assert.Equal(2, _hr4you.CountRequests("/consultants/42"));
    }

    [Fact]
    public async Task GetDocument_IsTruncated_WhenTheBytesStopShortOfContentLength()
    {
        _hr4you.Fail("/applicants/1001/documents/d1001", Hr4YouFault.Truncate);
        var client = Client();

        var failure = await Assert.ThrowsAsync<Hr4YouException>(() => client.GetDocumentAsync(Connection, "1001", "d1001", 10_000_000, CancellationToken.None));

        Assert.Equal(Hr4YouFailure.Truncated, failure.Failure);
        // The next download is whole again: one cut-short document breaks nothing.
        Assert.Equal(Cv, (await client.GetDocumentAsync(Connection, "1001", "d1001", 10_000_000, CancellationToken.None))?.Content);
    }

    [Fact]
    public async Task GetDocument_IsTooLarge_WhenContentLengthExceedsTheLimit()
    {
        AddLargeApplicant("2001", 1_500_000);
        var client = Client(); // MaxDocumentMb = 1

        var failure = await Assert.ThrowsAsync<Hr4YouException>(() => client.GetDocumentAsync(Connection, "2001", "d2001", long.MaxValue, CancellationToken.None));

        Assert.Equal(Hr4YouFailure.TooLarge, failure.Failure);
        Assert.Contains("1500000 bytes", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDocument_IsTooLarge_WhenAnUnannouncedBodyGrowsPastTheLimit()
    {
        AddLargeApplicant("2002", 1_500_000);
        _hr4you.FailAlways("/applicants/2002/documents/d2002", Hr4YouFault.Chunked);
        var client = Client();

        // The caller's 2 MB does not lift the configured 1 MB.
        var tooLarge = await Assert.ThrowsAsync<Hr4YouException>(() => client.GetDocumentAsync(Connection, "2002", "d2002", 2_000_000, CancellationToken.None));

        Assert.Equal(Hr4YouFailure.TooLarge, tooLarge.Failure);
        Assert.Contains("larger than the limit of 1048576 bytes", tooLarge.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDocument_ReadsAnUnannouncedBody_WithinTheLimit()
    {
        _hr4you.Fail("/applicants/1001/documents/d1001", Hr4YouFault.Chunked);
        var client = Client();

        var document = await client.GetDocumentAsync(Connection, "1001", "d1001", 10_000_000, CancellationToken.None);

        Assert.Equal(Cv, document?.Content);
    }

    [Fact]
    public async Task Get_IsUnauthorized_WithoutRetrying_WhenHr4YouRefusesTheToken()
    {
        var client = Client();
        var wrong = new Hr4YouConnection(_hr4you.BaseUrl, "wrong-token-a1b2c3");

        var failure = await Assert.ThrowsAsync<Hr4YouException>(() => client.GetConsultantAsync(wrong, "42", CancellationToken.None));

        Assert.Equal(Hr4YouFailure.Unauthorized, failure.Failure);
        Assert.Equal(1, _hr4you.CountRequests("/consultants/42"));
        Assert.DoesNotContain("wrong-token-a1b2c3", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CircuitBreaker_OpensAfterRepeatedFailures_AndShortCircuitsOnlyThatBaseUrl()
    {
        _hr4you.FailAlways("/consultants/42", Hr4YouFault.Status(500));
        var client = Client(("MaxRetries", "0"), ("CircuitBreakerMinimumThroughput", "4"), ("CircuitBreakerBreakSeconds", "30"));
        await using var other = await FakeHr4YouServer.StartAsync();
        other.AddConsultant("42", "julia.berger@staffing.example", "Julia", "Berger");

        var failures = new List<Hr4YouException>();
        for (var i = 0; i < 8; i++)
        {
            failures.Add(await Assert.ThrowsAsync<Hr4YouException>(() => client.GetConsultantAsync(Connection, "42", CancellationToken.None)));
        }

        var elsewhere = await client.GetConsultantAsync(new Hr4YouConnection(other.BaseUrl, FakeHr4YouServer.Token), "42", CancellationToken.None);

        Assert.All(failures, f => Assert.Equal(Hr4YouFailure.Unavailable, f.Failure));
        Assert.Equal(4, _hr4you.CountRequests("/consultants/42")); // the circuit opened after 4 failures: 4 calls never left
        Assert.Equal(TimeSpan.FromSeconds(30), failures[^1].RetryAfter);
        Assert.Contains("paused", failures[^1].Message, StringComparison.Ordinal);
        Assert.Equal("42", elsewhere?.Id); // another organisation's HR4YOU has its own circuit
    }

    [Fact]
    public async Task Token_IsInNoLogLineNorExceptionMessage_WhenCallsSucceedAndFail()
    {
        _hr4you.Fail("/consultants/42", Hr4YouFault.Status(503, retryAfterSeconds: 0), Hr4YouFault.Drop);
        _hr4you.FailAlways("/jobs/501", Hr4YouFault.Status(500));
        // Standing faults: a fault queued once can meet SocketsHttpHandler's own resend of a request whose reused
        // connection was reset, and be used up without the client seeing it.
        _hr4you.FailAlways("/applicants/1001", Hr4YouFault.MalformedJson);
        _hr4you.FailAlways("/applicants/1001/documents/d1001", Hr4YouFault.Truncate);
        var client = Client();
        var messages = new List<string>();

        await client.GetConsultantAsync(Connection, "42", CancellationToken.None);
        foreach (var call in new Func<Task>[]
        {
            () => client.GetJobAsync(Connection, "501", CancellationToken.None),
            () => client.GetApplicantAsync(Connection, "1001", CancellationToken.None),
            () => client.GetDocumentAsync(Connection, "1001", "d1001", 10_000_000, CancellationToken.None),
            () => client.GetConsultantAsync(Connection with { Token = "refused-secret-9d8e7f" }, "42", CancellationToken.None),
        })
        {
            messages.Add((await Assert.ThrowsAsync<Hr4YouException>(call)).ToString());
        }

        var events = _logs.Events;
        Assert.Contains(events, e => e.RenderMessage(CultureInfo.InvariantCulture).Contains("/jobs/501", StringComparison.Ordinal));
        var everything = string.Join("\n", events.Select(e =>
            e.RenderMessage(CultureInfo.InvariantCulture) + " " + string.Join(" ", e.Properties.Select(p => p.Value.ToString())) + " " + e.Exception))
            + string.Join("\n", messages);
        // Rendered text, every structured property (where the factory's Trace header logging once leaked it) and exceptions.
        Assert.DoesNotContain(FakeHr4YouServer.Token, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("refused-secret-9d8e7f", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeHr4YouServer.Token, Connection.ToString(), StringComparison.Ordinal);
    }

    private void AddLargeApplicant(string id, int bytes)
    {
        var content = new byte[bytes];
        Array.Fill(content, (byte)'a');
        _hr4you.AddApplicant(id, "Big", "File", files: (content, "application/pdf", "big.pdf"));
    }

    /// <summary>The client from a container of its own, with these <c>Ats:Hr4You</c> settings over the test defaults.</summary>
    private IHr4YouClient Client(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["AttemptTimeoutSeconds"] = "0.5",
            ["TotalTimeoutSeconds"] = "5",
            ["MaxRetries"] = "2",
            ["RetryBaseDelaySeconds"] = "0.02",
            ["MaxRetryAfterSeconds"] = "2",
            ["CircuitBreakerMinimumThroughput"] = "1000",
            ["CircuitBreakerSamplingSeconds"] = "30",
            ["CircuitBreakerBreakSeconds"] = "30",
            ["MaxDocumentMb"] = "1",
            ["DocumentReadTimeoutSeconds"] = "5",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.ToDictionary(v => $"{Hr4YouOptions.Section}:{v.Key}", v => v.Value, StringComparer.Ordinal))
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace)
            .AddSerilog(new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(_logs).CreateLogger(), dispose: true));
        services.AddSingleton(TimeProvider.System);
        services.AddHr4You(configuration);
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<IHr4YouClient>();
    }
}
