using System.Diagnostics;

namespace WellTrack.Testing;

/// <summary>
/// A small tmpfs mounted for one test, to fill a real file system up (disk-full faults). Needs root, which the
/// machines here and CI have; unmounted and removed when disposed.
/// </summary>
public sealed class TmpfsMount : IDisposable
{
    private TmpfsMount(string path) => Path = path;

    public string Path { get; }

    /// <summary>Null when this user cannot mount (not root, or no privilege in this sandbox).</summary>
    public static TmpfsMount? TryCreate(int sizeKilobytes)
    {
        var path = Directory.CreateTempSubdirectory("welltrack-tmpfs-").FullName;
        if (Run("mount", "-t", "tmpfs", "-o", $"size={sizeKilobytes}k", "tmpfs", path) == 0)
        {
            return new TmpfsMount(path);
        }

        Directory.Delete(path);
        return null;
    }

    /// <summary>Fills the file system until a write fails, leaving no free byte.</summary>
    public void Fill()
    {
        using var filler = new FileStream(System.IO.Path.Combine(Path, "filler"), FileMode.Create);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                filler.Write(block);
                filler.Flush();
            }
        }
        catch (IOException)
        {
            // Full: exactly what the test wants.
        }
    }

    public void Dispose()
    {
        Run("umount", "-l", Path);
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Lazily unmounted; the empty mount point goes with the temp folder.
        }
    }

    private static int Run(string program, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(startInfo)!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
