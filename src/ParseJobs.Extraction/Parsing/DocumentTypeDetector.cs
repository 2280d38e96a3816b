namespace ParseJobs.Extraction.Parsing;

// Placeholder replaced by the extraction branch.
public static class DocumentTypeDetector
{
    public static DocumentType? Detect(byte[] bytes) =>
        bytes.AsSpan().StartsWith("%PDF-"u8) ? DocumentType.Pdf
        : bytes.AsSpan().StartsWith("PK\u0003\u0004"u8) ? DocumentType.Docx
        : bytes.Contains((byte)0) ? null : DocumentType.Txt;
}
