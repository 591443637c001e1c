using WellTrack.Core.Git;

namespace WellTrack.Core.Bump;

/// <summary>
/// The one place a bump's defaults are stated. <see cref="BumpRequest"/> starts from them; the BumpImageTag task and
/// the CLI leave an option unset unless the user gave it, and the CLI's help text reads them from here, so the SDK's
/// properties, the task, the tool and the core cannot drift apart.
/// </summary>
public static class BumpDefaults
{
    /// <summary>Argo CD applications usually track the default branch.</summary>
    public const string Branch = "main";

    /// <summary>Helm's own values file.</summary>
    public const string ValuesFile = "values.yaml";

    /// <summary>Where charts live inside the GitOps repository (the WellTrack layout and chart-testing's).</summary>
    public const string ChartsDirectory = "charts";

    /// <summary>The value that receives the tag: the Helm chart convention <c>image.tag</c>.</summary>
    public const string ValuePath = ValuesEditPlanner.TagPath;

    /// <summary>A bump is meant to deploy, so it pushes unless asked not to.</summary>
    public const bool Push = true;

    /// <summary>Enough for every service of a release pushing at the same moment, with backoff between attempts.</summary>
    public const int MaxAttempts = 8;

    /// <summary>How long one git network command (fetch, push) may take before it is abandoned as hung.</summary>
    public const int NetworkTimeoutSeconds = 120;

    public static TimeSpan NetworkTimeout => TimeSpan.FromSeconds(NetworkTimeoutSeconds);

    /// <summary>CI machines rarely have a git identity; a bot identity keeps the history readable.</summary>
    public static GitIdentity Author => GitIdentity.Default;
}
