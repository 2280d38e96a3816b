using ParseJobs.Extraction.Isolation;
using ParseJobs.TestParser;

if (args is [PoolHost.Command])
{
    return await PoolHost.RunAsync(Console.Out);
}

return await ParserChildHost.RunAsync(Console.In, Console.Out, new ChaosExtractor(Console.Out), CancellationToken.None);
