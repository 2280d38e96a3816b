using ParseJobs.Api.Ats.Hr4You;
using ParseJobs.Api.Batches.Sources;

namespace ParseJobs.Api.Ats.Import;

/// <summary>Which of an applicant's documents is the CV: the first PDF, DOCX or TXT, by content type or file name
/// (the HR4YOU contract). The bytes are still sniffed after the download: a name or type proves nothing.</summary>
public static class CvDocumentPicker
{
    private static readonly HashSet<string> CvContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "text/plain",
    };

    public static Hr4YouDocumentRef? Pick(Hr4YouApplicant applicant) =>
        applicant.Documents.FirstOrDefault(d => IsCvType(d.ContentType) || (d.FileName is { } name && RemoteDocuments.HasCvExtension(name)));

    private static bool IsCvType(string? contentType) =>
        contentType is not null && CvContentTypes.Contains(contentType.Split(';')[0].Trim());
}
