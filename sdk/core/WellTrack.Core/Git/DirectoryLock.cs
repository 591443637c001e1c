using WellTrack.Diagnostics;

namespace WellTrack.Core.Git;

/// <summary>
/// An exclusive lock on a cache clone, held through an open lock file. Concurrent bumps on one machine (several
/// services' builds on a shared runner) share the cache; the operating system releases the lock if a process dies.
/// </summary>
public sealed class DirectoryLock : IDisposable
{
    private readonly FileStream _stream;

    private DirectoryLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock, waiting up to <paramref name="timeout"/> for another bump to release it; a cancelled
    /// wait throws <see cref="OperationCanceledException"/> at once.</summary>
    public static DirectoryLock Acquire(string lockFile, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);
        var deadline = DateTime.UtcNow + timeout;
        var delay = 20;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return new DirectoryLock(new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                RetryBackoff.Wait(TimeSpan.FromMilliseconds(Random.Shared.Next(delay / 2, delay)), cancellationToken);
                delay = Math.Min(delay * 2, 500);
            }
            catch (IOException exception)
            {
                throw DiagnosticException.Error(DiagnosticCodes.WT2009, SourceLocation.InFile(lockFile), (int)timeout.TotalSeconds, exception.Message);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
