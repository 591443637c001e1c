using System.Text.RegularExpressions;
using NuGet.Versioning;
using WellTrack.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace WellTrack.Core.Validation.Charts;

/// <summary>Rules on a chart's own files (30xx): what <c>helm lint</c> checks, and a little more.</summary>
internal static partial class ChartRules
{
    private static readonly HashSet<string> TemplateExtensions = new(StringComparer.OrdinalIgnoreCase) { ".yaml", ".yml", ".tpl", ".txt" };

    public static ChartInfo Check(string chartDirectory, FindingCollector findings)
    {
        var directoryName = Path.GetFileName(Path.TrimEndingDirectorySeparator(chartDirectory));
        var chartFile = Path.Combine(chartDirectory, "Chart.yaml");
        if (!File.Exists(chartFile))
        {
            findings.Report(DiagnosticCodes.WT3001, new SourceLocation(chartDirectory), directoryName);
            return new ChartInfo(chartDirectory, directoryName, false, false);
        }

        var (chart, parsed) = ChartYaml.Load(chartFile, DiagnosticCodes.WT3002, findings);
        if (!parsed)
        {
            return new ChartInfo(chartDirectory, directoryName, false, false);
        }

        if (chart is not YamlMappingNode)
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
            case null when chart.Child("apiVersion") is YamlSequenceNode or YamlMappingNode:
                break;
            default:
                findings.Report(DiagnosticCodes.WT3003, ChartYaml.At(chartFile, chart.Child("apiVersion") ?? chart), apiVersion ?? "(missing)");
                break;
        }

        var name = StringField(chart, "name", chartFile, findings);
        if (name is null)
        {
            if (chart.Child("name") is not (YamlSequenceNode or YamlMappingNode))
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
            if (chart.Child("version") is not (YamlSequenceNode or YamlMappingNode))
            {
                findings.Report(DiagnosticCodes.WT3008, ChartYaml.At(chartFile, chart.Child("version") ?? chart));
            }
        }
        else if (!SemanticVersion.TryParse(version, out _))
        {
            findings.Report(DiagnosticCodes.WT3009, ChartYaml.At(chartFile, chart.Child("version")), version);
        }

        if (chart.Child("appVersion") is YamlScalarNode appVersion && YamlNodes.Classify(appVersion) is not (ScalarKind.String or ScalarKind.Null))
        {
            findings.Report(DiagnosticCodes.WT3010, ChartYaml.At(chartFile, appVersion), appVersion.Value);
        }
        else if (chart.Child("appVersion") is { } other and not YamlScalarNode)
        {
            findings.Report(DiagnosticCodes.WT3022, ChartYaml.At(chartFile, other), "appVersion", "a string", YamlNodes.Describe(other));
        }

        var type = StringField(chart, "type", chartFile, findings);
        if (type is not (null or "application" or "library"))
        {
            findings.Report(DiagnosticCodes.WT3011, ChartYaml.At(chartFile, chart.Child("type")), type);
        }

        CheckKubeVersion(chart, chartFile, findings);
        CheckDependencies(chart, chartDirectory, apiVersion, chartFile, findings);
        CheckValuesFile(chartDirectory, findings);
        var hasTemplates = CheckTemplates(chartDirectory, findings);
        var isLibrary = type == "library";
        return new ChartInfo(chartDirectory, name ?? directoryName, isLibrary, !isLibrary && hasTemplates);
    }

    /// <summary>A scalar field's text; WT3022 when the field is a mapping or a list.</summary>
    private static string? StringField(YamlNode chart, string field, string file, FindingCollector findings)
    {
        var node = chart.Child(field);
        if (node is null or YamlScalarNode)
        {
            return node.Text();
        }

        findings.Report(DiagnosticCodes.WT3022, ChartYaml.At(file, node), field, "a string", YamlNodes.Describe(node));
        return null;
    }

    private static void CheckKubeVersion(YamlNode chart, string file, FindingCollector findings)
    {
        var node = chart.Child("kubeVersion");
        if (node.Text() is not { } constraint)
        {
            return;
        }

        var target = findings.Settings.KubernetesVersion;
        if (KubeVersionConstraint.Allows(constraint, new SemanticVersion(target.Major, target.Minor, 0)) == false)
        {
            findings.Report(DiagnosticCodes.WT3023, ChartYaml.At(file, node), constraint, target);
        }
    }

    private static void CheckDependencies(YamlNode chart, string chartDirectory, string? apiVersion, string file, FindingCollector findings)
    {
        var declared = new List<(string Name, string? Version, YamlNode Node)>();
        var dependencies = chart.Child("dependencies");
        var dependencyFile = file;
        if (apiVersion == "v1" && dependencies is null && File.Exists(Path.Combine(chartDirectory, "requirements.yaml")))
        {
            dependencyFile = Path.Combine(chartDirectory, "requirements.yaml");
            var (requirements, parsed) = ChartYaml.Load(dependencyFile, DiagnosticCodes.WT3002, findings);
            dependencies = parsed ? requirements.Child("dependencies") : null;
        }

        if (dependencies is not null and not YamlSequenceNode && !dependencies.IsNull())
        {
            findings.Report(DiagnosticCodes.WT3022, ChartYaml.At(dependencyFile, dependencies), "dependencies", "a list", YamlNodes.Describe(dependencies));
            return;
        }

        foreach (var dependency in dependencies.Items())
        {
            if (dependency.Child("name").Text() is { } name)
            {
                declared.Add((name, dependency.Child("version").Text(), dependency));
            }
        }

        var chartsDirectory = Path.Combine(chartDirectory, "charts");
        var present = new List<(string Name, string Path)>();
        if (Directory.Exists(chartsDirectory))
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(chartsDirectory).Order(StringComparer.Ordinal))
            {
                var entryName = Path.GetFileName(entry);
                if (entryName.StartsWith('.'))
                {
                    continue;
                }

                if (Directory.Exists(entry))
                {
                    present.Add((entryName, entry));
                }
                else if (entryName.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase))
                {
                    present.Add((entryName[..^4], entry));
                }
            }
        }

        bool Matches(string presentName, string dependency, string? version)
            => presentName == dependency || presentName == $"{dependency}-{version}"
               || (presentName.StartsWith(dependency + "-", StringComparison.Ordinal) && char.IsAsciiDigit(presentName[dependency.Length + 1]));

        foreach (var (name, version, node) in declared)
        {
            if (!present.Any(p => Matches(p.Name, name, version)))
            {
                findings.Report(DiagnosticCodes.WT3012, ChartYaml.At(dependencyFile, node.Child("name")), name, version ?? "*");
            }
        }

        foreach (var (name, path) in present)
        {
            if (!declared.Any(d => Matches(name, d.Name, d.Version)))
            {
                findings.Report(DiagnosticCodes.WT3013, new SourceLocation(path), Path.GetFileName(path));
            }
        }
    }

    private static void CheckValuesFile(string chartDirectory, FindingCollector findings)
    {
        var values = Path.Combine(chartDirectory, "values.yaml");
        if (!File.Exists(values))
        {
            findings.Report(DiagnosticCodes.WT3015, new SourceLocation(chartDirectory), Path.GetFileName(chartDirectory));
        }
    }

    private static bool CheckTemplates(string chartDirectory, FindingCollector findings)
    {
        var templates = Path.Combine(chartDirectory, "templates");
        if (!Directory.Exists(templates))
        {
            // templates/ is optional in Helm (a chart of CRDs or of subcharts only); helm lint warns only when
            // "templates" is something other than a directory.
            if (File.Exists(templates))
            {
                findings.Report(DiagnosticCodes.WT3018, new SourceLocation(templates), Path.GetFileName(chartDirectory));
            }

            return false;
        }

        var ignore = HelmIgnore.Load(chartDirectory);
        foreach (var file in Directory.EnumerateFiles(templates, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (ignore.Ignores(Path.GetRelativePath(chartDirectory, file).Replace('\\', '/')))
            {
                continue;
            }

            var name = Path.GetFileName(file);
            var extension = Path.GetExtension(file);
            var isNotes = string.Equals(name, "NOTES.txt", StringComparison.Ordinal);
            if (!TemplateExtensions.Contains(extension) || (extension.Equals(".txt", StringComparison.OrdinalIgnoreCase) && !isNotes))
            {
                findings.Report(DiagnosticCodes.WT3019, new SourceLocation(file), name);
            }
        }

        return true;
    }

    /// <summary>Helm's chart name rule: letters, digits, '-', '_' and '.', no path separators, not '.' or '..'.</summary>
    [GeneratedRegex(@"^(?!\.\.?$)[A-Za-z0-9._-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ChartName();
}
