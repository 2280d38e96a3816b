using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Payroll.Sources;

/// <summary>XLSX workbooks: recognised and checked against the ZIP bounds of <see cref="ZipGuard"/>, but their
/// sheets are not read yet. A workbook fails with UNSUPPORTED_TYPE and a message that says what to send instead,
/// rather than completing as a document without payroll.</summary>
public static class XlsxRows
{
    public static PayrollSource Read(byte[] content, ParseLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        ZipGuard.Check(content, limits.PackageLimits());
        throw new DocumentParseException(ParseErrorCodes.UnsupportedType,
            "XLSX workbooks are not read yet; save the sheet as CSV (any delimiter, decimal point or comma) and send that.");
    }
}
