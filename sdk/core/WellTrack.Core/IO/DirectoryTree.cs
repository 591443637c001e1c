namespace WellTrack.Core.IO;

/// <summary>Deletes a directory tree that git wrote to: git marks object files read-only, which would stop a plain delete half way.</summary>
public static class DirectoryTree
{
    public static void Delete(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(directory, recursive: true);
    }
}
