using System.Text.Json.Serialization;

namespace ParseJobs.Extraction.Parsing;

/// <summary>
/// What a parser makes of a document besides reading it: the parser (a child process, or the worker itself when
/// isolation is off) renders, chunks or extracts, caps and serialises the product, so that the caller only ever
/// handles the capped, size-checked result (<see cref="ParsedProduct"/>), never the layout model.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "product")]
[JsonDerivedType(typeof(DocumentResultProduct), "document")]
[JsonDerivedType(typeof(CvProfileProduct), "cv")]
[JsonDerivedType(typeof(PayrollProduct), "payroll")]
public abstract record ParseProduct;

/// <summary>The layout result of a document job (pages, chunks, markdown, html) and the images it serves.</summary>
/// <param name="ChunkTargetLength">Words per chunk to aim for.</param>
/// <param name="IncludeMarkdown">Markdown of each segment.</param>
/// <param name="IncludeHtml">HTML of each segment.</param>
/// <param name="ImageUrlPrefix">Where stored images are served; a picture's <c>image_url</c> is this followed by the
/// segment id its bytes are stored under.</param>
public sealed record DocumentResultProduct(int ChunkTargetLength, bool IncludeMarkdown, bool IncludeHtml, string ImageUrlPrefix) : ParseProduct;

/// <summary>A candidate profile (the result of a CV job) with its meta; no image bytes.</summary>
public sealed record CvProfileProduct : ParseProduct;

/// <summary>The canonical payroll of a document (<see cref="Payroll.PayrollExtraction"/>): PDF, DOCX, CSV or XLSX.</summary>
public sealed record PayrollProduct : ParseProduct;
