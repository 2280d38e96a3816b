using System.ComponentModel.DataAnnotations;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Hosting;
using ParseJobs.Api.Jobs;
using ParseJobs.Extraction.Parsing;

namespace ParseJobs.Api.Batches.Sources;

/// <summary>Limits of a ZIP of CVs (<c>Sources:Zip</c>).</summary>
public sealed class ZipSourceOptions
{
    public const string Section = "Sources:Zip";

    /// <summary>Most entries, directories and skipped ones included.</summary>
    [Range(1, 100_000)] public int MaxEntries { get; init; } = 1_000;

    /// <summary>Most bytes all entries together may inflate to.</summary>
    [Range(1, 10_000)] public int MaxUncompressedMb { get; init; } = 500;

    /// <summary>Largest entry (a CV bigger than this is an item with an error).</summary>
    [Range(1, 500)] public int MaxEntryMb { get; init; } = 20;

    /// <summary>Highest uncompressed/compressed ratio of an entry above 64 KB: beyond it the archive is a zip bomb.</summary>
    [Range(2, 100_000)] public int MaxCompressionRatio { get; init; } = 200;
}

/// <summary>
/// ZIP_FILE: every file entry of the uploaded archive is a candidate (nested folders too); directories and macOS
/// resource forks (<c>__MACOSX/</c>) are skipped; images, other types, empty and oversize files are candidates with
/// an error. Names are labels only: nothing is written to the file system, and an unsafe name (<c>..</c>, absolute,
/// control characters) makes its entry an error item, never a path. The type comes from the content.
/// Zip bombs are refused: by the declared sizes at submission, by the bytes actually inflated when read.
/// </summary>
public sealed class ZipSource(IOptions<ZipSourceOptions> options) : ICandidateSource
{
    private const string FileField = "candidate_source_file";

    public BatchInputType InputType => BatchInputType.ZipFile;

    public SourceProblem? Check(CandidateSourceInput input)
    {
        if (input.File is not { Length: > 0 } file)
        {
            return new SourceProblem(FileField, "ZIP_FILE needs the ZIP archive of CVs as the multipart file 'candidate_source_file'.", null, "a ZIP archive");
        }

        if (input.Config is not null)
        {
            return new SourceProblem("source_config_json", "ZIP_FILE takes no source_config_json: the CVs come in the uploaded archive.", "an object", null);
        }

        if (!LooksLikeZip(file))
        {
            return new SourceProblem(FileField, "The file is not a ZIP archive.", input.FileName, "a ZIP archive (PK signature)");
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(file, writable: false), ZipArchiveMode.Read);
            return CheckDeclared(zip) is { } problem ? new SourceProblem(FileField, problem, input.FileName, Limits()) : null;
        }
        catch (InvalidDataException)
        {
            return new SourceProblem(FileField, "The ZIP archive is damaged: its directory cannot be read.", input.FileName, "a valid ZIP archive");
        }
    }

    public async IAsyncEnumerable<SourceCandidate> ReadAsync(CandidateSourceInput input, [EnumeratorCancellation] CancellationToken ct)
    {
        var file = input.File ?? throw new CandidateSourceException(ErrorCodes.SourceUnavailable, "The batch's ZIP archive is missing.");
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(file, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException ex)
        {
            throw new CandidateSourceException(ErrorCodes.SourceUnavailable, "The ZIP archive is damaged: its directory cannot be read.", ex);
        }

        using (zip)
        {
            if (CheckDeclared(zip) is { } problem)
            {
                throw new CandidateSourceException(ErrorCodes.SourceLimitExceeded, problem);
            }

            var o = options.Value;
            var budget = o.MaxUncompressedMb * 1024L * 1024L;
            foreach (var entry in zip.Entries)
            {
                ct.ThrowIfCancellationRequested();
                if (IsSkipped(entry))
                {
                    continue;
                }

                var name = Label(entry.FullName);
                if (ZipGuard.UnsafeNameReason(entry.FullName) is { } unsafeName)
                {
                    yield return new SourceCandidate(name) { Error = $"The entry's name is unsafe ({unsafeName}); it was not read." };
                    continue;
                }

                if (entry.Length > o.MaxEntryMb * 1024L * 1024L)
                {
                    yield return new SourceCandidate(name) { Error = $"The file is larger than {o.MaxEntryMb} MB (Sources:Zip:MaxEntryMb)." };
                    continue;
                }

                if (entry.Length == 0)
                {
                    yield return new SourceCandidate(name) { Error = "The file is empty (0 bytes)." };
                    continue;
                }

                var content = await InflateOrNullAsync(entry, ct);
                if (content is null)
                {
                    yield return new SourceCandidate(name) { Error = "The entry is damaged and cannot be decompressed." };
                    continue;
                }

                budget -= content.Length;
                if (budget < 0)
                {
                    throw new CandidateSourceException(ErrorCodes.SourceLimitExceeded,
                        $"The ZIP archive expands beyond {o.MaxUncompressedMb} MB (Sources:Zip:MaxUncompressedMb); split it into smaller archives.");
                }

                yield return Classify(name, content);
            }
        }
    }

    /// <summary>A document to parse, or why the entry is none (the type is detected from the content, not the name).</summary>
    private static SourceCandidate Classify(string name, byte[] content)
    {
        var type = DocumentTypeDetector.Detect(content);
        if (type is null)
        {
            var what = ImageSniffer.MediaType(content) is { } image ? $"an image ({image})"
                : DocumentTypeDetector.MarkupKind(content) is { } markup ? $"{markup} markup"
                : "not a supported document";
            return new SourceCandidate(name) { Error = $"The file is {what}, not a CV; accepted formats are {DocumentTypeDetector.AcceptedFormats}." };
        }

        if (type == DocumentType.Txt && !DocumentTypeDetector.HasReadableText(content, Uploads.DocumentUploadReader.MinLetters))
        {
            return new SourceCandidate(name) { Error = "The file has no readable text." };
        }

        return new SourceCandidate(name) { Content = content };
    }

    private static async Task<byte[]?> InflateOrNullAsync(ZipArchiveEntry entry, CancellationToken ct)
    {
        try
        {
            return await InflateAsync(entry, ct);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    // The entry's bytes, inflated against its declared size: an entry that inflates beyond it lies, as bombs do.
    private static async Task<byte[]> InflateAsync(ZipArchiveEntry entry, CancellationToken ct)
    {
        var declared = entry.Length;
        var content = new byte[declared];
        await using var stream = entry.Open();
        var read = 0;
        while (read < declared)
        {
            var n = await stream.ReadAsync(content.AsMemory(read), ct);
            if (n == 0)
            {
                throw new InvalidDataException("The entry is shorter than declared.");
            }

            read += n;
        }

        if (await stream.ReadAsync(new byte[1], ct) > 0)
        {
            throw new CandidateSourceException(ErrorCodes.SourceLimitExceeded,
                "An entry of the ZIP archive inflates beyond its declared size (a zip bomb); the archive was refused.");
        }

        return content;
    }

    // What the archive's directory says: entry count, total size, ratio. Messages quote no entry names (attacker-chosen).
    private string? CheckDeclared(ZipArchive zip)
    {
        var o = options.Value;
        if (zip.Entries.Count > o.MaxEntries)
        {
            return $"The ZIP archive has {zip.Entries.Count} entries; at most {o.MaxEntries} are allowed (Sources:Zip:MaxEntries).";
        }

        long total = 0;
        for (var i = 0; i < zip.Entries.Count; i++)
        {
            var entry = zip.Entries[i];
            total += entry.Length;
            if (total > o.MaxUncompressedMb * 1024L * 1024L)
            {
                return $"The ZIP archive expands beyond {o.MaxUncompressedMb} MB (Sources:Zip:MaxUncompressedMb).";
            }

            if (entry.Length > ZipGuard.RatioCheckMinimumBytes && entry.Length > (long)o.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
            {
                return $"Entry {i + 1} of the ZIP archive is compressed more than {o.MaxCompressionRatio}:1: a zip bomb; the archive was refused.";
            }
        }

        return null;
    }

    private object Limits() => new
    {
        max_entries = options.Value.MaxEntries,
        max_uncompressed_mb = options.Value.MaxUncompressedMb,
        max_compression_ratio = options.Value.MaxCompressionRatio,
    };

    private static bool IsSkipped(ZipArchiveEntry entry)
    {
        var name = entry.FullName.Replace('\\', '/');
        return name.EndsWith('/') || name.StartsWith("__MACOSX/", StringComparison.Ordinal) || name.Contains("/__MACOSX/", StringComparison.Ordinal);
    }

    // The results' original_filename: the path inside the archive, with control characters (never meant, and NUL
    // cannot be stored) replaced.
    private static string Label(string name) =>
        name.Any(char.IsControl) ? new string([.. name.Select(c => char.IsControl(c) ? '?' : c)]) : name;

    private static bool LooksLikeZip(byte[] file) =>
        file.Length >= 4 && file[0] == 'P' && file[1] == 'K' && (file[2], file[3]) is (3, 4) or (5, 6);
}
