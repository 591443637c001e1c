using System.Globalization;
using WellTrack.Core.Dependencies;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Validation;

/// <summary>How a rule is graded. <see cref="None"/> turns it off (configuration must then give a reason).</summary>
public enum RuleSeverity
{
    None,
    Note,
    Warning,
    Error,
}

/// <summary>A rule's grade in configuration, and why it differs from the default.</summary>
public sealed record RuleSetting(RuleSeverity Severity, string? Reason = null);

/// <summary>A Kubernetes minor version (1.30), the version manifests are checked against.</summary>
public sealed record KubernetesVersion(int Major, int Minor) : IComparable<KubernetesVersion>
{
    public static KubernetesVersion Default { get; } = new(1, 30);

    /// <summary>Accepts <c>1.30</c>, <c>v1.30</c>, <c>1.30.2</c>, <c>v1.31.0</c>.</summary>
    public static bool TryParse(string? text, out KubernetesVersion version)
    {
        version = Default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().TrimStart('v', 'V').Split('.');
        if (parts.Length is < 2 or > 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            || (parts.Length == 3 && !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            || major != 1 || minor > 99)
        {
            return false;
        }

        version = new KubernetesVersion(major, minor);
        return true;
    }

    public int CompareTo(KubernetesVersion? other)
        => other is null ? 1 : Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(KubernetesVersion a, KubernetesVersion b) => a.CompareTo(b) < 0;

    public static bool operator >(KubernetesVersion a, KubernetesVersion b) => a.CompareTo(b) > 0;

    public static bool operator <=(KubernetesVersion a, KubernetesVersion b) => a.CompareTo(b) <= 0;

    public static bool operator >=(KubernetesVersion a, KubernetesVersion b) => a.CompareTo(b) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");
}

/// <summary>Settings that apply to one chart only (<c>validation.charts.&lt;name&gt;</c> in welltrack.yaml).</summary>
public sealed record ChartValidationSettings
{
    public IReadOnlyDictionary<string, RuleSetting> Rules { get; init; } = new Dictionary<string, RuleSetting>();

    /// <summary>Secrets the chart's pods use that something outside the release creates.</summary>
    public IReadOnlyList<string> ExternalSecrets { get; init; } = [];

    public IReadOnlyList<string> ExternalConfigMaps { get; init; } = [];

    public IReadOnlyList<string> ExternalServiceAccounts { get; init; } = [];
}

/// <summary>
/// Everything that changes what validation reports. Built from defaults, then welltrack.yaml
/// (<see cref="ValidationConfiguration"/>), then values from MSBuild items or command-line options.
/// </summary>
public sealed record ValidationSettings
{
    public static ValidationSettings Default { get; } = new();

    /// <summary>Kubernetes version the rendered objects must be valid for (removed and not-yet-served APIs).</summary>
    public KubernetesVersion KubernetesVersion { get; init; } = KubernetesVersion.Default;

    /// <summary>Turns every warning into an error (<c>--strict</c>).</summary>
    public bool Strict { get; init; }

    /// <summary>Release name and namespace the charts are rendered with (as <c>helm template</c>'s defaults).</summary>
    public string ReleaseName { get; init; } = "release-name";

    public string Namespace { get; init; } = "default";

    /// <summary>Render with each <c>ci/*-values.yaml</c> too (chart-testing's convention).</summary>
    public bool RenderCiValues { get; init; } = true;

    /// <summary>How many charts are validated at once. More than 1 requires an <see cref="IChartRenderer"/> that may be
    /// called concurrently for different charts.</summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    /// <summary>Directory diagnostics' file paths are relative to; null: the GitOps repository root found above
    /// the input (the directory holding welltrack.yaml or .git), else the current directory.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Repository-wide grades by rule id (WT3xxx).</summary>
    public IReadOnlyDictionary<string, RuleSetting> Rules { get; init; } = new Dictionary<string, RuleSetting>();

    /// <summary>Per chart (by chart directory name): grades and external objects.</summary>
    public IReadOnlyDictionary<string, ChartValidationSettings> Charts { get; init; } = new Dictionary<string, ChartValidationSettings>();

    /// <summary>Secrets that exist in the cluster without the release creating them (every chart).</summary>
    public IReadOnlyList<string> ExternalSecrets { get; init; } = [];

    public IReadOnlyList<string> ExternalConfigMaps { get; init; } = [];

    public IReadOnlyList<string> ExternalServiceAccounts { get; init; } = [];

    /// <summary>
    /// API versions the target cluster serves beyond the built-in ones of <see cref="KubernetesVersion"/> (custom
    /// resources: <c>monitoring.coreos.com/v1</c>, or <c>monitoring.coreos.com/v1/ServiceMonitor</c>). Charts are
    /// rendered with the built-in list, these, and what the repository's CustomResourceDefinitions serve, as Argo CD
    /// renders with its destination cluster's list.
    /// </summary>
    public IReadOnlyList<string> ApiVersions { get; init; } = [];

    /// <summary>Files and directories holding CustomResourceDefinitions the cluster has, besides the charts' crds/
    /// (<c>validation.customResourceDefinitions</c>, resolved against welltrack.yaml's directory).</summary>
    public IReadOnlyList<string> CustomResourceDefinitions { get; init; } = [];

    /// <summary>Resolves the dependencies charts/ lacks (from repositories, into the cache) for the rules and the
    /// renderer; null: charts render with what charts/ holds and a missing dependency is WT3012.</summary>
    public ChartDependencyResolver? Dependencies { get; init; }

    /// <summary>The grade of <paramref name="ruleId"/> in <paramref name="chart"/>: chart setting, else repository
    /// setting, else the rule's default; <see cref="Strict"/> then turns a warning into an error.</summary>
    public RuleSeverity SeverityOf(DiagnosticCode rule, string? chart) => SeverityOf(rule.Id, chart);

    public RuleSeverity SeverityOf(string ruleId, string? chart)
    {
        RuleSeverity severity;
        if (chart is not null && Charts.TryGetValue(chart, out var chartSettings) && chartSettings.Rules.TryGetValue(ruleId, out var chartRule))
        {
            severity = chartRule.Severity;
        }
        else if (Rules.TryGetValue(ruleId, out var rule))
        {
            severity = rule.Severity;
        }
        else
        {
            severity = ValidationRules.Find(ruleId)?.DefaultSeverity ?? RuleSeverity.Error;
        }

        return Strict && severity == RuleSeverity.Warning ? RuleSeverity.Error : severity;
    }

    internal bool IsExternalSecret(string name, string? chart)
        => ExternalSecrets.Contains(name, StringComparer.Ordinal)
           || (chart is not null && Charts.TryGetValue(chart, out var c) && c.ExternalSecrets.Contains(name, StringComparer.Ordinal));

    internal bool IsExternalConfigMap(string name, string? chart)
        => ExternalConfigMaps.Contains(name, StringComparer.Ordinal)
           || (chart is not null && Charts.TryGetValue(chart, out var c) && c.ExternalConfigMaps.Contains(name, StringComparer.Ordinal));

    internal bool IsExternalServiceAccount(string name, string? chart)
        => ExternalServiceAccounts.Contains(name, StringComparer.Ordinal)
           || (chart is not null && Charts.TryGetValue(chart, out var c) && c.ExternalServiceAccounts.Contains(name, StringComparer.Ordinal));
}
