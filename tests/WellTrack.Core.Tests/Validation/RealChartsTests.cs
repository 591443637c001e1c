using WellTrack.Core.Validation;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Tests.Validation;

/// <summary>
/// The WellTrack charts under charts/, rendered (by the helm-oracle, checked in as fixtures) with their default values
/// and with each ci/*-values.yaml: correct inputs, so no errors; only the warnings the defaults are known for.
/// </summary>
[TestClass]
public sealed class RealChartsTests
{
    public static IEnumerable<object[]> Variants()
    {
        foreach (var chart in new[] { "welltrack-backend", "welltrack-frontend", "welltrack-ml" })
        {
            yield return [chart, "default"];
            foreach (var file in Directory.EnumerateFiles(Path.Combine(ValidationTestSupport.RepositoryRoot(), "charts", chart, "ci"), "*-values.yaml").Order(StringComparer.Ordinal))
            {
                yield return [chart, Path.GetFileNameWithoutExtension(file)];
            }
        }
    }

    [TestMethod]
    [DynamicData(nameof(Variants))]
    public void EveryVariantOfEveryChartHasNoError(string chart, string variant)
    {
        var root = ValidationTestSupport.RepositoryRoot();
        var renderer = new SingleVariantRenderer(variant);
        var settings = ValidationSettings.Default with { BaseDirectory = root };

        var report = ChartValidator.Validate(Path.Combine(root, "charts", chart), settings, renderer);

        Assert.IsTrue(renderer.Rendered, $"{chart} {variant} was rendered");
        Assert.IsGreaterThan(0, report.RenderedDocuments);
        var errors = report.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToList();
        Assert.IsEmpty(errors, string.Join("\n", errors));
        // The defaults use image.tag "latest" until CI writes a real tag; that is the one expected warning.
        var warnings = report.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning && d.Code != "WT3301").Select(d => d.ToString()).ToList();
        Assert.IsEmpty(warnings, string.Join("\n", warnings));
    }

    [TestMethod]
    public void TheChartsDirectoryValidatesAllThreeChartsWithAllVariants()
    {
        var root = ValidationTestSupport.RepositoryRoot();
        var report = ChartValidator.Validate(Path.Combine(root, "charts"), ValidationSettings.Default with { BaseDirectory = root }, ValidationTestSupport.FixtureRenderer());

        CollectionAssert.AreEqual(new[] { "welltrack-backend", "welltrack-frontend", "welltrack-ml" }, report.Charts.ToArray());
        Assert.IsFalse(report.HasErrors, string.Join("\n", report.Diagnostics));
        Assert.IsGreaterThan(100, report.RenderedDocuments);
        var latest = report.Findings.Where(f => f.Code == "WT3301").ToList();
        Assert.IsNotEmpty(latest);
        Assert.IsTrue(latest.All(f => f.Diagnostic.File!.StartsWith("charts/welltrack-", StringComparison.Ordinal) && f.Diagnostic.File.EndsWith("/templates/deployment.yaml", StringComparison.Ordinal)), string.Join("\n", latest.Select(f => f.Diagnostic)));
    }

    [TestMethod]
    public void ParallelValidationReportsTheSameFindingsInTheSameOrder()
    {
        var root = ValidationTestSupport.RepositoryRoot();
        var settings = ValidationSettings.Default with { BaseDirectory = root };

        var sequential = ChartValidator.Validate(Path.Combine(root, "charts"), settings, ValidationTestSupport.FixtureRenderer());
        var parallel = ChartValidator.Validate(Path.Combine(root, "charts"), settings with { MaxDegreeOfParallelism = 3 }, ValidationTestSupport.FixtureRenderer());

        CollectionAssert.AreEqual(sequential.Diagnostics.ToList(), parallel.Diagnostics.ToList());
        Assert.AreEqual(sequential.RenderedDocuments, parallel.RenderedDocuments);
    }

    [TestMethod]
    public void StrictTurnsTheLatestTagWarningIntoAnError()
    {
        var root = ValidationTestSupport.RepositoryRoot();
        var report = ChartValidator.Validate(Path.Combine(root, "charts", "welltrack-backend"),
            ValidationSettings.Default with { BaseDirectory = root, Strict = true }, ValidationTestSupport.FixtureRenderer());

        Assert.IsTrue(report.HasErrors);
        Assert.IsTrue(report.Diagnostics.Where(d => d.IsError).All(d => d.Code == "WT3301"), string.Join("\n", report.Diagnostics));
    }

    /// <summary>Renders only one variant (the others render nothing), so each variant is its own test case.</summary>
    private sealed class SingleVariantRenderer(string variant) : IChartRenderer
    {
        private readonly IChartRenderer _fixtures = ValidationTestSupport.FixtureRenderer();

        public bool Rendered { get; private set; }

        public ChartRenderOutcome Render(string chartDirectory, IReadOnlyList<string> extraValuesFiles, ValidationSettings settings)
        {
            var name = extraValuesFiles.Count == 0 ? "default" : Path.GetFileNameWithoutExtension(extraValuesFiles[0]);
            if (name != variant)
            {
                return ChartRenderOutcome.Empty;
            }

            Rendered = true;
            return _fixtures.Render(chartDirectory, extraValuesFiles, settings);
        }
    }
}
