using WellTrack.Diagnostics;

namespace WellTrack.Core.Bump;

/// <summary>
/// A check the edited GitOps tree must pass before the bump commits (chart validation, the plain-secrets scan).
/// It runs on the written files; an error means no commit and no push.
/// </summary>
public interface IBumpCheck
{
    IReadOnlyList<Diagnostic> Check(string repositoryRoot, IReadOnlyList<BumpFileChange> files);
}
