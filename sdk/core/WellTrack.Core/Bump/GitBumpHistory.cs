using System.Globalization;
using WellTrack.Core.Git;

namespace WellTrack.Core.Bump;

/// <summary>
/// Reads the build-number trailers of the commits that touched a file. A shallow working copy (CI checkouts often
/// are) is deepened once when its visible history holds no bump yet.
/// </summary>
public sealed class GitBumpHistory(GitRepository repository) : IBumpHistory
{
    private const int DeepenBy = 500;
    private readonly Dictionary<string, long?> _cache = new(StringComparer.Ordinal);

    public long? LastBuildNumber(string relativePath)
    {
        if (_cache.TryGetValue(relativePath, out var cached))
        {
            return cached;
        }

        var found = Read(relativePath);
        if (found is null && IsShallow())
        {
            repository.Run(["fetch", "--quiet", "--no-tags", $"--deepen={DeepenBy}", GitOpsCheckout.RemoteName], null, repository.NetworkTimeout);
            found = Read(relativePath);
        }

        _cache[relativePath] = found;
        return found;
    }

    /// <summary>Forgets what was read: the next attempt of a contended bump sees a new tip.</summary>
    public void Invalidate() => _cache.Clear();

    private long? Read(string relativePath)
    {
        var format = $"--format=%(trailers:key={CommitMessageBuilder.BuildNumberTrailer},valueonly,separator=%x2C)";
        var log = repository.Run(["log", format, "-n", "200", "HEAD", "--", relativePath], null);
        if (!log.Succeeded)
        {
            return null;
        }

        foreach (var line in log.StandardOutput.Split('\n'))
        {
            var value = line.Split(',')[0].Trim();
            if (value.Length > 0 && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }
        }

        return null;
    }

    private bool IsShallow() => repository.Run("rev-parse", "--is-shallow-repository").FirstLine == "true";
}
