using System.ComponentModel.DataAnnotations;

namespace ParseJobs.Api.Auth;

public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>How long a validated API key is trusted without asking PostgreSQL again; 0 asks on every request.
    /// Short, so that a key revoked by another process (the <c>keys revoke</c> command) stops working within seconds.</summary>
    [Range(0, 300)] public int KeyCacheSeconds { get; init; } = 5;
}
