using ParseJobs.Extraction.Cv;
using ParseJobs.Extraction.Isolation;
using ParseJobs.Extraction.Parsing;
using ParseJobs.TestParser;

if (args is [PoolHost.Command])
{
    return await PoolHost.RunAsync(Console.Out);
}

// The real child loop and product code, over a layout extractor and a CV extractor that misbehave on request.
var maker = new ProductMaker(new ChaosExtractor(Console.Out), new CvPipeline(new ChaosCvExtractor()));
return await ParserChildHost.RunAsync(Console.In, Console.OpenStandardOutput(), maker, CancellationToken.None);
