using Microsoft.Extensions.Logging;

namespace ParseJobs.Extraction.Isolation;

/// <summary>
/// The pool's private folder for the documents it hands to children (CVs: personal data). The folder is
/// <c>&lt;base&gt;/parsejobs-&lt;random&gt;</c>, mode 0700, its files 0600, and it is deleted when the pool is disposed.
/// A pool holds an exclusive lock on <c>.lock</c> in its folder while it lives; the lock dies with the process, so
/// when a pool starts it deletes every sibling folder whose lock it can take: the leftovers of a killed worker.
/// </summary>
internal sealed class ParserTempDirectory : IDisposable
{
    public const string Prefix = "parsejobs-";
    private const string SharedRootName = "parsejobs-parsers";
    private const string LockFileName = ".lock";

    // A folder without a lock file is one being created this instant, or a leftover of an older version.
    private static readonly TimeSpan UnlockedGrace = TimeSpan.FromMinutes(1);

    // Versions before the private folder wrote <temp>/parsejobs-<guid>.bin; one still running may be using its file.
    private static readonly TimeSpan LegacyFileGrace = TimeSpan.FromHours(1);

    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly FileStream _lock;

    private ParserTempDirectory(string path, FileStream heldLock)
    {
        Path = path;
        _lock = heldLock;
    }

    /// <summary>The private folder.</summary>
    public string Path { get; }

    public static ParserTempDirectory Create(string? baseDirectory, ILogger logger)
    {
        // A folder of our own under the system temp: the start-up clean-up never touches another program's entries.
        var root = baseDirectory ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), SharedRootName);
        if (!Directory.Exists(root))
        {
            CreatePrivate(root);
        }

        DeleteLeftovers(root, baseDirectory ?? System.IO.Path.GetTempPath(), logger);
        var path = System.IO.Path.Combine(root, Prefix + Guid.NewGuid().ToString("N"));
        CreatePrivate(path);
        var heldLock = new FileStream(System.IO.Path.Combine(path, LockFileName), OwnerOnly(FileMode.CreateNew, FileAccess.ReadWrite));
        return new ParserTempDirectory(path, heldLock);
    }

    /// <summary>Writes the bytes to a new owner-only file in the folder and returns its path.</summary>
    public async Task<string> WriteAsync(byte[] content, CancellationToken ct)
    {
        var path = System.IO.Path.Combine(Path, Guid.NewGuid().ToString("N") + ".bin");
        await using var file = new FileStream(path, OwnerOnly(FileMode.CreateNew, FileAccess.Write));
        await file.WriteAsync(content, ct);
        return path;
    }

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The folder goes with the pool, and a later pool deletes it if this one dies.
        }
    }

    private static FileStreamOptions OwnerOnly(FileMode mode, FileAccess access)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        return options;
    }

    private static void CreatePrivate(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, OwnerOnlyDirectory);

        // An existing folder keeps its mode: narrow it (this fails when another user owns it, which is right).
        if (File.GetUnixFileMode(path) != OwnerOnlyDirectory)
        {
            File.SetUnixFileMode(path, OwnerOnlyDirectory);
        }
    }

    private static void DeleteLeftovers(string root, string legacyRoot, ILogger logger)
    {
        foreach (var file in Directory.EnumerateFiles(legacyRoot, Prefix + "*.bin"))
        {
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(file) > LegacyFileGrace)
                TryDelete(file);
        }

        foreach (var folder in Directory.EnumerateDirectories(root, Prefix + "*"))
        {
            try
            {
                var lockPath = System.IO.Path.Combine(folder, LockFileName);
                if (!File.Exists(lockPath))
                {
                    if (DateTime.UtcNow - Directory.GetLastWriteTimeUtc(folder) > UnlockedGrace)
                    {
                        Directory.Delete(folder, recursive: true);
                    }

                    continue;
                }

                // Taking the lock means its pool is gone; a living pool's lock throws IOException.
                using (new FileStream(lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                {
                    var files = Directory.GetFiles(folder).Length;
                    Directory.Delete(folder, recursive: true);
                    logger.LogInformation("Deleted the folder of a parser pool that died, with {Files} file(s)", files);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // In use by a living pool, or another user's.
            }
        }
    }

    public void Dispose()
    {
        _lock.Dispose();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Deleted by the next pool to start.
        }
    }
}
