namespace WellTrack.Core.Validation;

/// <summary>Where a rule looks: the chart's files, one rendered object, a release's objects together, good practice,
/// or the validation configuration itself.</summary>
public enum RuleCategory
{
    Chart,
    Object,
    CrossObject,
    Practice,
    Configuration,
}

/// <summary>A validation rule: its id (the diagnostic code) and default grade.</summary>
public sealed record ValidationRule(string Id, RuleCategory Category, RuleSeverity DefaultSeverity, string Title);

/// <summary>Every rule of chart validation. Ids are the diagnostic codes, grouped by hundreds: 30xx chart files,
/// 31xx objects and their schema, 32xx objects of a release together, 33xx practice, 39xx configuration.</summary>
public static class ValidationRules
{
    private static readonly ValidationRule[] AllRules =
    [
        // 30xx: chart files (helm lint and more).
        new("WT3001", RuleCategory.Chart, RuleSeverity.Error, "Chart.yaml missing"),
        new("WT3002", RuleCategory.Chart, RuleSeverity.Error, "Chart.yaml not parsable"),
        new("WT3003", RuleCategory.Chart, RuleSeverity.Error, "Chart apiVersion missing or unknown"),
        new("WT3004", RuleCategory.Chart, RuleSeverity.Warning, "Chart apiVersion v1"),
        new("WT3005", RuleCategory.Chart, RuleSeverity.Error, "Chart name missing"),
        new("WT3006", RuleCategory.Chart, RuleSeverity.Error, "Chart name differs from its directory"),
        new("WT3007", RuleCategory.Chart, RuleSeverity.Error, "Chart name has path or invalid characters"),
        new("WT3008", RuleCategory.Chart, RuleSeverity.Error, "Chart version missing"),
        new("WT3009", RuleCategory.Chart, RuleSeverity.Error, "Chart version not strict SemVer 2"),
        new("WT3010", RuleCategory.Chart, RuleSeverity.Error, "appVersion not a string"),
        new("WT3011", RuleCategory.Chart, RuleSeverity.Error, "Chart type unknown"),
        new("WT3012", RuleCategory.Chart, RuleSeverity.Error, "Declared dependency missing from charts/"),
        new("WT3013", RuleCategory.Chart, RuleSeverity.Error, "Undeclared chart in charts/"),
        new("WT3014", RuleCategory.Chart, RuleSeverity.Error, "Values file not parsable"),
        new("WT3015", RuleCategory.Chart, RuleSeverity.Note, "values.yaml missing"),
        new("WT3016", RuleCategory.Chart, RuleSeverity.Error, "values.schema.json not a valid schema"),
        new("WT3017", RuleCategory.Chart, RuleSeverity.Error, "Values do not satisfy values.schema.json"),
        new("WT3018", RuleCategory.Chart, RuleSeverity.Error, "templates/ missing"),
        new("WT3019", RuleCategory.Chart, RuleSeverity.Warning, "Unexpected template file extension"),
        new("WT3020", RuleCategory.Chart, RuleSeverity.Error, "Chart does not render"),
        new("WT3021", RuleCategory.Chart, RuleSeverity.Error, "No chart found"),
        new("WT3022", RuleCategory.Chart, RuleSeverity.Error, "Chart.yaml field of the wrong type"),
        new("WT3023", RuleCategory.Chart, RuleSeverity.Warning, "kubeVersion excludes the target Kubernetes version"),
        new("WT3024", RuleCategory.Chart, RuleSeverity.Error, "Chart files not readable by Helm (.helmignore)"),

        // 31xx: each rendered object.
        new("WT3101", RuleCategory.Object, RuleSeverity.Error, "Rendered document not valid YAML"),
        new("WT3102", RuleCategory.Object, RuleSeverity.Error, "Object without apiVersion or kind"),
        new("WT3103", RuleCategory.Object, RuleSeverity.Error, "Unknown apiVersion/kind"),
        new("WT3104", RuleCategory.Object, RuleSeverity.Error, "API removed in the target Kubernetes version"),
        new("WT3105", RuleCategory.Object, RuleSeverity.Warning, "Deprecated API"),
        new("WT3106", RuleCategory.Object, RuleSeverity.Note, "Custom resource not checked"),
        new("WT3107", RuleCategory.Object, RuleSeverity.Error, "metadata.name missing"),
        new("WT3108", RuleCategory.Object, RuleSeverity.Error, "metadata.name invalid for its kind"),
        new("WT3109", RuleCategory.Object, RuleSeverity.Error, "Unknown field"),
        new("WT3110", RuleCategory.Object, RuleSeverity.Error, "Value of the wrong type"),
        new("WT3111", RuleCategory.Object, RuleSeverity.Error, "Required field missing"),
        new("WT3112", RuleCategory.Object, RuleSeverity.Error, "Value not among the allowed values"),
        new("WT3113", RuleCategory.Object, RuleSeverity.Error, "Duplicate object"),
        new("WT3114", RuleCategory.Object, RuleSeverity.Error, "API not yet served by the target Kubernetes version"),
        new("WT3115", RuleCategory.Object, RuleSeverity.Error, "Duplicate key"),

        // 32xx: a release's objects together.
        new("WT3201", RuleCategory.CrossObject, RuleSeverity.Error, "Workload selector does not match its pod labels"),
        new("WT3202", RuleCategory.CrossObject, RuleSeverity.Error, "Service selects no pods of the release"),
        new("WT3203", RuleCategory.CrossObject, RuleSeverity.Error, "Service targetPort not a container port"),
        new("WT3204", RuleCategory.CrossObject, RuleSeverity.Error, "Ingress backend Service not in the release"),
        new("WT3205", RuleCategory.CrossObject, RuleSeverity.Error, "Ingress backend port not on the Service"),
        new("WT3206", RuleCategory.CrossObject, RuleSeverity.Error, "Ingress TLS host not among its rule hosts"),
        new("WT3207", RuleCategory.CrossObject, RuleSeverity.Error, "Secret not created by the release"),
        new("WT3208", RuleCategory.CrossObject, RuleSeverity.Error, "ConfigMap not created by the release"),
        new("WT3209", RuleCategory.CrossObject, RuleSeverity.Error, "ServiceAccount not created by the release"),
        new("WT3210", RuleCategory.CrossObject, RuleSeverity.Error, "Probe port not a container port"),
        new("WT3211", RuleCategory.CrossObject, RuleSeverity.Error, "HPA target not in the release"),
        new("WT3212", RuleCategory.CrossObject, RuleSeverity.Warning, "HPA target sets replicas"),

        // 33xx: practice.
        new("WT3301", RuleCategory.Practice, RuleSeverity.Warning, "Image tag empty or latest"),
        new("WT3302", RuleCategory.Practice, RuleSeverity.Warning, "pullPolicy Always with a digest"),
        new("WT3303", RuleCategory.Practice, RuleSeverity.Warning, "Resource requests missing"),
        new("WT3304", RuleCategory.Practice, RuleSeverity.Warning, "Resource limits missing"),
        new("WT3305", RuleCategory.Practice, RuleSeverity.Warning, "Liveness probe missing"),
        new("WT3306", RuleCategory.Practice, RuleSeverity.Warning, "Readiness probe missing"),
        new("WT3307", RuleCategory.Practice, RuleSeverity.Warning, "runAsNonRoot not set"),
        new("WT3308", RuleCategory.Practice, RuleSeverity.Warning, "Privilege escalation allowed"),
        new("WT3309", RuleCategory.Practice, RuleSeverity.Warning, "Root filesystem writable"),
        new("WT3310", RuleCategory.Practice, RuleSeverity.Warning, "Capabilities not dropped"),

        // 39xx: configuration.
        new("WT3901", RuleCategory.Configuration, RuleSeverity.Error, "Configuration file not parsable"),
        new("WT3902", RuleCategory.Configuration, RuleSeverity.Error, "Unknown rule id"),
        new("WT3903", RuleCategory.Configuration, RuleSeverity.Error, "Invalid severity"),
        new("WT3904", RuleCategory.Configuration, RuleSeverity.Error, "Rule disabled without a reason"),
        new("WT3905", RuleCategory.Configuration, RuleSeverity.Error, "Invalid Kubernetes version"),
        new("WT3906", RuleCategory.Configuration, RuleSeverity.Warning, "Unknown configuration key"),
        new("WT3907", RuleCategory.Configuration, RuleSeverity.Error, "Configuration value of the wrong type"),
        new("WT3908", RuleCategory.Configuration, RuleSeverity.Warning, "Configuration names an unknown chart"),
    ];

    private static readonly Dictionary<string, ValidationRule> ById = AllRules.ToDictionary(r => r.Id, StringComparer.Ordinal);

    public static IReadOnlyList<ValidationRule> All => AllRules;

    public static ValidationRule? Find(string id) => ById.GetValueOrDefault(id);

    /// <summary>Configuration problems (39xx) cannot be re-graded: they are about the grading itself.</summary>
    public static bool IsConfigurable(string id) => ById.TryGetValue(id, out var rule) && rule.Category != RuleCategory.Configuration;
}
