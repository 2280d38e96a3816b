namespace ParseJobs.Api.Batches.Sources;

/// <summary>The codes a batch fails with when its source cannot be read (<see cref="CandidateSourceException.Code"/>).</summary>
public static class SourceErrorCodes
{
    /// <summary>The source cannot be reached or refuses access: no such bucket or folder, denied or invalid credentials, unreachable.</summary>
    public const string SourceUnavailable = "SOURCE_UNAVAILABLE";

    /// <summary>The source holds more candidates than the operator's limit.</summary>
    public const string SourceLimitExceeded = "SOURCE_LIMIT_EXCEEDED";
}
