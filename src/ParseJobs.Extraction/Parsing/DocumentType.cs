namespace ParseJobs.Extraction.Parsing;

/// <summary>The document formats ParseJobs reads. Detected from the bytes, never from a file name.</summary>
public enum DocumentType
{
    Pdf,
    Docx,
    Txt,

    /// <summary>An Excel workbook; read only by payroll jobs (<see cref="DocumentTypeDetector.DetectPayroll(byte[])"/>).</summary>
    Xlsx,
}
