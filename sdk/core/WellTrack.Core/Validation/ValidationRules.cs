using System.Diagnostics.CodeAnalysis;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Validation;

/// <summary>Where a rule looks: the chart's files, one rendered object, a release's objects together, good practice,
/// or the validation configuration itself.</summary>
public enum RuleCategory
{
    Chart,

    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The category of rules that check one rendered Kubernetes object; docs and reports name it so.")]
    Object,

    CrossObject,
    Practice,
    Configuration,
    Dependency,
}

/// <summary>A validation rule: its diagnostic code and default grade.</summary>
public sealed record ValidationRule(DiagnosticCode Code, RuleCategory Category, RuleSeverity DefaultSeverity, string Title)
{
    /// <summary>The code as printed and as configuration names it (<c>WT3301</c>).</summary>
    public string Id => Code.Id;
}

/// <summary>Every rule of chart validation. Ids are the diagnostic codes, grouped by hundreds: 30xx chart files,
/// 31xx objects and their schema, 32xx objects of a release together, 33xx practice, 39xx configuration.</summary>
public static class ValidationRules
{
    private static readonly ValidationRule[] AllRules =
    [
        // 30xx: chart files (helm lint and more).
        new(DiagnosticCodes.WT3001, RuleCategory.Chart, RuleSeverity.Error, "Chart.yaml missing"),
        new(DiagnosticCodes.WT3002, RuleCategory.Chart, RuleSeverity.Error, "Chart.yaml not parsable"),
        new(DiagnosticCodes.WT3003, RuleCategory.Chart, RuleSeverity.Error, "Chart apiVersion missing or unknown"),
        new(DiagnosticCodes.WT3004, RuleCategory.Chart, RuleSeverity.Warning, "Chart apiVersion v1"),
        new(DiagnosticCodes.WT3005, RuleCategory.Chart, RuleSeverity.Error, "Chart name missing"),
        new(DiagnosticCodes.WT3006, RuleCategory.Chart, RuleSeverity.Warning, "Chart name differs from its directory"),
        new(DiagnosticCodes.WT3007, RuleCategory.Chart, RuleSeverity.Error, "Chart name has path or invalid characters"),
        new(DiagnosticCodes.WT3008, RuleCategory.Chart, RuleSeverity.Error, "Chart version missing"),
        new(DiagnosticCodes.WT3009, RuleCategory.Chart, RuleSeverity.Warning, "Chart version not strict SemVer 2"),
        new(DiagnosticCodes.WT3010, RuleCategory.Chart, RuleSeverity.Error, "appVersion not a string"),
        new(DiagnosticCodes.WT3011, RuleCategory.Chart, RuleSeverity.Error, "Chart type unknown"),
        new(DiagnosticCodes.WT3012, RuleCategory.Chart, RuleSeverity.Error, "Declared dependency missing from charts/"),
        new(DiagnosticCodes.WT3013, RuleCategory.Chart, RuleSeverity.Warning, "Undeclared chart in charts/"),
        new(DiagnosticCodes.WT3014, RuleCategory.Chart, RuleSeverity.Error, "Values file not parsable"),
        new(DiagnosticCodes.WT3015, RuleCategory.Chart, RuleSeverity.Note, "values.yaml missing"),
        new(DiagnosticCodes.WT3016, RuleCategory.Chart, RuleSeverity.Error, "values.schema.json not a valid schema"),
        new(DiagnosticCodes.WT3017, RuleCategory.Chart, RuleSeverity.Error, "Values do not satisfy values.schema.json"),
        new(DiagnosticCodes.WT3018, RuleCategory.Chart, RuleSeverity.Warning, "templates is not a directory"),
        new(DiagnosticCodes.WT3019, RuleCategory.Chart, RuleSeverity.Warning, "Unexpected template file extension"),
        new(DiagnosticCodes.WT3020, RuleCategory.Chart, RuleSeverity.Error, "Chart does not render"),
        new(DiagnosticCodes.WT3021, RuleCategory.Chart, RuleSeverity.Error, "No chart found"),
        new(DiagnosticCodes.WT3022, RuleCategory.Chart, RuleSeverity.Error, "Chart.yaml field of the wrong type"),
        new(DiagnosticCodes.WT3023, RuleCategory.Chart, RuleSeverity.Error, "kubeVersion excludes the target Kubernetes version"),
        new(DiagnosticCodes.WT3024, RuleCategory.Chart, RuleSeverity.Error, "Chart files not readable by Helm (.helmignore)"),

        // 31xx: each rendered object.
        new(DiagnosticCodes.WT3101, RuleCategory.Object, RuleSeverity.Error, "Rendered document not valid YAML"),
        new(DiagnosticCodes.WT3102, RuleCategory.Object, RuleSeverity.Error, "Object without apiVersion or kind"),
        new(DiagnosticCodes.WT3103, RuleCategory.Object, RuleSeverity.Error, "Unknown apiVersion/kind"),
        new(DiagnosticCodes.WT3104, RuleCategory.Object, RuleSeverity.Error, "API removed in the target Kubernetes version"),
        new(DiagnosticCodes.WT3105, RuleCategory.Object, RuleSeverity.Warning, "Deprecated API"),
        new(DiagnosticCodes.WT3106, RuleCategory.Object, RuleSeverity.Note, "Custom resource not checked"),
        new(DiagnosticCodes.WT3107, RuleCategory.Object, RuleSeverity.Error, "metadata.name missing"),
        new(DiagnosticCodes.WT3108, RuleCategory.Object, RuleSeverity.Error, "metadata.name invalid for its kind"),
        new(DiagnosticCodes.WT3109, RuleCategory.Object, RuleSeverity.Error, "Unknown field"),
        new(DiagnosticCodes.WT3110, RuleCategory.Object, RuleSeverity.Error, "Value of the wrong type"),
        new(DiagnosticCodes.WT3111, RuleCategory.Object, RuleSeverity.Error, "Required field missing"),
        new(DiagnosticCodes.WT3112, RuleCategory.Object, RuleSeverity.Error, "Value not among the allowed values"),
        new(DiagnosticCodes.WT3113, RuleCategory.Object, RuleSeverity.Error, "Duplicate object"),
        new(DiagnosticCodes.WT3114, RuleCategory.Object, RuleSeverity.Error, "API not yet served by the target Kubernetes version"),
        new(DiagnosticCodes.WT3115, RuleCategory.Object, RuleSeverity.Error, "Duplicate key"),
        new(DiagnosticCodes.WT3120, RuleCategory.Object, RuleSeverity.Error, "Invalid label or annotation"),

        // 32xx: a release's objects together.
        new(DiagnosticCodes.WT3201, RuleCategory.CrossObject, RuleSeverity.Error, "Workload selector does not match its pod labels"),
        new(DiagnosticCodes.WT3202, RuleCategory.CrossObject, RuleSeverity.Warning, "Service selects no pods of the release"),
        new(DiagnosticCodes.WT3203, RuleCategory.CrossObject, RuleSeverity.Error, "Service targetPort not a container port"),
        new(DiagnosticCodes.WT3204, RuleCategory.CrossObject, RuleSeverity.Warning, "Ingress backend Service not in the release"),
        new(DiagnosticCodes.WT3205, RuleCategory.CrossObject, RuleSeverity.Warning, "Ingress backend port not on the Service"),
        new(DiagnosticCodes.WT3206, RuleCategory.CrossObject, RuleSeverity.Warning, "Ingress TLS host not among its rule hosts"),
        new(DiagnosticCodes.WT3207, RuleCategory.CrossObject, RuleSeverity.Error, "Secret not created by the release"),
        new(DiagnosticCodes.WT3208, RuleCategory.CrossObject, RuleSeverity.Error, "ConfigMap not created by the release"),
        new(DiagnosticCodes.WT3209, RuleCategory.CrossObject, RuleSeverity.Error, "ServiceAccount not created by the release"),
        new(DiagnosticCodes.WT3210, RuleCategory.CrossObject, RuleSeverity.Error, "Probe port not a container port"),
        new(DiagnosticCodes.WT3211, RuleCategory.CrossObject, RuleSeverity.Warning, "HPA target not in the release"),
        new(DiagnosticCodes.WT3212, RuleCategory.CrossObject, RuleSeverity.Warning, "HPA target sets replicas"),
        new(DiagnosticCodes.WT3213, RuleCategory.CrossObject, RuleSeverity.Warning, "Route backend Service not in the release"),
        new(DiagnosticCodes.WT3214, RuleCategory.CrossObject, RuleSeverity.Warning, "Route backend port not on the Service"),
        new(DiagnosticCodes.WT3215, RuleCategory.CrossObject, RuleSeverity.Warning, "Listener certificate Secret not provided by the release"),
        new(DiagnosticCodes.WT3220, RuleCategory.CrossObject, RuleSeverity.Warning, "Service targetPort number not declared by a container"),
        new(DiagnosticCodes.WT3221, RuleCategory.CrossObject, RuleSeverity.Warning, "Probe port number not declared by its container"),
        new(DiagnosticCodes.WT3222, RuleCategory.CrossObject, RuleSeverity.Warning, "Referenced object expected from outside the release"),

        // 33xx: practice.
        new(DiagnosticCodes.WT3301, RuleCategory.Practice, RuleSeverity.Warning, "Image tag empty or latest"),
        new(DiagnosticCodes.WT3302, RuleCategory.Practice, RuleSeverity.Warning, "pullPolicy Always with a digest"),
        new(DiagnosticCodes.WT3303, RuleCategory.Practice, RuleSeverity.Warning, "Resource requests missing"),
        new(DiagnosticCodes.WT3304, RuleCategory.Practice, RuleSeverity.Warning, "Resource limits missing"),
        new(DiagnosticCodes.WT3305, RuleCategory.Practice, RuleSeverity.Warning, "Liveness probe missing"),
        new(DiagnosticCodes.WT3306, RuleCategory.Practice, RuleSeverity.Warning, "Readiness probe missing"),
        new(DiagnosticCodes.WT3307, RuleCategory.Practice, RuleSeverity.Warning, "runAsNonRoot not set"),
        new(DiagnosticCodes.WT3308, RuleCategory.Practice, RuleSeverity.Warning, "Privilege escalation allowed"),
        new(DiagnosticCodes.WT3309, RuleCategory.Practice, RuleSeverity.Warning, "Root filesystem writable"),
        new(DiagnosticCodes.WT3310, RuleCategory.Practice, RuleSeverity.Warning, "Capabilities not dropped"),

        // 34xx: dependencies resolved from repositories (Dependencies/).
        new(DiagnosticCodes.WT3401, RuleCategory.Dependency, RuleSeverity.Error, "Repository name not configured"),
        new(DiagnosticCodes.WT3402, RuleCategory.Dependency, RuleSeverity.Error, "No chart source for the repository's scheme"),
        new(DiagnosticCodes.WT3403, RuleCategory.Dependency, RuleSeverity.Error, "Repository unreachable"),
        new(DiagnosticCodes.WT3404, RuleCategory.Dependency, RuleSeverity.Error, "Repository timed out"),
        new(DiagnosticCodes.WT3405, RuleCategory.Dependency, RuleSeverity.Error, "Repository refused access"),
        new(DiagnosticCodes.WT3406, RuleCategory.Dependency, RuleSeverity.Error, "Repository index or archive not found"),
        new(DiagnosticCodes.WT3407, RuleCategory.Dependency, RuleSeverity.Error, "Repository index malformed"),
        new(DiagnosticCodes.WT3408, RuleCategory.Dependency, RuleSeverity.Error, "Chart absent from repository"),
        new(DiagnosticCodes.WT3409, RuleCategory.Dependency, RuleSeverity.Error, "Version constraint unsatisfiable"),
        new(DiagnosticCodes.WT3410, RuleCategory.Dependency, RuleSeverity.Error, "Archive digest mismatch"),
        new(DiagnosticCodes.WT3411, RuleCategory.Dependency, RuleSeverity.Error, "Version constraint invalid"),
        new(DiagnosticCodes.WT3412, RuleCategory.Dependency, RuleSeverity.Error, "Dependency not cached (offline)"),
        new(DiagnosticCodes.WT3413, RuleCategory.Dependency, RuleSeverity.Error, "Archive corrupt"),
        new(DiagnosticCodes.WT3414, RuleCategory.Dependency, RuleSeverity.Error, "Archive path leaves the chart"),
        new(DiagnosticCodes.WT3415, RuleCategory.Dependency, RuleSeverity.Error, "Archive holds a link"),
        new(DiagnosticCodes.WT3416, RuleCategory.Dependency, RuleSeverity.Error, "Archive too large"),
        new(DiagnosticCodes.WT3417, RuleCategory.Dependency, RuleSeverity.Error, "Archive expands too much"),
        new(DiagnosticCodes.WT3418, RuleCategory.Dependency, RuleSeverity.Error, "Archive holds another chart"),
        new(DiagnosticCodes.WT3419, RuleCategory.Dependency, RuleSeverity.Error, "file:// dependency not a chart"),
        new(DiagnosticCodes.WT3420, RuleCategory.Dependency, RuleSeverity.Error, "Chart.lock out of sync"),
        new(DiagnosticCodes.WT3421, RuleCategory.Dependency, RuleSeverity.Error, "Chart.lock not parsable"),
        new(DiagnosticCodes.WT3422, RuleCategory.Dependency, RuleSeverity.Error, "Repository answered an unexpected status"),
        new(DiagnosticCodes.WT3423, RuleCategory.Dependency, RuleSeverity.Warning, "Credentials variable not set"),
        new(DiagnosticCodes.WT3430, RuleCategory.Dependency, RuleSeverity.Error, "OCI registry unreachable"),
        new(DiagnosticCodes.WT3431, RuleCategory.Dependency, RuleSeverity.Error, "OCI registry timed out"),
        new(DiagnosticCodes.WT3432, RuleCategory.Dependency, RuleSeverity.Error, "OCI registry refused the credentials (401)"),
        new(DiagnosticCodes.WT3433, RuleCategory.Dependency, RuleSeverity.Error, "OCI registry forbids access (403)"),
        new(DiagnosticCodes.WT3434, RuleCategory.Dependency, RuleSeverity.Error, "Chart absent from the OCI registry"),
        new(DiagnosticCodes.WT3435, RuleCategory.Dependency, RuleSeverity.Error, "Chart version absent from the OCI registry"),
        new(DiagnosticCodes.WT3436, RuleCategory.Dependency, RuleSeverity.Error, "OCI artifact is not a Helm chart"),
        new(DiagnosticCodes.WT3437, RuleCategory.Dependency, RuleSeverity.Error, "OCI chart layer digest mismatch"),
        new(DiagnosticCodes.WT3438, RuleCategory.Dependency, RuleSeverity.Error, "OCI chart layer too large"),
        new(DiagnosticCodes.WT3439, RuleCategory.Dependency, RuleSeverity.Error, "OCI registry answered unreadable JSON"),
        new(DiagnosticCodes.WT3440, RuleCategory.Dependency, RuleSeverity.Error, "Credential helper failed"),
        new(DiagnosticCodes.WT3441, RuleCategory.Dependency, RuleSeverity.Error, "Credential helper not on PATH"),
        new(DiagnosticCodes.WT3442, RuleCategory.Dependency, RuleSeverity.Error, "Registry credentials file invalid"),
        new(DiagnosticCodes.WT3443, RuleCategory.Dependency, RuleSeverity.Error, "OCI registry answered an unexpected status"),
        new(DiagnosticCodes.WT3444, RuleCategory.Dependency, RuleSeverity.Error, "Not an OCI chart repository reference"),

        // 39xx: configuration.
        new(DiagnosticCodes.WT3901, RuleCategory.Configuration, RuleSeverity.Error, "Configuration file not parsable"),
        new(DiagnosticCodes.WT3902, RuleCategory.Configuration, RuleSeverity.Error, "Unknown rule id"),
        new(DiagnosticCodes.WT3903, RuleCategory.Configuration, RuleSeverity.Error, "Invalid severity"),
        new(DiagnosticCodes.WT3904, RuleCategory.Configuration, RuleSeverity.Error, "Rule disabled without a reason"),
        new(DiagnosticCodes.WT3905, RuleCategory.Configuration, RuleSeverity.Error, "Invalid Kubernetes version"),
        new(DiagnosticCodes.WT3906, RuleCategory.Configuration, RuleSeverity.Warning, "Unknown configuration key"),
        new(DiagnosticCodes.WT3907, RuleCategory.Configuration, RuleSeverity.Error, "Configuration value of the wrong type"),
        new(DiagnosticCodes.WT3908, RuleCategory.Configuration, RuleSeverity.Warning, "Configuration names an unknown chart"),
        new(DiagnosticCodes.WT3909, RuleCategory.Configuration, RuleSeverity.Error, "Configuration file unreadable"),
        new(DiagnosticCodes.WT3910, RuleCategory.Configuration, RuleSeverity.Error, "Validation cancelled"),
    ];

    private static readonly Dictionary<string, ValidationRule> ById = AllRules.ToDictionary(r => r.Id, StringComparer.Ordinal);

    public static IReadOnlyList<ValidationRule> All => AllRules;

    public static ValidationRule? Find(string id) => ById.GetValueOrDefault(id);

    public static ValidationRule? Find(DiagnosticCode code) => Find(code.Id);

    /// <summary>Configuration problems (39xx) cannot be re-graded: they are about the grading itself.</summary>
    public static bool IsConfigurable(DiagnosticCode code) => Find(code) is { Category: not RuleCategory.Configuration };
}
