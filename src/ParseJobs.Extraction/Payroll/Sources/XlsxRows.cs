using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Extraction.Payroll.Sources;

/// <summary>XLSX workbooks as grid rows, one block per sheet (cached values of formulas), within the ZIP bounds of
/// <see cref="ZipGuard"/> and the row, cell and sheet limits.</summary>
public static class XlsxRows
{
    public static PayrollSource Read(byte[] content, ParseLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        ZipGuard.Check(content, limits.PackageLimits());
        // TODO(skeleton): read sheets with DocumentFormat.OpenXml's SAX reader.
        return PayrollSource.Empty;
    }
}
