namespace WellTrack.Core.Git;

/// <summary>What one git invocation returned.</summary>
public sealed record GitResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The first line of standard output, trimmed; what rev-parse and friends answer.</summary>
    public string FirstLine
    {
        get
        {
            var text = StandardOutput.AsSpan().TrimStart();
            var end = text.IndexOfAny('\r', '\n');
            return (end < 0 ? text : text[..end]).Trim().ToString();
        }
    }
}
