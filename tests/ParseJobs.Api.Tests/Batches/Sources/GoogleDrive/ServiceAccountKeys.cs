using System.Security.Cryptography;

namespace ParseJobs.Api.Tests.Batches.Sources.GoogleDrive;

/// <summary>Throwaway service account key files, made at test time (an RSA key no one else has).</summary>
public static class ServiceAccountKeys
{
    /// <summary>A key file's fields, as Google's console writes them; the fake learns its public key.</summary>
    public static Dictionary<string, string> Create(FakeDriveServer drive, string tokenUri, string email = "batch-reader@parsejobs-test.iam.gserviceaccount.com")
    {
        var rsa = RSA.Create(2048);
        drive.ServiceAccounts[email] = rsa;
        return KeyFile(rsa, email, tokenUri);
    }

    /// <summary>A key file signed by a key the fake does not know (a revoked or forged key).</summary>
    public static Dictionary<string, string> Unknown(string email, string tokenUri)
    {
        using var rsa = RSA.Create(2048);
        return KeyFile(rsa, email, tokenUri);
    }

    private static Dictionary<string, string> KeyFile(RSA rsa, string email, string tokenUri) => new(StringComparer.Ordinal)
    {
        ["type"] = "service_account",
        ["project_id"] = "parsejobs-test",
        ["private_key_id"] = "0123456789abcdef",
        ["private_key"] = rsa.ExportPkcs8PrivateKeyPem(),
        ["client_email"] = email,
        ["client_id"] = "100000000000000000001",
        ["auth_uri"] = "https://accounts.google.com/o/oauth2/auth",
        ["token_uri"] = tokenUri,
    };
}
