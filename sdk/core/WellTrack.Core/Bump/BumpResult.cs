using WellTrack.Diagnostics;

namespace WellTrack.Core.Bump;

/// <summary>What a bump did (or, for a dry run, would do).</summary>
public sealed record BumpResult
{
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    public IReadOnlyList<BumpFileChange> Files { get; init; } = [];

    /// <summary>The unified diff of every changed file.</summary>
    public string Diff { get; init; } = string.Empty;

    public string CommitMessage { get; init; } = string.Empty;

    /// <summary>The new commit, when one was made.</summary>
    public string? CommitId { get; init; }

    public bool Pushed { get; init; }

    public int Attempts { get; init; }

    public bool Succeeded => !Diagnostics.Any(d => d.IsError);

    public bool Changed => Files.Count > 0;
}
