#pragma warning disable
using ParseJobs.Extraction.Parsing;
namespace ParseJobs.Extraction.Isolation;
public sealed class ParserProcessOptions { public string FileName {get;set;}=""; public List<string> Arguments {get;set;}=[]; public int PoolSize{get;set;} public TimeSpan ParseTimeout{get;set;} public int MemoryLimitMb{get;set;} public int MaxRequestsPerProcess{get;set;} }
public sealed class ParserProcessPool(ParserProcessOptions o, Microsoft.Extensions.Logging.ILogger l) : IDocumentParser { public Task<ExtractedDocument> ParseAsync(byte[] c, DocumentType t, ParseLimits li, IProgress<PageProgress>? p, CancellationToken ct) => Task.FromResult(new DocumentTextExtractor().Extract(c,t,li,p)); }
public sealed class InProcessDocumentParser(IDocumentTextExtractor e) : IDocumentParser { public Task<ExtractedDocument> ParseAsync(byte[] c, DocumentType t, ParseLimits li, IProgress<PageProgress>? p, CancellationToken ct) => Task.FromResult(e.Extract(c,t,li,p)); }
public static class ParserChildHost { public static Task<int> RunAsync(TextReader i, TextWriter o, IDocumentTextExtractor e, CancellationToken ct) => Task.FromResult(0); }
