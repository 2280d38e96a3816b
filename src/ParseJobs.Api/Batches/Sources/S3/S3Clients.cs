using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace ParseJobs.Api.Batches.Sources.S3;

/// <summary>The one place an <see cref="AmazonS3Client"/> is configured for a batch's <see cref="S3SourceConfig"/>.</summary>
public static class S3Clients
{
    public static AmazonS3Client Create(S3SourceConfig config, S3SourceOptions options)
    {
        AWSCredentials credentials = config.SessionToken is null
            ? new BasicAWSCredentials(config.AccessKeyId, config.SecretAccessKey)
            : new SessionAWSCredentials(config.AccessKeyId, config.SecretAccessKey, config.SessionToken);

        var s3 = new AmazonS3Config
        {
            Timeout = TimeSpan.FromSeconds(options.RequestTimeoutSeconds),
            MaxErrorRetry = options.MaxRetries,
            RetryMode = RequestRetryMode.Standard,
            // AWS_ENDPOINT_URL(_S3) in the server's environment or profile must not redirect a tenant's credentials.
            IgnoreConfiguredEndpointUrls = true,
            // Checksums only where S3 requires them: S3-compatible stores do not all send or accept the newer ones.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };

        if (config.Endpoint is { } endpoint)
        {
            // S3-compatible stores: path-style (http://host:port/bucket/key), so the bucket never becomes a DNS name.
            s3.ServiceURL = endpoint.GetLeftPart(UriPartial.Authority);
            s3.ForcePathStyle = true;
            s3.AuthenticationRegion = config.Region;
        }
        else
        {
            s3.RegionEndpoint = RegionEndpoint.GetBySystemName(config.Region);
        }

        return new AmazonS3Client(credentials, s3);
    }
}
