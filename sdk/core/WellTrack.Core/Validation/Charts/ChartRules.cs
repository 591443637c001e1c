using System.Text.RegularExpressions;
using WellTrack.Core.Yaml;
using WellTrack.Diagnostics;
using WellTrack.Templating.Charts;

namespace WellTrack.Core.Validation.Charts;

/// <summary>Rules on a chart's own files (30xx): what <c>helm lint</c> checks, and a little more.</summary>
internal static partial class ChartRules
{
    private static readonly HashSet<string> TemplateExtensions = new(StringComparer.OrdinalIgnoreCase) { ".yaml", ".yml", ".tpl", ".txt" };

    /// <param name="source">The chart's files as the engine read them; null when it could not (already reported).</param>
    public static ChartInfo Check(string chartDirectory, ChartSource? source, FindingCollector findings)
    {
        var directoryName = Path.GetFileName(Path.TrimEndingDirectorySeparator(chartDirectory));
        if (source is null)
        {
            return new ChartInfo(chartDirectory, directoryName, false, false);
        }

        var chartFile = source.FullPath("Chart.yaml");
        if (source.Text("Chart.yaml") is not { } chartText)
        {
            findings.Report(DiagnosticCodes.WT3001, new SourceLocation(chartDirectory), directoryName);
            return new ChartInfo(chartDirectory, directoryName, false, false);
        }

        var (chart, parsed) = ChartYaml.Parse(chartFile, chartText, DiagnosticCodes.WT3002, findings);
        if (!parsed)
        {
            return new ChartInfo(chartDirectory, directoryName, false, false);
        }

        if (chart is not YamlSourceMapping)
        {
            findings.Report(DiagnosticCodes.WT3002, ChartYaml.At(chartFile, chart), "Chart.yaml must be a mapping of chart metadata");
            return new ChartInfo(chartDirectory, directoryName, false, false);
        }

        var apiVersion = StringField(chart, "apiVersion", chartFile, findings);
        switch (apiVersion)
        {
            case "v2":
                break;
            case "v1":
                findings.Report(DiagnosticCodes.WT3004, ChartYaml.At(chartFile, chart.Child("apiVersion")));
                break;
            case null when chart.Child("apiVersion") is YamlSourceSequence or YamlSourceMapping:
                break;
            default:
                findings.Report(DiagnosticCodes.WT3003, ChartYaml.At(chartFile, chart.Child("apiVersion") ?? chart), apiVersion ?? "(missing)");
                break;
        }

        var name = StringField(chart, "name", chartFile, findings);
        if (name is null)
        {
            if (chart.Child("name") is not (YamlSourceSequence or YamlSourceMapping))
            {
                findings.Report(DiagnosticCodes.WT3005, ChartYaml.At(chartFile, chart.Child("name") ?? chart));
            }
        }
        else if (!ChartName().IsMatch(name))
        {
            findings.Report(DiagnosticCodes.WT3007, ChartYaml.At(chartFile, chart.Child("name")), name);
        }
        else if (name != directoryName)
        {
            findings.Report(DiagnosticCodes.WT3006, ChartYaml.At(chartFile, chart.Child("name")), name, directoryName);
        }

        var version = StringField(chart, "version", chartFile, findings);
        if (version is null)
        {
            if (chart.Child("version") is not (YamlSourceSequence or YamlSourceMapping))
            {
                findings.Report(DiagnosticCodes.WT3008, ChartYaml.At(chartFile, chart.Child("version") ?? chart));
            }
        }
        else if (!NuGet.Versioning.SemanticVersion.TryParse(version, out _))
        {
            findings.Report(DiagnosticCodes.WT3009, ChartYaml.At(chartFile, chart.Child("version")), version);
        }

        if (chart.Child("appVersion") is YamlSourceScalar appVersion && appVersion.Kind is not (ScalarKind.String or ScalarKind.Null))
        {
            findings.Report(DiagnosticCodes.WT3010, ChartYaml.At(chartFile, appVersion), appVersion.Value);
        }
        else if (chart.Child("appVersion") is { } other and not YamlSourceScalar)
        {
            findings.Report(DiagnosticCodes.WT3022, ChartYaml.At(chartFile, other), "appVersion", "a string", YamlSourceNavigation.Describe(other));
        }

        var type = StringField(chart, "type", chartFile, findings);
        if (type is not (null or "application" or "library"))
        {
            findings.Report(DiagnosticCodes.WT3011, ChartYaml.At(chartFile, chart.Child("type")), type);
        }

        var kubeVersionAccepted = CheckKubeVersion(chart, chartFile, findings);
        CheckDependencies(chart, source, apiVersion, chartFile, findings);
        CheckValuesFile(source, findings);
        var hasTemplates = CheckTemplates(source, findings);
        var isLibrary = type == "library";
        // Helm refuses to render for a Kubernetes version the chart excludes; WT3023 says why, a WT3020 would only repeat it.
        return new ChartInfo(chartDirectory, name ?? directoryName, isLibrary, !isLibrary && hasTemplates && kubeVersionAccepted);
    }

    /// <summary>A scalar field's text; WT3022 when the field is a mapping or a list.</summary>
    private static string? StringField(YamlSourceNode chart, string field, string file, FindingCollector findings)
    {
        var node = chart.Child(field);
        if (node is null or YamlSourceScalar)
        {
            return node.Text();
        }

        findings.Report(DiagnosticCodes.WT3022, ChartYaml.At(file, node), field, "a string", YamlSourceNavigation.Describe(node));
        return null;
    }

    /// <returns>False when the constraint excludes the target version (Helm would not render the chart).</returns>
    private static bool CheckKubeVersion(YamlSourceNode chart, string file, FindingCollector findings)
    {
        var node = chart.Child("kubeVersion");
        if (node.Text() is not { } constraint)
        {
            return true;
        }

        // Not understood (null) is left to the render, which refuses the chart as Helm does.
        var target = findings.Settings.KubernetesVersion;
        if (KubeVersionRequirement.IsCompatible(constraint, $"v{target.Major}.{target.Minor}.0") == false)
        {
            findings.Report(DiagnosticCodes.WT3023, ChartYaml.At(file, node), constraint, target);
            return false;
        }

        return true;
    }

    private static void CheckDependencies(YamlSourceNode chart, ChartSource source, string? apiVersion, string file, FindingCollector findings)
    {
        var declared = new List<(string Name, string? Version, YamlSourceNode Node)>();
        var dependencies = chart.Child("dependencies");
        var dependencyFile = file;
        if (apiVersion == "v1" && dependencies is null && source.Text("requirements.yaml") is { } requirementsText)
        {
            dependencyFile = source.FullPath("requirements.yaml");
            var (requirements, parsed) = ChartYaml.Parse(dependencyFile, requirementsText, DiagnosticCodes.WT3002, findings);
            dependencies = parsed ? requirements.Child("dependencies") : null;
        }

        if (dependencies is not null and not YamlSourceSequence && !dependencies.IsNull())
        {
            findings.Report(DiagnosticCodes.WT3022, ChartYaml.At(dependencyFile, dependencies), "dependencies", "a list", YamlSourceNavigation.Describe(dependencies));
            return;
        }

        foreach (var dependency in dependencies.Items())
        {
            if (dependency.Child("name").Text() is { } name)
            {
                declared.Add((name, dependency.Child("version").Text(), dependency));
            }
        }

        // Helm pairs dependencies with subcharts by the subchart's own Chart.yaml name, never by its directory or
        // archive name: the engine's loader and ChartDependencies are that one rule.
        if (declared.Count == 0 && !source.Paths.Any(p => p.StartsWith("charts/", StringComparison.Ordinal)))
        {
            return;
        }

        if (source.TryLoad() is not { } loaded)
        {
            return;
        }

        // Dependencies charts/ lacks are resolved from their repositories (into the cache) when the run allows it;
        // WT3012 is left for what nothing resolves: no repository, or resolution switched off.
        var resolution = findings.Settings.Dependencies?.ForChart(loaded);
        foreach (var problem in resolution?.Problems ?? [])
        {
            var node = declared.FirstOrDefault(d => d.Name == problem.Dependency).Node;
            var at = problem.Dependency is null ? new SourceLocation(problem.Diagnostic.File ?? dependencyFile) : ChartYaml.At(dependencyFile, node?.Child("name") ?? chart);
            findings.Regrade(problem.Diagnostic, at);
        }

        foreach (var missing in ChartDependencies.Missing(loaded))
        {
            if (resolution is not null && (resolution.Resolved.Any(r => r.Request.Name == missing) || resolution.Problems.Any(p => p.Dependency == missing)))
            {
                continue;
            }

            var (name, version, node) = declared.FirstOrDefault(d => d.Name == missing);
            findings.Report(DiagnosticCodes.WT3012, ChartYaml.At(dependencyFile, node?.Child("name") ?? chart), missing, version ?? "*");
        }

        foreach (var undeclared in ChartDependencies.Undeclared(loaded))
        {
            findings.Report(DiagnosticCodes.WT3013, new SourceLocation(undeclared.Directory), Path.GetFileName(undeclared.Directory));
        }
    }

    private static void CheckValuesFile(ChartSource source, FindingCollector findings)
    {
        if (!source.Contains("values.yaml"))
        {
            findings.Report(DiagnosticCodes.WT3015, new SourceLocation(source.Directory), Path.GetFileName(source.Directory));
        }
    }

    private static bool CheckTemplates(ChartSource source, FindingCollector findings)
    {
        // templates/ is there when the loader read a file from it, or it exists with every file ignored.
        var templates = source.Paths.Where(p => p.StartsWith("templates/", StringComparison.Ordinal)).ToList();
        if (templates.Count == 0 && !Directory.Exists(source.FullPath("templates")))
        {
            // templates/ is optional in Helm (a chart of CRDs or of subcharts only); helm lint warns only when
            // "templates" is something other than a directory.
            var templatesPath = source.FullPath("templates");
            if (File.Exists(templatesPath))
            {
                findings.Report(DiagnosticCodes.WT3018, new SourceLocation(templatesPath), Path.GetFileName(source.Directory));
            }

            return false;
        }

        foreach (var template in templates)
        {
            var name = template[(template.LastIndexOf('/') + 1)..];
            var extension = Path.GetExtension(name);
            var isNotes = string.Equals(name, "NOTES.txt", StringComparison.Ordinal);
            if (!TemplateExtensions.Contains(extension) || (extension.Equals(".txt", StringComparison.OrdinalIgnoreCase) && !isNotes))
            {
                findings.Report(DiagnosticCodes.WT3019, new SourceLocation(source.FullPath(template)), name);
            }
        }

        return true;
    }

    /// <summary>Helm's chart name rule: letters, digits, '-', '_' and '.', no path separators, not '.' or '..'.</summary>
    [GeneratedRegex(@"^(?!\.\.?$)[A-Za-z0-9._-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ChartName();
}
