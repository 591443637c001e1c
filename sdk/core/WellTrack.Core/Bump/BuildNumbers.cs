using System.Globalization;

namespace WellTrack.Core.Bump;

/// <summary>
/// The default build number for the ordering rule: the CI system's monotonic run number where there is one, else the
/// source commit's committer time, which grows with every commit on a branch.
/// </summary>
public static class BuildNumbers
{
    /// <summary>CI variables that count runs of one pipeline upward, in the order they are tried.</summary>
    public static readonly IReadOnlyList<string> CiRunNumberVariables =
    [
        "GITHUB_RUN_NUMBER",
        "CI_PIPELINE_IID",
        "BUILD_BUILDID",
        "BUILDKITE_BUILD_NUMBER",
        "CIRCLE_BUILD_NUM",
        "BUILD_NUMBER",
    ];

    public static long? Resolve(string? explicitNumber, Func<string, string?> environment, long? sourceCommitTime)
    {
        if (TryParse(explicitNumber, out var given))
        {
            return given;
        }

        foreach (var variable in CiRunNumberVariables)
        {
            if (TryParse(environment(variable), out var fromCi))
            {
                return fromCi;
            }
        }

        return sourceCommitTime;
    }

    public static bool TryParse(string? text, out long number)
        => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number);
}
