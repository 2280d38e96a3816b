using System.Reflection.PortableExecutable;

namespace ParseJobs.Api.Parsers;

/// <summary>Whether an assembly file carries ReadyToRun (precompiled) code, as a published container image does
/// (<c>PublishReadyToRun</c>, src/ParseJobs.Api/Dockerfile) and a plain <c>dotnet build</c> does not.</summary>
public static class ReadyToRunImage
{
    public static bool Is(string assemblyPath)
    {
        try
        {
            using var stream = File.OpenRead(assemblyPath);
            using var reader = new PEReader(stream);
            return reader.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
        }
        catch (Exception ex) when (ex is IOException or BadImageFormatException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
