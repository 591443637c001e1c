using WellTrack.Diagnostics;

namespace WellTrack.Core.IO;

/// <summary>
/// Replaces a file's content so that readers (git, Argo CD, another build) see either the old bytes or the new
/// bytes, never a partial file: the content goes to a temporary file in the same directory (same file system, so
/// the final rename is atomic), which is flushed to disk and then renamed over the target.
/// </summary>
public static class AtomicFile
{
    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/> atomically, keeping the existing file's Unix mode
    /// (a 0755 script stays executable, a 0640 file stays private). Failure throws <see cref="DiagnosticException"/>
    /// WT1030 after removing the temporary file; the target is then untouched.
    /// </summary>
    public static void WriteAllBytes(string path, byte[] content)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(content);

        string? temporary = null;
        try
        {
            var target = FinalTarget(path);
            temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            KeepUnixMode(target, temporary);
            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (temporary is not null)
            {
                TryDelete(temporary);
            }

            throw DiagnosticException.Error(DiagnosticCodes.WT1030, SourceLocation.InFile(path), path, e.Message);
        }
    }

    /// <summary>Writes through a symbolic link to the file it names, rather than replacing the link with a regular file.</summary>
    private static string FinalTarget(string path)
    {
        var file = new FileInfo(path);
        return file.LinkTarget is null ? file.FullName : file.ResolveLinkTarget(returnFinalTarget: true)!.FullName;
    }

    /// <summary>
    /// A new file gets the mode the umask gives it; the rename would otherwise silently replace the target's mode
    /// with that one. Set explicitly (not through the create mode) because the umask does not apply to chmod.
    /// </summary>
    private static void KeepUnixMode(string target, string temporary)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(target))
        {
            File.SetUnixFileMode(temporary, File.GetUnixFileMode(target));
        }
    }

    private static void TryDelete(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The original error is the one worth reporting; a leftover temporary file is hidden and harmless.
        }
    }
}
