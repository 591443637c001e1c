namespace WellTrack.Core.Git;

/// <summary>The application repository's commit an image is built from: its id, the short id used as image tag, the remote.</summary>
public sealed record SourceRevision(string CommitId, string ShortCommitId, string? RepositoryUrl, long CommitTime)
{
    /// <summary>Seven characters, as the seed's CI tags images (<c>${GITHUB_SHA::7}</c>).</summary>
    public const int ShortLength = 7;

    /// <summary>Reads HEAD of the repository containing <paramref name="directory"/>; null when it is not in one.</summary>
    public static SourceRevision? Read(string directory, GitProcessRunner runner)
    {
        var repository = new GitRepository(directory, runner);
        var head = repository.Run("log", "-1", "--format=%H %ct");
        if (!head.Succeeded)
        {
            return null;
        }

        var parts = head.FirstLine.Split(' ');
        if (parts.Length != 2 || parts[0].Length < ShortLength || !long.TryParse(parts[1], out var time))
        {
            return null;
        }

        var remote = repository.Run("remote", "get-url", "origin");
        return new SourceRevision(
            parts[0],
            parts[0][..ShortLength],
            remote.Succeeded ? GitOpsLocation.RedactUserInfo(remote.FirstLine) : null,
            time);
    }
}
