using System.Net;
using System.Runtime.CompilerServices;
using Google.Apis.Auth.OAuth2.Responses;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Jobs;

namespace ParseJobs.Api.Batches.Sources.GoogleDrive;

/// <summary>
/// GOOGLE_DRIVE: the files directly in one folder (not trashed) are the candidates, named by their Drive name. Google
/// Docs are exported as DOCX; other Google-native types (Sheets, Slides, shortcuts, …) are candidates with an error;
/// subfolders are skipped, not read (one folder is one batch: a recruiter's folder tree is no candidate list). The
/// listing comes first, so that a folder over the count limit fails before any download.
/// </summary>
public sealed class GoogleDriveCandidateSource(IOptions<GoogleDriveSourceOptions> options, ILogger<GoogleDriveCandidateSource> logger) : ICandidateSource
{
    public const string GoogleDocMimeType = "application/vnd.google-apps.document";
    public const string DocxMimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string GoogleNativePrefix = "application/vnd.google-apps.";

    private static readonly string[] CvMimeTypes = ["application/pdf", DocxMimeType, "text/plain"];

    public BatchInputType InputType => BatchInputType.GoogleDrive;

    public SourceProblem? Check(CandidateSourceInput input)
    {
        GoogleDriveSourceConfig.Parse(input.Config, options.Value, out var problem);
        return problem;
    }

    public async IAsyncEnumerable<SourceCandidate> ReadAsync(CandidateSourceInput input, [EnumeratorCancellation] CancellationToken ct)
    {
        var limits = options.Value;
        // Checked at submission; checked again here because the accepted token endpoints may have changed since.
        var config = GoogleDriveSourceConfig.Parse(input.Config, limits, out var problem)
            ?? throw new CandidateSourceException(ErrorCodes.SourceUnavailable, problem!.Message);

        using var drive = new DriveClient(config, limits);
        var files = await ListAsync(drive, config, limits, ct);
        var unreachable = 0;
        foreach (var file in files)
        {
            var (candidate, failure) = await ReadFileAsync(drive, limits, file, ct);
            // One file that cannot be fetched is that candidate's error; a Drive that stopped answering ends the batch.
            unreachable = failure is null ? 0 : unreachable + 1;
            if (unreachable >= RemoteDocuments.MaxConsecutiveUnreachable)
            {
                throw Unavailable(config, failure!);
            }

            yield return candidate;
        }
    }

    private async Task<List<DriveFile>> ListAsync(DriveClient drive, GoogleDriveSourceConfig config, GoogleDriveSourceOptions limits, CancellationToken ct)
    {
        try
        {
            var folder = await drive.GetMetadataAsync(config.FolderId, ct);
            if (folder.MimeType != DriveClient.FolderMimeType)
            {
                throw new CandidateSourceException(ErrorCodes.SourceUnavailable,
                    $"Google Drive item '{config.FolderId}' is not a folder; source_config_json.folder_id must name a folder.");
            }

            var files = new List<DriveFile>();
            string? pageToken = null;
            var pages = 0;
            do
            {
                var page = await drive.ListChildrenAsync(config.FolderId, pageToken, ct);
                foreach (var file in page.Files ?? [])
                {
                    if (file.MimeType == DriveClient.FolderMimeType)
                    {
                        continue;
                    }

                    files.Add(file);
                    if (files.Count > limits.MaxFiles)
                    {
                        throw new CandidateSourceException(ErrorCodes.SourceLimitExceeded,
                            $"Google Drive folder '{config.FolderId}' has more than {limits.MaxFiles:N0} files; the limit is {limits.MaxFiles:N0}: split the folder.");
                    }
                }

                // A next page that does not move on (or a folder of endless empty pages) is not followed round in circles.
                if (page.NextPageToken is not null && (page.NextPageToken == pageToken || ++pages > limits.MaxFiles))
                {
                    throw new CandidateSourceException(ErrorCodes.SourceUnavailable,
                        $"Google Drive returned a listing of folder '{config.FolderId}' that does not advance; the batch stopped reading it.");
                }

                pageToken = page.NextPageToken;
            }
            while (pageToken is not null);

            return files;
        }
        catch (Exception e) when (IsSourceFailure(e, ct))
        {
            throw Unavailable(config, e);
        }
    }

    /// <summary>The file as a candidate; with the failure when Drive did not answer (network, timeout, 5xx after retries).</summary>
    private static async Task<(SourceCandidate Candidate, Exception? Failure)> ReadFileAsync(DriveClient drive, GoogleDriveSourceOptions limits, DriveFile file, CancellationToken ct)
    {
        var isGoogleDoc = file.MimeType == GoogleDocMimeType;
        var name = isGoogleDoc && !file.Name.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) ? file.Name + ".docx" : file.Name;
        var candidate = new SourceCandidate(name);
        if (!isGoogleDoc && file.MimeType.StartsWith(GoogleNativePrefix, StringComparison.Ordinal))
        {
            return (candidate with { Error = $"A Google-native file of type '{file.MimeType[GoogleNativePrefix.Length..]}' is not a CV: only Google Docs are exported (as DOCX)." }, null);
        }

        if (!isGoogleDoc && !RemoteDocuments.HasCvExtension(file.Name) && !CvMimeTypes.Contains(file.MimeType, StringComparer.Ordinal))
        {
            return (candidate with { Error = RemoteDocuments.NotACvError(file.Name) }, null);
        }

        if (file.Size > limits.MaxFileSizeBytes)
        {
            return (candidate with { Error = RemoteDocuments.TooLargeError(file.Size, limits.MaxFileSizeBytes) }, null);
        }

        if (file.Size == 0)
        {
            return (candidate with { Error = RemoteDocuments.EmptyError }, null);
        }

        // The client's timeout bounds each request; this bounds reading the body too (a server that trickles bytes).
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limits.RequestTimeout);
        try
        {
            var content = isGoogleDoc
                ? await drive.ExportAsync(file.Id, DocxMimeType, limits.MaxFileSizeBytes, timeout.Token)
                : await drive.DownloadAsync(file.Id, limits.MaxFileSizeBytes, timeout.Token);
            return (content switch
            {
                null => candidate with { Error = RemoteDocuments.TooLargeError(null, limits.MaxFileSizeBytes) },
                { Length: 0 } => candidate with { Error = RemoteDocuments.EmptyError },
                _ => candidate with { Content = content },
            }, null);
        }
        catch (DriveResponseException e) when ((int)e.Status < 500)
        {
            // One file not downloadable (the owner forbids it, deleted since the listing, too large to export): that candidate's problem.
            return (candidate with { Error = $"Google Drive did not serve the file (HTTP {(int)e.Status})." }, null);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            return (candidate with { Error = $"The file could not be read within {limits.RequestTimeoutSeconds} seconds." }, e);
        }
        catch (Exception e) when (IsSourceFailure(e, ct))
        {
            var reason = e is DriveResponseException d ? $" (Drive answered HTTP {(int)d.Status})" : ": Google Drive did not answer";
            return (candidate with { Error = $"The file could not be read{reason}." }, e);
        }
    }

    private static bool IsSourceFailure(Exception e, CancellationToken ct) => e switch
    {
        OperationCanceledException => !ct.IsCancellationRequested,
        DriveResponseException or TokenResponseException or HttpRequestException or IOException => true,
        _ => false,
    };

    private CandidateSourceException Unavailable(GoogleDriveSourceConfig config, Exception e)
    {
        var folder = $"Google Drive folder '{config.FolderId}'";
        var credential = config.ServiceAccount is { } key ? $"the service account {key.ClientEmail}" : "the access token";
        var message = e switch
        {
            DriveResponseException { Status: HttpStatusCode.Unauthorized } =>
                $"Google Drive refused {credential} (HTTP 401): the token is invalid or expired; send a fresh access token or a valid service account key.",
            DriveResponseException { Status: HttpStatusCode.NotFound } =>
                $"{folder} was not found, or is not shared with {credential}.",
            DriveResponseException { Status: HttpStatusCode.Forbidden } =>
                $"{folder} is not readable with {credential} (HTTP 403): share the folder with it, or check the Drive API is enabled.",
            DriveResponseException d => $"{folder} could not be read (Drive answered HTTP {(int)d.Status}).",
            TokenResponseException => $"Google's token endpoint refused {credential}: the key is revoked, disabled or not a service account's.",
            InvalidDataException => $"{folder} could not be read: Drive's answer was not what its API returns.",
            _ => $"{folder} could not be read: Google Drive did not answer within {options.Value.RequestTimeoutSeconds} seconds and {options.Value.MaxRetries} retries, or refused the connection.",
        };

        // The exception itself is not kept: token errors can quote the token endpoint's answer. Its type and status are enough.
        logger.LogWarning("Google Drive source unavailable: folder {FolderId}, {ExceptionType} {Status}",
            config.FolderId, e.GetType().Name, (e as DriveResponseException)?.Status ?? (e as TokenResponseException)?.StatusCode);
        return new CandidateSourceException(ErrorCodes.SourceUnavailable, message);
    }
}
