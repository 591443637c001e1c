using WellTrack.Core.Validation.Charts;
using WellTrack.Core.Validation.CrossObject;
using WellTrack.Core.Validation.CustomResources;
using WellTrack.Core.Validation.Objects;
using WellTrack.Core.Validation.Practice;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Validation;

/// <summary>
/// Validates the charts of a GitOps repository (or one chart): the chart's files (30xx), then each render (default
/// values, and each <c>ci/*-values.yaml</c>) through <see cref="IChartRenderer"/>: every object (31xx), the objects of
/// the release together (32xx) and good practice (33xx). Every finding has a code, a grade from the settings, a file,
/// line and column (mapped to the template through the renderer's source map when it gives one).
/// </summary>
public static class ChartValidator
{
    /// <param name="chartsDirectoryOrChart">A chart directory (holding Chart.yaml) or a directory of charts.</param>
    /// <param name="cancellationToken">Checked between charts: a cancelled build stops after the chart in progress.</param>
    public static ValidationReport Validate(string chartsDirectoryOrChart, ValidationSettings settings, IChartRenderer renderer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chartsDirectoryOrChart);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(renderer);
        // "charts/web/" must name the chart web, not '' (Path.GetFileName of a trailing separator).
        var input = Path.TrimEndingDirectorySeparator(Path.GetFullPath(chartsDirectoryOrChart));
        var baseDirectory = settings.BaseDirectory is { } configured ? Path.GetFullPath(configured) : RepositoryRoot(input) ?? Environment.CurrentDirectory;
        var charts = FindCharts(input);
        if (charts.Count == 0)
        {
            var findings = new FindingCollector(settings, baseDirectory);
            findings.Report(DiagnosticCodes.WT3021, new SourceLocation(input), findings.RelativePath(input));
            return new ValidationReport(findings.Findings, [], 0);
        }

        // One collector per chart: charts are independent, so they may be validated in parallel; the report keeps
        // the charts' order whatever the schedule.
        void ForEachChart(Action<int> action)
        {
            if (settings.MaxDegreeOfParallelism <= 1 || charts.Count == 1)
            {
                for (var i = 0; i < charts.Count; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    action(i);
                }
            }
            else
            {
                Parallel.For(0, charts.Count, new ParallelOptions { MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism, CancellationToken = cancellationToken }, action);
            }
        }

        // First every chart's files (and the CustomResourceDefinitions in its crds/), so that the repository's
        // definitions are all known before any chart is rendered.
        var collectors = new FindingCollector[charts.Count];
        var sources = new ChartSource?[charts.Count];
        var chartDefinitions = new IReadOnlyList<ManifestObject>[charts.Count];
        ForEachChart(i =>
        {
            var findings = new FindingCollector(settings, baseDirectory) { Chart = Path.GetFileName(charts[i]) };
            collectors[i] = findings;
            sources[i] = ChartSource.Read(charts[i], findings);
            chartDefinitions[i] = sources[i] is { } source ? CustomResourceDiscovery.ChartObjects(source, findings) : [];
        });

        var repository = new FindingCollector(settings, baseDirectory);
        var configuredDefinitions = settings.CustomResourceDefinitions.Count == 0
            ? []
            : CustomResourceDiscovery.ConfiguredObjects(
                settings.CustomResourceDefinitions,
                chartDefinitions.SelectMany(objects => objects.Select(o => o.Document.TemplatePath)).ToHashSet(StringComparer.Ordinal),
                repository);
        var customResources = CustomResourceCatalog.From(CustomResourceDiscovery.Definitions(configuredDefinitions.Concat(chartDefinitions.SelectMany(o => o))));
        foreach (var definition in configuredDefinitions)
        {
            ObjectRules.Check(definition, repository, customResources);
        }

        // Rendered as for a cluster that has the repository's CRDs installed: their APIs are in .Capabilities.
        var renderSettings = customResources.ServedApiVersions.Count == 0
            ? settings
            : settings with { ApiVersions = [.. settings.ApiVersions, .. customResources.ServedApiVersions.Order(StringComparer.Ordinal), .. customResources.ServedKinds.Order(StringComparer.Ordinal)] };
        var documents = new int[charts.Count];
        ForEachChart(i => documents[i] = ValidateChart(charts[i], sources[i], chartDefinitions[i], customResources, collectors[i], renderer, renderSettings));
        return new ValidationReport(
            [.. repository.Findings, .. collectors.SelectMany(c => c.Findings)], charts.Select(c => Path.GetFileName(c)).ToList(), documents.Sum());
    }

    /// <summary>
    /// Validates with the repository's configuration: welltrack.yaml found at or above the input (unless
    /// <paramref name="configurationFile"/> names one), then <paramref name="items"/> (MSBuild items, options), then
    /// <paramref name="strict"/>. Configuration problems (39xx) are part of the report; with an error among them,
    /// nothing is validated.
    /// </summary>
    public static ValidationReport ValidateWithConfiguration(
        string chartsDirectoryOrChart,
        IChartRenderer renderer,
        ValidationSettings? baseSettings = null,
        IEnumerable<RuleSettingItem>? items = null,
        bool strict = false,
        string? configurationFile = null,
        CancellationToken cancellationToken = default)
    {
        var settings = baseSettings ?? ValidationSettings.Default;
        var configuration = new List<Diagnostic>();
        var file = configurationFile ?? ValidationConfiguration.Find(chartsDirectoryOrChart);
        if (file is not null)
        {
            var loaded = ValidationConfiguration.Load(file, settings);
            settings = loaded.Settings;
            configuration.AddRange(loaded.Diagnostics);
            settings = settings with { BaseDirectory = settings.BaseDirectory ?? Path.GetDirectoryName(Path.GetFullPath(file)) };
        }

        if (items is not null)
        {
            var applied = ValidationConfiguration.Apply(settings, items);
            settings = applied.Settings;
            configuration.AddRange(applied.Diagnostics);
        }

        if (strict)
        {
            settings = settings with { Strict = true };
        }

        var baseDirectory = settings.BaseDirectory ?? RepositoryRoot(Path.GetFullPath(chartsDirectoryOrChart)) ?? Environment.CurrentDirectory;
        var collector = new FindingCollector(settings, baseDirectory);
        var configFindings = configuration.Select(d => new ValidationFinding(
            d with { File = d.File is null ? null : collector.RelativePath(d.File), Severity = settings.Strict && d.Severity == DiagnosticSeverity.Warning ? DiagnosticSeverity.Error : d.Severity })).ToList();
        if (configFindings.Any(f => f.Diagnostic.IsError))
        {
            return new ValidationReport(configFindings, [], 0);
        }

        var report = Validate(chartsDirectoryOrChart, settings, renderer, cancellationToken);
        // Settings for a chart that is not there are worth a warning only when the whole charts directory was checked.
        var fullInput = Path.GetFullPath(chartsDirectoryOrChart);
        if (!File.Exists(Path.Combine(fullInput, "Chart.yaml")) && report.Charts.Count > 0)
        {
            foreach (var unknown in settings.Charts.Keys.Where(k => !report.Charts.Contains(k, StringComparer.Ordinal)).Order(StringComparer.Ordinal))
            {
                var severity = settings.Strict ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
                configFindings.Add(new ValidationFinding(Diagnostic.Create(DiagnosticCodes.WT3908, severity, file is null ? null : new SourceLocation(collector.RelativePath(file)), unknown), unknown));
            }
        }

        return new ValidationReport([.. configFindings, .. report.Findings], report.Charts, report.RenderedDocuments);
    }

    /// <param name="definitions">The objects of the chart's crds/ files: checked as objects (Helm installs them).</param>
    /// <param name="customResources">The repository's custom resource definitions.</param>
    /// <param name="renderSettings">The settings with the repository's custom resource APIs among the cluster's.</param>
    private static int ValidateChart(string chartDirectory, ChartSource? source, IReadOnlyList<ManifestObject> definitions, CustomResourceCatalog customResources, FindingCollector findings, IChartRenderer renderer, ValidationSettings renderSettings)
    {
        var settings = findings.Settings;
        findings.Variant = null;
        foreach (var definition in definitions)
        {
            ObjectRules.Check(definition, findings, customResources);
        }

        var chart = ChartRules.Check(chartDirectory, source, findings);
        var values = source is null ? null : ChartValues.Load(source, findings);
        if (!chart.Renderable || values is not { Usable: true })
        {
            return 0;
        }

        var variants = new List<IReadOnlyList<string>> { Array.Empty<string>() };
        var ci = Path.Combine(chartDirectory, "ci");
        if (settings.RenderCiValues && Directory.Exists(ci))
        {
            variants.AddRange(Directory.EnumerateFiles(ci, "*-values.yaml").Order(StringComparer.Ordinal).Select(f => (IReadOnlyList<string>)[f]));
        }

        var documents = 0;
        foreach (var variant in variants)
        {
            findings.Variant = variant.Count == 0 ? "values.yaml" : string.Join(", ", variant.Select(v => Path.GetRelativePath(chartDirectory, v).Replace('\\', '/')));
            if (!values.Check(variant, findings))
            {
                continue;
            }

            ChartRenderOutcome outcome;
            try
            {
                outcome = renderer.Render(chartDirectory, variant, renderSettings);
            }
            catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException))
            {
                var at = new SourceLocation(variant.Count > 0 ? variant[0] : Path.Combine(chartDirectory, "Chart.yaml"));
                findings.Report(DiagnosticCodes.WT3020, at, findings.Variant, e.Message);
                continue;
            }

            foreach (var diagnostic in outcome.Diagnostics)
            {
                findings.Forward(diagnostic);
            }

            if (!outcome.Succeeded)
            {
                var first = outcome.Diagnostics.First(d => d.IsError);
                var at = new SourceLocation(variant.Count > 0 ? variant[0] : Path.Combine(chartDirectory, "Chart.yaml"));
                findings.Report(DiagnosticCodes.WT3020, at, findings.Variant, $"{first.Code}: {first.Message}");
            }

            documents += outcome.Documents.Count;
            var objects = new List<ManifestObject>();
            foreach (var document in outcome.Documents)
            {
                // NOTES.txt is rendered (its errors count) but is not a manifest.
                if (!document.TemplatePath.EndsWith("NOTES.txt", StringComparison.Ordinal))
                {
                    objects.AddRange(ManifestParser.Parse(document, findings));
                }
            }

            var renderCustomResources = CustomResourceDiscovery.ForRender(customResources, objects);
            foreach (var manifest in objects)
            {
                ObjectRules.Check(manifest, findings, renderCustomResources);
                MetadataRules.Check(manifest, findings);
                PracticeRules.Check(manifest, findings);
            }

            ObjectRules.CheckDuplicates(objects, findings);
            CrossObjectRules.Check(objects, findings);
        }

        return documents;
    }

    /// <summary>The input itself when it holds Chart.yaml; otherwise its subdirectories that look like charts
    /// (Chart.yaml, values.yaml or templates/), so a chart missing Chart.yaml is reported rather than skipped.</summary>
    private static List<string> FindCharts(string input)
    {
        if (!Directory.Exists(input))
        {
            return [];
        }

        static bool LooksLikeChart(string d)
            => File.Exists(Path.Combine(d, "Chart.yaml")) || File.Exists(Path.Combine(d, "values.yaml")) || Directory.Exists(Path.Combine(d, "templates"));

        if (File.Exists(Path.Combine(input, "Chart.yaml")))
        {
            return [input];
        }

        var charts = Directory.EnumerateDirectories(input).Where(LooksLikeChart).Order(StringComparer.Ordinal).ToList();
        return charts.Count == 0 && LooksLikeChart(input) ? [input] : charts;
    }

    private static string? RepositoryRoot(string path)
    {
        for (var directory = new DirectoryInfo(path); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, ValidationConfiguration.FileName))
                || Directory.Exists(Path.Combine(directory.FullName, ".git")) || File.Exists(Path.Combine(directory.FullName, ".git")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
