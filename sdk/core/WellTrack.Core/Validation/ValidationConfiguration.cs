using WellTrack.Core.Yaml;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Validation;

/// <summary>Settings read from configuration, and the problems found reading it (WT39xx).</summary>
public sealed record ConfigurationResult(ValidationSettings Settings, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>A rule grade given from outside a file (MSBuild item <c>&lt;ValidationRule Include=DiagnosticCodes.WT3305
/// Severity="none" Reason="..." Chart="welltrack-ml" /&gt;</c>, command-line option).</summary>
public sealed record RuleSettingItem(string RuleId, string Severity, string? Reason = null, string? Chart = null);

/// <summary>
/// Reads the <c>validation</c> section of <c>welltrack.yaml</c> at the GitOps repository root:
/// <code>
/// validation:
///   kubernetesVersion: "1.30"
///   strict: false
///   rules: { WT3201: warning, WT3305: { severity: none, reason: "batch jobs have no probes" } }
///   externalSecrets: [registry-credentials]
///   externalConfigMaps: []
///   externalServiceAccounts: []
///   apiVersions: [monitoring.coreos.com/v1]      # custom resource APIs the cluster serves (for .Capabilities)
///   customResourceDefinitions: [crds/, platform/gateway-crds.yaml]   # relative to welltrack.yaml
///   charts:
///     welltrack-ml:
///       rules: { WT3305: { severity: none, reason: "..." } }
///       externalSecrets: [ml-model-token]
/// </code>
/// A rule turned off (<c>none</c>) must carry a reason. Other top-level keys of the file belong to other features
/// and are ignored here.
/// </summary>
public static class ValidationConfiguration
{
    public const string FileName = "welltrack.yaml";

    private static readonly HashSet<string> ValidationKeys = new(StringComparer.Ordinal)
    {
        "kubernetesVersion", "strict", "releaseName", "namespace", "rules", "externalSecrets", "externalConfigMaps",
        "externalServiceAccounts", "charts", "renderCiValues", "apiVersions", "customResourceDefinitions",
    };

    private static readonly HashSet<string> ChartKeys = new(StringComparer.Ordinal) { "rules", "externalSecrets", "externalConfigMaps", "externalServiceAccounts" };

    /// <summary>The welltrack.yaml governing <paramref name="path"/>: in it or the nearest directory above, not
    /// looking above a git repository's root.</summary>
    public static string? Find(string path)
    {
        var directory = new DirectoryInfo(Path.GetFullPath(path));
        if (!directory.Exists)
        {
            directory = directory.Parent;
        }

        for (; directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            if (Directory.Exists(Path.Combine(directory.FullName, ".git")) || File.Exists(Path.Combine(directory.FullName, ".git")))
            {
                return null;
            }
        }

        return null;
    }

    public static ConfigurationResult Load(string file, ValidationSettings? baseSettings = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ConfigurationResult(baseSettings ?? ValidationSettings.Default, [Diagnostic.Error(DiagnosticCodes.WT3909, new SourceLocation(file), e.Message)]);
        }

        return Parse(text, file, baseSettings);
    }

    public static ConfigurationResult Parse(string yaml, string file, ValidationSettings? baseSettings = null)
    {
        var settings = baseSettings ?? ValidationSettings.Default;
        var diagnostics = new List<Diagnostic>();
        if (YamlSourceParser.TryParseResolved(yaml, out var error) is not { } roots)
        {
            diagnostics.Add(Report(DiagnosticCodes.WT3901, file, error!.Line, error.Column, error.Message));
            return new ConfigurationResult(settings, diagnostics);
        }

        var root = roots.Count == 0 ? null : roots[0];
        var validation = root.Child("validation");
        if (validation.IsNull())
        {
            return new ConfigurationResult(settings, diagnostics);
        }

        var reader = new Reader(file, diagnostics);
        if (validation is not YamlSourceMapping)
        {
            reader.WrongType(validation!, "validation", "a mapping");
            return new ConfigurationResult(settings, diagnostics);
        }

        foreach (var (key, value) in validation.NamedEntries())
        {
            switch (key)
            {
                case "kubernetesVersion":
                    if (KubernetesVersion.TryParse(value.Text(), out var version))
                    {
                        settings = settings with { KubernetesVersion = version };
                    }
                    else
                    {
                        diagnostics.Add(reader.At(DiagnosticCodes.WT3905, value, value.Text() ?? YamlSourceNavigation.Describe(value)));
                    }

                    break;
                case "strict":
                    if (value.IsTrue() || value.IsFalse())
                    {
                        settings = settings with { Strict = value.IsTrue() };
                    }
                    else
                    {
                        reader.WrongType(value, key, "true or false");
                    }

                    break;
                case "renderCiValues":
                    if (value.IsTrue() || value.IsFalse())
                    {
                        settings = settings with { RenderCiValues = value.IsTrue() };
                    }
                    else
                    {
                        reader.WrongType(value, key, "true or false");
                    }

                    break;
                case "releaseName" or "namespace":
                    if (value is YamlSourceScalar && value.Text() is { Length: > 0 } name)
                    {
                        settings = key == "releaseName" ? settings with { ReleaseName = name } : settings with { Namespace = name };
                    }
                    else
                    {
                        reader.WrongType(value, key, "a string");
                    }

                    break;
                case "rules":
                    settings = settings with { Rules = reader.Rules(value, settings.Rules) };
                    break;
                case "externalSecrets":
                    settings = settings with { ExternalSecrets = [.. settings.ExternalSecrets, .. reader.Names(value, key)] };
                    break;
                case "externalConfigMaps":
                    settings = settings with { ExternalConfigMaps = [.. settings.ExternalConfigMaps, .. reader.Names(value, key)] };
                    break;
                case "externalServiceAccounts":
                    settings = settings with { ExternalServiceAccounts = [.. settings.ExternalServiceAccounts, .. reader.Names(value, key)] };
                    break;
                case "apiVersions":
                    settings = settings with { ApiVersions = [.. settings.ApiVersions, .. reader.Names(value, key)] };
                    break;
                case "charts":
                    settings = settings with { Charts = reader.Charts(value, settings.Charts) };
                    break;
                case "customResourceDefinitions":
                    settings = settings with { CustomResourceDefinitions = [.. settings.CustomResourceDefinitions, .. reader.Paths(value, key)] };
                    break;
                default:
                    diagnostics.Add(reader.At(DiagnosticCodes.WT3906, validation.KeyNode(key), key, "validation", string.Join(", ", ValidationKeys.Order(StringComparer.Ordinal))));
                    break;
            }
        }

        return new ConfigurationResult(settings, diagnostics);
    }

    /// <summary>Applies grades given by MSBuild items or options (after the file: they win).</summary>
    public static ConfigurationResult Apply(ValidationSettings settings, IEnumerable<RuleSettingItem> items)
    {
        var diagnostics = new List<Diagnostic>();
        foreach (var item in items)
        {
            var origin = $"rule setting {item.RuleId}";
            // Parsed into the typed code: an id that is no code, or no rule that can be graded, is WT3902.
            if (!DiagnosticCode.TryParse(item.RuleId, out var rule) || !ValidationRules.IsConfigurable(rule))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.WT3902, null, item.RuleId, origin));
                continue;
            }

            if (!TryParseSeverity(item.Severity, out var severity))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.WT3903, null, item.Severity, item.RuleId));
                continue;
            }

            if (severity == RuleSeverity.None && string.IsNullOrWhiteSpace(item.Reason))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.WT3904, null, item.RuleId));
                continue;
            }

            var setting = new RuleSetting(severity, item.Reason);
            if (string.IsNullOrEmpty(item.Chart))
            {
                settings = settings with { Rules = With(settings.Rules, rule.Id, setting) };
            }
            else
            {
                var chart = settings.Charts.GetValueOrDefault(item.Chart) ?? new ChartValidationSettings();
                var charts = new Dictionary<string, ChartValidationSettings>(settings.Charts, StringComparer.Ordinal)
                {
                    [item.Chart] = chart with { Rules = With(chart.Rules, rule.Id, setting) },
                };
                settings = settings with { Charts = charts };
            }
        }

        return new ConfigurationResult(settings, diagnostics);
    }

    /// <summary>error, warning, note (or info), none (or off, disabled).</summary>
    public static bool TryParseSeverity(string? text, out RuleSeverity severity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "error":
                severity = RuleSeverity.Error;
                return true;
            case "warning" or "warn":
                severity = RuleSeverity.Warning;
                return true;
            case "note" or "info" or "suggestion":
                severity = RuleSeverity.Note;
                return true;
            case "none" or "off" or "disabled":
                severity = RuleSeverity.None;
                return true;
            default:
                severity = RuleSeverity.Error;
                return false;
        }
    }

    private static Dictionary<string, RuleSetting> With(IReadOnlyDictionary<string, RuleSetting> rules, string id, RuleSetting setting)
        => new(rules, StringComparer.Ordinal) { [id] = setting };

    private static Diagnostic Report(DiagnosticCode code, string file, int line, int column, params object?[] args)
        => Diagnostic.Create(code, ValidationRules.Find(code)?.DefaultSeverity == RuleSeverity.Warning ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
            new SourceLocation(file, line, column), args);

    private sealed class Reader(string file, List<Diagnostic> diagnostics)
    {
        public Diagnostic At(DiagnosticCode code, YamlSourceNode? node, params object?[] args)
            => Report(code, file, node is null ? 0 : node.Line, node is null ? 0 : node.Column, args);

        public void WrongType(YamlSourceNode node, string key, string expected)
            => diagnostics.Add(At(DiagnosticCodes.WT3907, node, key, expected, YamlSourceNavigation.Describe(node)));

        public Dictionary<string, RuleSetting> Rules(YamlSourceNode rules, IReadOnlyDictionary<string, RuleSetting> existing)
        {
            var result = new Dictionary<string, RuleSetting>(existing, StringComparer.Ordinal);
            if (rules.IsNull())
            {
                return result;
            }

            if (rules is not YamlSourceMapping mapping)
            {
                WrongType(rules, "rules", "a mapping of rule ids to severities");
                return result;
            }

            foreach (var (keyNode, value) in mapping.Entries)
            {
                var text = (keyNode as YamlSourceScalar)?.Value ?? string.Empty;
                if (!DiagnosticCode.TryParse(text, out var rule) || !ValidationRules.IsConfigurable(rule))
                {
                    diagnostics.Add(At(DiagnosticCodes.WT3902, keyNode, text, "rules"));
                    continue;
                }

                var id = rule.Id;

                var severityNode = value is YamlSourceMapping ? value.Child("severity") : value;
                var reason = value is YamlSourceMapping ? value.Child("reason").Text() : null;
                if (!TryParseSeverity(severityNode.Text(), out var severity))
                {
                    diagnostics.Add(At(DiagnosticCodes.WT3903, severityNode ?? value, severityNode.Text() ?? YamlSourceNavigation.Describe(value), id));
                    continue;
                }

                if (severity == RuleSeverity.None && string.IsNullOrWhiteSpace(reason))
                {
                    diagnostics.Add(At(DiagnosticCodes.WT3904, keyNode, id));
                    continue;
                }

                foreach (var (extra, _) in value.NamedEntries().Where(e => e.Key is not ("severity" or "reason")))
                {
                    diagnostics.Add(At(DiagnosticCodes.WT3906, value.KeyNode(extra), extra, $"rules.{id}", "severity, reason"));
                }

                result[id] = new RuleSetting(severity, reason);
            }

            return result;
        }

        public List<string> Names(YamlSourceNode value, string key, string expected = "a list of names")
        {
            if (value.IsNull())
            {
                return [];
            }

            if (value is not YamlSourceSequence || value.Items().Any(i => i is not YamlSourceScalar || i.Text() is null))
            {
                WrongType(value, key, expected);
                return [];
            }

            return value.Items().Select(i => i.Text()!).ToList();
        }

        /// <summary>A list of existing files or directories, relative to the configuration file; returned absolute.</summary>
        public List<string> Paths(YamlSourceNode value, string key)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(file))!;
            var paths = new List<string>();
            var index = 0;
            foreach (var (item, relative) in value.Items().Zip(Names(value, key, "a list of paths")))
            {
                var path = Path.GetFullPath(Path.Combine(directory, relative));
                if (File.Exists(path) || Directory.Exists(path))
                {
                    paths.Add(path);
                }
                else
                {
                    diagnostics.Add(At(DiagnosticCodes.WT3907, item, $"{key}[{index}]", $"a file or directory relative to {Path.GetFileName(file)}", $"'{relative}', which does not exist"));
                }

                index++;
            }

            return paths;
        }

        public Dictionary<string, ChartValidationSettings> Charts(YamlSourceNode value, IReadOnlyDictionary<string, ChartValidationSettings> existing)
        {
            var result = new Dictionary<string, ChartValidationSettings>(existing, StringComparer.Ordinal);
            if (value.IsNull())
            {
                return result;
            }

            if (value is not YamlSourceMapping)
            {
                WrongType(value, "charts", "a mapping of chart names to settings");
                return result;
            }

            foreach (var (name, chartNode) in value.NamedEntries())
            {
                var chart = result.GetValueOrDefault(name) ?? new ChartValidationSettings();
                if (chartNode is not YamlSourceMapping)
                {
                    if (!chartNode.IsNull())
                    {
                        WrongType(chartNode, $"charts.{name}", "a mapping");
                    }

                    continue;
                }

                foreach (var (key, setting) in chartNode.NamedEntries())
                {
                    chart = key switch
                    {
                        "rules" => chart with { Rules = Rules(setting, chart.Rules) },
                        "externalSecrets" => chart with { ExternalSecrets = [.. chart.ExternalSecrets, .. Names(setting, key)] },
                        "externalConfigMaps" => chart with { ExternalConfigMaps = [.. chart.ExternalConfigMaps, .. Names(setting, key)] },
                        "externalServiceAccounts" => chart with { ExternalServiceAccounts = [.. chart.ExternalServiceAccounts, .. Names(setting, key)] },
                        _ => Unknown(chart, chartNode.KeyNode(key), key, name),
                    };
                }

                result[name] = chart;
            }

            return result;
        }

        private ChartValidationSettings Unknown(ChartValidationSettings chart, YamlSourceNode? keyNode, string key, string chartName)
        {
            diagnostics.Add(At(DiagnosticCodes.WT3906, keyNode, key, $"charts.{chartName}", string.Join(", ", ChartKeys.Order(StringComparer.Ordinal))));
            return chart;
        }
    }
}
