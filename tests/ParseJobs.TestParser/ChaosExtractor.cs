using System.Text;
using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.TestParser;

/// <summary>
/// Misbehaves as the document's text says: <c>hang</c>, <c>oom</c>, <c>crash</c>, <c>stackoverflow</c>,
/// <c>corrupt</c>, <c>slow:N[:MS]</c> (N pages with progress, MS milliseconds each), <c>pid</c> (the child's
/// process id), <c>env</c> (the names of the child's environment variables, one per line), <c>bug</c> (an
/// unexpected exception, as a bug of ours would throw), <c>bigreply:MB</c> (a result line of MB megabytes written
/// straight to stdout, then a hang), <c>bigframe:MB</c> (a result header announcing MB megabytes of result JSON,
/// then those bytes, then a hang); anything else comes back as one page.
/// </summary>
public sealed class ChaosExtractor(TextWriter output) : ILayoutExtractor
{
    private static readonly List<byte[]> Hoard = [];

    public LayoutDocument Extract(byte[] content, DocumentType type, ParseLimits limits, IProgress<PageProgress>? progress = null)
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
            case "env":
                return OnePage(type, string.Join('\n', Environment.GetEnvironmentVariables().Keys.Cast<string>().Order(StringComparer.Ordinal)));
            case "bug":
                throw new InvalidOperationException("Chaos: a bug in our own analysis code.");
        }

        if (text.Split(':') is ["bigreply", var size] && int.TryParse(size, out var megabytes))
        {
            WriteHugeLine(megabytes);
        }

        if (text.Split(':') is ["bigframe", var frameSize] && int.TryParse(frameSize, out var frameMegabytes))
        {
            WriteHugeFrame(frameMegabytes);
        }

        if (text.Split(':') is ["slow", var count, .. var rest] && int.TryParse(count, out var pages))
        {
            var delay = rest is [var ms] && int.TryParse(ms, out var parsed) ? parsed : 20;
            var result = new List<string>();
            for (var page = 1; page <= pages; page++)
            {
                Thread.Sleep(delay);
                result.Add($"page {page}");
                progress?.Report(new PageProgress(page, pages));
            }

            return Pages(type, result);
        }

        return OnePage(type, text);
    }

    /// <summary>A reply line far beyond the parent's budget; the parent must stop reading and kill us.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void WriteHugeLine(int megabytes)
    {
        var chunk = new string('x', 1024 * 1024);
        output.Write("{\"kind\":\"result\",\"document\":{\"type\":\"Txt\",\"pages\":[],\"segments\":[{\"text\":\"");
        for (var i = 0; i < megabytes; i++)
        {
            output.Write(chunk);
        }

        output.WriteLine("\"}]}}");
        output.Flush();
        while (true)
        {
            Thread.Sleep(100);
        }
    }

    /// <summary>A well-formed result header whose frame is far beyond the parent's budget: the parent must refuse it
    /// from the header, before it reads (or allocates) the announced bytes, and kill us.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void WriteHugeFrame(int megabytes)
    {
        var bytes = megabytes * 1024L * 1024L;
        output.WriteLine($"{{\"kind\":\"result\",\"frame\":{{\"pageCount\":1,\"jsonBytes\":{bytes},\"images\":[],\"warnings\":[]}}}}");
        var chunk = new string('x', 1024 * 1024);
        for (var i = 0; i < megabytes; i++)
        {
            output.Write(chunk);
        }

        output.Flush();
        while (true)
        {
            Thread.Sleep(100);
        }
    }

    private static LayoutDocument OnePage(DocumentType type, string text) => Pages(type, [text]);

    /// <summary>One page per text, each holding one Text segment.</summary>
    private static LayoutDocument Pages(DocumentType type, IReadOnlyList<string> texts) => new()
    {
        Type = type,
        Pages = texts.Select((_, i) => new LayoutPage(i + 1, 595, 842)).ToList(),
        Segments = texts.Select((t, i) => new Segment
        {
            Id = $"seg_{i + 1}",
            Type = SegmentType.Text,
            PageNumber = i + 1,
            Box = new BoundingBox(0, 0, 595, 12),
            Text = t,
        }).ToList(),
    };

    // Not a tail call (the result is used after the call) and a fat frame: the stack runs out quickly.
    private static LayoutDocument Recurse(int depth)
    {
        Span<byte> frame = stackalloc byte[512];
        frame[depth % 512] = 1;
        var inner = depth < 0 ? OnePage(DocumentType.Txt, "") : Recurse(depth + 1);
        return inner with { Warnings = [.. inner.Warnings, new DocumentWarning("DEPTH", frame[0].ToString(System.Globalization.CultureInfo.InvariantCulture))] };
    }
}
