using ParseJobs.Extraction.Isolation;
using ParseJobs.TestParser;

return await ParserChildHost.RunAsync(Console.In, Console.Out, new ChaosExtractor(), CancellationToken.None);
