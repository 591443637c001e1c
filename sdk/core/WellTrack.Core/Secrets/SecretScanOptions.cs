namespace WellTrack.Core.Secrets;

/// <summary>How <see cref="SecretScanner"/> scans a directory.</summary>
public sealed record SecretScanOptions
{
    /// <summary>
    /// Baseline file of accepted fingerprints. Null: <see cref="SecretBaseline.DefaultFileName"/> in the scanned
    /// directory when it exists. Empty string: no baseline.
    /// </summary>
    public string? BaselinePath { get; init; }

    /// <summary>
    /// When true (the default), values such as <c>changeme</c>, <c>&lt;your-api-key&gt;</c> or <c>xxxx</c> under
    /// secret-like keys are placeholders, not findings. Set false for repositories where placeholders must not appear
    /// either (a placeholder deployed by mistake is a weak password).
    /// </summary>
    public bool AllowPlaceholders { get; init; } = true;

    /// <summary>Only these files or directories (relative to the scanned directory) are scanned; empty means all.</summary>
    public IReadOnlyList<string> IncludePaths { get; init; } = [];

    /// <summary>Directory names never entered.</summary>
    public IReadOnlyList<string> ExcludeDirectories { get; init; } = [".git", "node_modules", ".welltrack", "bin", "obj"];

    /// <summary>Files larger than this are skipped (generated bundles, vendored data).</summary>
    public long MaxFileBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>File name extensions scanned (with the dot); empty (the default) reads every text file.</summary>
    public IReadOnlyList<string> Extensions { get; init; } = [];

    /// <summary>Globs in .gitignore grammar, relative to the scanned directory, never scanned; added to <c>secrets.exclude</c> of its welltrack.yaml.</summary>
    public IReadOnlyList<string> ExcludePatterns { get; init; } = [];

    /// <summary>Skip what .gitignore files leave out of git. Null: <c>secrets.gitignore</c> of welltrack.yaml, else true.</summary>
    public bool? GitIgnore { get; init; }

    /// <summary>Skip what each chart's .helmignore leaves out of the package. Null: <c>secrets.helmignore</c>, else false.</summary>
    public bool? HelmIgnore { get; init; }

    internal bool RespectGitIgnore => GitIgnore ?? true;

    internal bool RespectHelmIgnore => HelmIgnore ?? false;
}
