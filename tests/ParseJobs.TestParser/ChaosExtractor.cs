using System.Text;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.TestParser;

/// <summary>
/// Misbehaves as the document's text says: <c>hang</c>, <c>oom</c>, <c>crash</c>, <c>stackoverflow</c>,
/// <c>corrupt</c>, <c>slow:N[:MS]</c> (N pages with progress, MS milliseconds each), <c>pid</c> (the child's
/// process id); anything else comes back as one page.
/// </summary>
public sealed class ChaosExtractor : IDocumentTextExtractor
{
    private static readonly List<byte[]> Hoard = [];

    public ExtractedDocument Extract(byte[] content, DocumentType type, ParseLimits limits, IProgress<PageProgress>? progress = null)
    {
        var text = Encoding.UTF8.GetString(content).Trim();
        switch (text)
        {
            case "hang":
                while (true)
                {
                    Thread.Sleep(100);
                }

            case "oom":
                while (true)
                {
                    Hoard.Add(new byte[1024 * 1024]);
                }

            case "crash":
                Environment.FailFast("ChaosExtractor: crash on request");
                break;
            case "stackoverflow":
                return Recurse(0);
            case "corrupt":
                throw new DocumentParseException(ParseErrorCodes.DocumentCorrupt, "Chaos: the document is corrupt.");
            case "pid":
                return OnePage(type, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (text.Split(':') is ["slow", var count, .. var rest] && int.TryParse(count, out var pages))
        {
            var delay = rest is [var ms] && int.TryParse(ms, out var parsed) ? parsed : 20;
            var result = new List<ExtractedPage>();
            for (var page = 1; page <= pages; page++)
            {
                Thread.Sleep(delay);
                result.Add(new ExtractedPage(page, $"page {page}"));
                progress?.Report(new PageProgress(page, pages));
            }

            return new ExtractedDocument(type, result);
        }

        return OnePage(type, text);
    }

    private static ExtractedDocument OnePage(DocumentType type, string text) => new(type, [new ExtractedPage(1, text)]);

    // Not a tail call (the result is used after the call) and a fat frame: the stack runs out quickly.
    private static ExtractedDocument Recurse(int depth)
    {
        Span<byte> frame = stackalloc byte[512];
        frame[depth % 512] = 1;
        var inner = depth < 0 ? OnePage(DocumentType.Txt, "") : Recurse(depth + 1);
        return inner with { Pages = [.. inner.Pages, new ExtractedPage(frame[0], "")] };
    }
}
