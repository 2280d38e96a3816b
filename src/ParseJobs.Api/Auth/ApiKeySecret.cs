using System.Security.Cryptography;

namespace ParseJobs.Api.Auth;

/// <summary>Makes and checks API keys of the form <c>sk_live_&lt;random&gt;</c>.</summary>
public static class ApiKeySecret
{
    public const string KeyPrefix = "sk_live_";
    public const int LookupLength = 8;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const int RandomLength = 40; // 40 base62 characters ≈ 238 bits

    public static string Generate() => KeyPrefix + RandomNumberGenerator.GetString(Alphabet, RandomLength);

    public static byte[] Hash(string key) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key));

    /// <summary>The non-secret lookup handle of a well-formed key, or null when the key cannot be one of ours.</summary>
    public static string? LookupPrefix(string key) =>
        key.Length == KeyPrefix.Length + RandomLength && key.StartsWith(KeyPrefix, StringComparison.Ordinal)
            ? key.Substring(KeyPrefix.Length, LookupLength)
            : null;

    public static bool Matches(string key, byte[] storedHash) => HashMatches(Hash(key), storedHash);

    public static bool HashMatches(byte[] keyHash, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(keyHash, storedHash);
}
