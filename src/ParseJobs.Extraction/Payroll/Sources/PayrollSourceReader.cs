using ParseJobs.Extraction.Documents;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Payroll.Sources;

/// <summary>Reads any accepted format into <see cref="SourceRow"/>s: PDF and DOCX through the layout model (tables as
/// grids, other lines as positioned cells), text as CSV when it is delimited (else as lines), XLSX sheet by sheet.
/// Format errors are <see cref="DocumentParseException"/>s with the platform's codes.</summary>
public sealed class PayrollSourceReader(ILayoutExtractor layout)
{
    public PayrollSource Read(byte[] content, DocumentType type, ParseLimits limits, IProgress<PageProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        if (content.Length == 0)
            throw new DocumentParseException(ParseErrorCodes.EmptyDocument, "The document is empty.");
        return type switch
        {
            DocumentType.Xlsx => XlsxRows.Read(content, limits),
            DocumentType.Txt when CsvRows.TryRead(content, limits) is { } csv => csv,
            _ => LayoutRows.From(layout.Extract(content, type, limits, progress)),
        };
    }
}
