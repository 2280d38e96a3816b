namespace ParseJobs.Extraction.Parsing;

/// <summary>One page of extracted text. DOCX and TXT have no real pages; they are one page.</summary>
public sealed record ExtractedPage(int Number, string Text);

/// <summary>The plain text of a document, page by page, in reading order.</summary>
public sealed record ExtractedDocument(DocumentType Type, IReadOnlyList<ExtractedPage> Pages)
{
    public int PageCount => Pages.Count;

    public string Text => string.Join("\n\n", Pages.Select(p => p.Text));
}

/// <summary>Reported after each page so that clients can follow a long document.</summary>
public readonly record struct PageProgress(int ProcessedPages, int TotalPages);
