namespace ParseJobs.Api.Batches.Sources.Database;

/// <summary>
/// An uploaded SQLite database written where SQLite can open it: an owner-only (0600) file in a private (0700)
/// folder of its own under <c>&lt;temp&gt;/parsejobs-sqlite-sources</c>, deleted with the folder on dispose. A folder
/// older than <see cref="LeftoverAge"/> is the leftover of a killed worker (a query has a timeout) and is deleted
/// when the next upload is written.
/// </summary>
internal sealed class SqliteUploadFile : IDisposable
{
    private const string RootName = "parsejobs-sqlite-sources";
    private static readonly TimeSpan LeftoverAge = TimeSpan.FromHours(6);

    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly string _folder;

    private SqliteUploadFile(string folder, string path)
    {
        _folder = folder;
        Path = path;
    }

    public string Path { get; }

    /// <summary>The 16 bytes every SQLite 3 database starts with.</summary>
    public static bool HasSqliteHeader(ReadOnlySpan<byte> content) => content.StartsWith("SQLite format 3\0"u8);

    public static async Task<SqliteUploadFile> WriteAsync(byte[] content, string? baseDirectory, CancellationToken ct)
    {
        var root = System.IO.Path.Combine(baseDirectory ?? System.IO.Path.GetTempPath(), RootName);
        CreatePrivate(root);
        DeleteLeftovers(root);
        var folder = System.IO.Path.Combine(root, Guid.NewGuid().ToString("N"));
        CreatePrivate(folder);
        var path = System.IO.Path.Combine(folder, "source.db");
        try
        {
            var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                file.UnixCreateMode = OwnerOnlyFile;
            }

            await using var stream = new FileStream(path, file);
            await stream.WriteAsync(WithoutWal(content), ct);
        }
        catch
        {
            TryDelete(folder);
            throw;
        }

        return new SqliteUploadFile(folder, path);
    }

    /// <summary>
    /// A WAL database (header bytes 18 and 19 = 2) opened read-only needs its -shm file: the copy says "rollback
    /// journal" instead. Its pages are the checkpointed content, which is all an upload without its -wal file has.
    /// </summary>
    private static ReadOnlyMemory<byte> WithoutWal(byte[] content)
    {
        if (content.Length < 20 || content[18] != 2 || content[19] != 2)
        {
            return content;
        }

        var copy = (byte[])content.Clone();
        copy[18] = 1;
        copy[19] = 1;
        return copy;
    }

    private static void CreatePrivate(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, OwnerOnlyDirectory);
        if (File.GetUnixFileMode(path) != OwnerOnlyDirectory)
        {
            File.SetUnixFileMode(path, OwnerOnlyDirectory);
        }
    }

    private static void DeleteLeftovers(string root)
    {
        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            if (DateTime.UtcNow - Directory.GetLastWriteTimeUtc(folder) > LeftoverAge)
            {
                TryDelete(folder);
            }
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Deleted as a leftover by a later upload.
        }
    }

    public void Dispose() => TryDelete(_folder);
}
