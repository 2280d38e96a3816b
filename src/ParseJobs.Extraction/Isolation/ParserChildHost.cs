using System.Text.Json;
using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Isolation;

/// <summary>
/// The loop a parser child process runs: one request per line on stdin, answers on stdout, until stdin closes.
/// Failures of a document are answered as errors; only what cannot be caught (stack overflow, a native crash,
/// the OS killing the process) ends the process, and the pool reports that as PARSER_CRASHED.
/// </summary>
public static class ParserChildHost
{
    /// <summary>Exit code after an out-of-memory error: the heap may be unusable, so the child stops.</summary>
    public const int OutOfMemoryExitCode = 3;

    public static async Task<int> RunAsync(TextReader input, TextWriter output, ILayoutExtractor extractor, CancellationToken ct)
    {
        while (await input.ReadLineAsync(ct) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            ParseReply reply;
            try
            {
                var request = JsonSerializer.Deserialize<ParseRequest>(line, ParserProtocol.Json)
                    ?? throw new InvalidDataException("Empty request.");
                var content = await File.ReadAllBytesAsync(request.Path, ct);
                var progress = new LineProgress(output);
                var document = extractor.Extract(content, request.Type, request.Limits, progress);
                reply = new ParseReply(ParseReply.ResultKind, Document: document);
            }
            catch (DocumentParseException ex)
            {
                reply = new ParseReply(ParseReply.ErrorKind, Code: ex.Code, Message: ex.Message);
            }
            catch (OutOfMemoryException)
            {
                TryWrite(output, new ParseReply(ParseReply.ErrorKind, Code: ParseErrorCodes.ParserOutOfMemory,
                    Message: "The document needs more memory than a parser may use."));
                return OutOfMemoryExitCode;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The type only: exception messages of parsers can quote document content.
                reply = new ParseReply(ParseReply.ErrorKind, Code: ParseErrorCodes.DocumentCorrupt,
                    Message: $"The document could not be parsed ({ex.GetType().Name}).");
            }

            Write(output, reply);
        }

        return 0;
    }

    private static void Write(TextWriter output, ParseReply reply)
    {
        output.WriteLine(JsonSerializer.Serialize(reply, ParserProtocol.Json));
        output.Flush();
    }

    private static void TryWrite(TextWriter output, ParseReply reply)
    {
        try
        {
            Write(output, reply);
        }
        catch (OutOfMemoryException)
        {
            // Nothing left to say it with; the pool sees the exit code.
        }
    }

    // Synchronous on purpose: progress is written from the extractor's thread, before the result line.
    private sealed class LineProgress(TextWriter output) : IProgress<PageProgress>
    {
        public void Report(PageProgress value) =>
            Write(output, new ParseReply(ParseReply.ProgressKind, value.ProcessedPages, value.TotalPages));
    }
}
