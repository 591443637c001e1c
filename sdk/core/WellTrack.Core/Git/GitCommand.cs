namespace WellTrack.Core.Git;

/// <summary>
/// One git invocation as data: the argument list (never a shell string), extra environment and optional
/// standard input. Kept as data so tests can assert exactly what would reach the process.
/// </summary>
public sealed record GitCommand(
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string>? Environment = null,
    string? StandardInput = null,
    TimeSpan? Timeout = null)
{
    public override string ToString() => "git " + string.Join(' ', Arguments);
}
