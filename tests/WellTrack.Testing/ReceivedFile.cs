namespace WellTrack.Testing;

/// <summary>
/// Where a comparison test puts what it got when it differs from the checked-in expectation:
/// artifacts/received/&lt;the expectation's repository path&gt;. Tests never rewrite an expectation themselves; after
/// review, <c>eng/regenerate-goldens.sh --accept</c> moves received files over their expectations.
/// </summary>
public static class ReceivedFile
{
    /// <summary>Writes <paramref name="actual"/> for the expectation at <paramref name="expectationPath"/> and returns
    /// the message a failing test shows.</summary>
    public static string Write(string repositoryRoot, string expectationPath, string actual)
    {
        var relative = Path.GetRelativePath(repositoryRoot, Path.GetFullPath(expectationPath, repositoryRoot));
        var received = Path.Combine(repositoryRoot, "artifacts", "received", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(received)!);
        File.WriteAllText(received, actual);
        return $"Review the difference (git diff --no-index {relative} {Path.GetRelativePath(repositoryRoot, received)}); "
               + "if it is right, take it with eng/regenerate-goldens.sh --accept and commit.";
    }
}
