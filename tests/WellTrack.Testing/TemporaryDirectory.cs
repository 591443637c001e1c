namespace WellTrack.Testing;

/// <summary>A directory under the system temp folder, deleted (read-only git objects included) when disposed.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory(string prefix = "welltrack-test-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public string CreateDirectory(params string[] parts) => Directory.CreateDirectory(Combine(parts)).FullName;

    public void Dispose() => Delete(Path);

    public static void Delete(string directory)
    {
        try
        {
            WellTrack.Core.IO.DirectoryTree.Delete(directory);
        }
        catch (IOException)
        {
            // A process the test started may still hold a file for a moment; the OS cleans temp eventually.
        }
    }
}
