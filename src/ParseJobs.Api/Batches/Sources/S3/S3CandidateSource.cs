using System.Net;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;
using ParseJobs.Api.Jobs;

namespace ParseJobs.Api.Batches.Sources.S3;

/// <summary>
/// AWS_S3: every object under the bucket's prefix (nested keys included; "folder" keys ending in '/' skipped) is a
/// candidate named by its key. The whole listing comes first, so that a prefix over the count limit fails the batch
/// before any download; objects are then fetched one at a time as the batch consumes them.
/// </summary>
public sealed class S3CandidateSource(IOptions<S3SourceOptions> options, ILogger<S3CandidateSource> logger) : ICandidateSource
{
    /// <summary>Listed entries (folder markers included) beyond which a misbehaving store is not followed further.</summary>
    private const int ListedEntriesPerAllowedObject = 10;

    public BatchInputType InputType => BatchInputType.AwsS3;

    public SourceProblem? Check(CandidateSourceInput input)
    {
        S3SourceConfig.Parse(input.Config, options.Value, out var problem);
        return problem;
    }

    public async IAsyncEnumerable<SourceCandidate> ReadAsync(CandidateSourceInput input, [EnumeratorCancellation] CancellationToken ct)
    {
        var limits = options.Value;
        // Checked at submission; checked again here because the allow-list may have changed since.
        var config = S3SourceConfig.Parse(input.Config, limits, out var problem)
            ?? throw new CandidateSourceException(ErrorCodes.SourceUnavailable, problem!.Message);

        using var client = S3Clients.Create(config, limits);
        var objects = await ListAsync(client, config, limits, ct);
        var unreachable = 0;
        foreach (var entry in objects)
        {
            var (candidate, failure) = await ReadObjectAsync(client, config, limits, entry, ct);
            // One object that cannot be fetched is that candidate's error; a store that stopped answering ends the batch.
            unreachable = failure is null ? 0 : unreachable + 1;
            if (unreachable >= RemoteDocuments.MaxConsecutiveUnreachable)
            {
                throw Unavailable(config, failure!, "read");
            }

            yield return candidate;
        }
    }

    private async Task<List<S3Object>> ListAsync(AmazonS3Client client, S3SourceConfig config, S3SourceOptions limits, CancellationToken ct)
    {
        var objects = new List<S3Object>();
        var request = new ListObjectsV2Request { BucketName = config.Bucket, Prefix = config.Prefix.Length == 0 ? null : config.Prefix };
        var listed = 0;
        while (true)
        {
            ListObjectsV2Response page;
            try
            {
                page = await client.ListObjectsV2Async(request, ct);
            }
            catch (Exception e) when (IsSourceFailure(e, ct))
            {
                throw Unavailable(config, e, "listed");
            }

            foreach (var entry in page.S3Objects ?? [])
            {
                listed++;
                if (entry.Key is null || entry.Key.EndsWith('/'))
                {
                    continue;
                }

                objects.Add(entry);
                if (objects.Count > limits.MaxObjects)
                {
                    throw TooMany(config, limits);
                }
            }

            if (page.IsTruncated is not true)
            {
                return objects;
            }

            // A truncated page must move the listing on; a store that does not is not followed round in circles.
            if (string.IsNullOrEmpty(page.NextContinuationToken) || page.NextContinuationToken == request.ContinuationToken
                || listed > limits.MaxObjects * ListedEntriesPerAllowedObject)
            {
                throw new CandidateSourceException(ErrorCodes.SourceUnavailable,
                    $"S3 bucket '{config.Bucket}' returned a listing that does not advance; the batch stopped reading it.");
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
    }

    /// <summary>The object as a candidate; with the failure when the store did not answer (network, timeout, 5xx after retries).</summary>
    private static async Task<(SourceCandidate Candidate, Exception? Failure)> ReadObjectAsync(AmazonS3Client client, S3SourceConfig config, S3SourceOptions limits, S3Object entry, CancellationToken ct)
    {
        var key = entry.Key;
        var candidate = new SourceCandidate(key);
        if (!RemoteDocuments.HasCvExtension(key))
        {
            return (candidate with { Error = RemoteDocuments.NotACvError(key) }, null);
        }

        if (entry.Size > limits.MaxObjectSizeBytes)
        {
            return (candidate with { Error = RemoteDocuments.TooLargeError(entry.Size, limits.MaxObjectSizeBytes) }, null);
        }

        if (entry.Size == 0)
        {
            return (candidate with { Error = RemoteDocuments.EmptyError }, null);
        }

        // The SDK's timeout bounds the request; this bounds reading the body too (a store that trickles bytes).
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(limits.RequestTimeoutSeconds));
        try
        {
            using var response = await client.GetObjectAsync(new GetObjectRequest { BucketName = config.Bucket, Key = key }, timeout.Token);
            var content = await RemoteDocuments.ReadBoundedAsync(response.ResponseStream, limits.MaxObjectSizeBytes, timeout.Token);
            return (content switch
            {
                null => candidate with { Error = RemoteDocuments.TooLargeError(null, limits.MaxObjectSizeBytes) },
                { Length: 0 } => candidate with { Error = RemoteDocuments.EmptyError },
                _ => candidate with { Content = content },
            }, null);
        }
        catch (AmazonS3Exception e) when ((int)e.StatusCode < 500)
        {
            // One object denied, or deleted since the listing: that candidate's problem, not the batch's.
            return (candidate with { Error = $"The object could not be read ({Describe(e)})." }, null);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            return (candidate with { Error = $"The object could not be read within {limits.RequestTimeoutSeconds} seconds." }, e);
        }
        catch (Exception e) when (IsSourceFailure(e, ct))
        {
            var reason = e is AmazonServiceException service ? $" ({Describe(service)})" : ": the store did not answer";
            return (candidate with { Error = $"The object could not be read{reason}." }, e);
        }
    }

    /// <summary>What ends the source (after the SDK's retries): S3's refusals, the network, a timeout; never our caller's cancellation.</summary>
    private static bool IsSourceFailure(Exception e, CancellationToken ct) => e switch
    {
        OperationCanceledException => !ct.IsCancellationRequested,
        AmazonServiceException or AmazonClientException or HttpRequestException or IOException => true,
        _ => false,
    };

    private CandidateSourceException Unavailable(S3SourceConfig config, Exception e, string verb)
    {
        var where = config.Endpoint is null ? $"region {config.Region}" : config.Endpoint.GetLeftPart(UriPartial.Authority);
        var message = e switch
        {
            AmazonS3Exception { ErrorCode: "NoSuchBucket" } => $"S3 bucket '{config.Bucket}' does not exist ({where}).",
            AmazonS3Exception { ErrorCode: "PermanentRedirect" or "AuthorizationHeaderMalformed" or "IllegalLocationConstraintException" } =>
                $"S3 bucket '{config.Bucket}' is not in {where}: set source_config_json.region to the bucket's region.",
            AmazonS3Exception { StatusCode: HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized } s =>
                $"S3 bucket '{config.Bucket}' refused access ({Describe(s)}): check the access key and its s3:ListBucket and s3:GetObject permissions.",
            AmazonS3Exception { StatusCode: HttpStatusCode.NotFound } s => $"S3 bucket '{config.Bucket}' was not found ({Describe(s)}, {where}).",
            AmazonS3Exception s => $"S3 bucket '{config.Bucket}' could not be {verb} ({Describe(s)}).",
            _ => $"S3 bucket '{config.Bucket}' could not be reached ({where}): the store did not answer within {options.Value.RequestTimeoutSeconds} seconds and {options.Value.MaxRetries} retries, or refused the connection.",
        };

        // The exception itself is not kept: SDK messages can quote request details. Its type and S3's code are enough.
        logger.LogWarning("S3 source unavailable: bucket {Bucket}, {Where}, {ExceptionType} {ErrorCode} {Status}",
            config.Bucket, where, e.GetType().Name, (e as AmazonServiceException)?.ErrorCode, (e as AmazonServiceException)?.StatusCode);
        return new CandidateSourceException(ErrorCodes.SourceUnavailable, message);
    }

    private static CandidateSourceException TooMany(S3SourceConfig config, S3SourceOptions limits) => new(ErrorCodes.SourceLimitExceeded,
        $"S3 bucket '{config.Bucket}' has more than {limits.MaxObjects:N0} objects under prefix '{config.Prefix}'; the limit is {limits.MaxObjects:N0}: narrow the prefix or split the batch.");

    /// <summary>S3's error code and HTTP status, kept to safe characters (a store's code is no place for a message).</summary>
    private static string Describe(AmazonServiceException e)
    {
        var code = new string((e.ErrorCode ?? "").Where(char.IsAsciiLetterOrDigit).Take(64).ToArray());
        return code.Length == 0 ? $"HTTP {(int)e.StatusCode}" : $"{code}, HTTP {(int)e.StatusCode}";
    }
}
