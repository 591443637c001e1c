using Microsoft.Build.Framework;
using WellTrack.Core.Git;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace WellTrack.Sdk.Tasks;

/// <summary>
/// Reads the application repository's HEAD once per build, for the default image tag and the bump's trailers.
/// Outside a git repository every output is empty and the build goes on with its own defaults.
/// </summary>
public sealed class ResolveSourceRevision : MSBuildTask
{
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    [Output]
    public string CommitId { get; private set; } = string.Empty;

    [Output]
    public string ShortCommitId { get; private set; } = string.Empty;

    [Output]
    public string RepositoryUrl { get; private set; } = string.Empty;

    [Output]
    public string CommitTime { get; private set; } = string.Empty;

    public override bool Execute()
    {
        var revision = SourceRevision.Read(ProjectDirectory, new GitProcessRunner());
        if (revision is null)
        {
            Log.LogMessage(MessageImportance.Low, "{0} is not in a git repository; no source revision.", ProjectDirectory);
            return true;
        }

        CommitId = revision.CommitId;
        ShortCommitId = revision.ShortCommitId;
        RepositoryUrl = revision.RepositoryUrl ?? string.Empty;
        CommitTime = revision.CommitTime.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Log.LogMessage(MessageImportance.Low, "Source revision {0} ({1}).", CommitId, RepositoryUrl);
        return true;
    }
}
