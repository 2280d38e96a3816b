using ParseJobs.Api.Ats;
using ParseJobs.Api.Batches;
using ParseJobs.Api.Batches.Analytics;
using ParseJobs.Api.Batches.Report;
using ParseJobs.Api.Cv;
using ParseJobs.Api.Documents;
using ParseJobs.Api.Hosting;
using ParseJobs.Api.Jobs;
using ParseJobs.Api.Parsers;
using ParseJobs.Api.Persistence;
using ParseJobs.Api.Retention;

if (args is [ParsersSetup.ChildCommand, ..])
{
    return await ParsersSetup.RunChildAsync();
}

var isCommand = CommandLine.IsCommand(args);
var builder = WebApplication.CreateBuilder(isCommand ? [] : args);
builder.AddParseJobs(commandMode: isCommand);
var app = builder.Build();

if (isCommand)
{
    return await CommandLine.RunAsync(app.Services, args, Console.Out, Console.Error);
}

// Waits for the database (Database:StartupRetrySeconds) and migrates it when configured; exit 1, not a crash, when it never comes.
if (!await app.Services.PrepareDatabaseAsync())
{
    return 1;
}

app.UseParseJobs();
app.MapHealth();
if (app.Services.GetRequiredService<HostingOptions>().RunsApi)
{
    app.MapJobs();
    app.MapCv();
    app.MapDocuments();
    app.MapBatches();
    app.MapAudit();
    app.MapBatchAnalytics();
    app.MapBatchReport();
    app.MapAts();
    app.MapParseJobsDashboard();
}

await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
