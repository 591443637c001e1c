using WellTrack.Core.Validation;
using WellTrack.Core.Validation.CustomResources;
using WellTrack.Core.Validation.Objects;

namespace WellTrack.Core.Tests.Validation.CustomResources;

/// <summary>
/// Where CustomResourceDefinitions are found: a chart's crds/, its subcharts' crds/ (unpacked and packaged), the
/// chart's rendered templates, and validation.customResourceDefinitions; what the catalog serves; a malformed
/// definition.
/// </summary>
[TestClass]
public sealed class CustomResourceDiscoveryTests
{
    /// <summary>A Widget the definition rejects (size is a string): it is reported only when the definition is found.</summary>
    private static readonly string BrokenWidget = WidgetFixtures.Widget(WidgetFixtures.ValidSpec.Replace("  size: 3", "  size: \"3\"", StringComparison.Ordinal));

    public static IEnumerable<object[]> ChartLocations()
    {
        yield return ["crds/ of the chart", "crds/widgets.yaml"];
        yield return ["a nested directory of crds/", "crds/gears/widgets.yml"];
        yield return ["crds/ of a subchart", "charts/parts/crds/widgets.yaml"];
        yield return ["crds/ of a subchart's subchart", "charts/parts/charts/bolts/crds/widgets.json"];
    }

    [TestMethod]
    [DynamicData(nameof(ChartLocations))]
    public void ADefinitionInTheChartsFilesIsUsed(string name, string path)
    {
        using var repository = new CustomResourceRepository();
        repository.Chart("gears", BrokenWidget, new Dictionary<string, string>
        {
            [path] = WidgetFixtures.Definition,
            ["charts/parts/Chart.yaml"] = "apiVersion: v2\nname: parts\nversion: 0.1.0\n",
            ["charts/parts/charts/bolts/Chart.yaml"] = "apiVersion: v2\nname: bolts\nversion: 0.1.0\n",
        });

        Assert.AreEqual("WT3110", Codes(repository.Validate()), name);
    }

    [TestMethod]
    public void ADefinitionInAPackagedSubchartIsUsed()
    {
        using var repository = new CustomResourceRepository();
        repository.Chart("gears", BrokenWidget);
        repository.Archive("charts/gears/charts/parts-0.1.0.tgz", "parts", new Dictionary<string, string>
        {
            ["Chart.yaml"] = "apiVersion: v2\nname: parts\nversion: 0.1.0\n",
            ["crds/widgets.yaml"] = WidgetFixtures.Definition,
        });

        Assert.AreEqual("WT3110", Codes(repository.Validate()));
    }

    [TestMethod]
    public void AFileOutsideCrdsOrWithAnotherExtensionIsNotADefinition()
    {
        using var repository = new CustomResourceRepository();
        repository.Chart("gears", BrokenWidget, new Dictionary<string, string>
        {
            ["crds/widgets.yaml.txt"] = WidgetFixtures.Definition,
            ["files/widgets.yaml"] = WidgetFixtures.Definition,
        });

        Assert.AreEqual("WT3106", Codes(repository.Validate()));
    }

    [TestMethod]
    public void ADefinitionTheTemplatesRenderAppliesToTheChartsOwnObjectsOnly()
    {
        using var repository = new CustomResourceRepository();
        repository.Chart("gears", WidgetFixtures.Definition + "---\n" + BrokenWidget);
        repository.Chart("other", BrokenWidget);

        var findings = CustomResourceSchemaTests.SchemaFindings(repository.Validate(parallelism: 2));

        Assert.AreEqual("gears WT3110\nother WT3106", string.Join("\n", findings.Select(f => $"{f.Chart} {f.Diagnostic.Code}")));
    }

    [TestMethod]
    public void ACrdsDefinitionAppliesToEveryChartOfTheRepository()
    {
        using var repository = new CustomResourceRepository();
        repository.Chart("gears", string.Empty, new Dictionary<string, string> { ["crds/widgets.yaml"] = WidgetFixtures.Definition });
        repository.Chart("other", BrokenWidget);

        var sequential = repository.Validate();
        var parallel = repository.Validate(parallelism: 2);

        Assert.AreEqual("other WT3110", string.Join("\n", CustomResourceSchemaTests.SchemaFindings(sequential).Select(f => $"{f.Chart} {f.Diagnostic.Code}")));
        CollectionAssert.AreEqual(sequential.Findings.Select(f => f.Diagnostic.ToString()).ToList(), parallel.Findings.Select(f => f.Diagnostic.ToString()).ToList());
    }

    public static IEnumerable<object[]> ConfiguredPaths()
    {
        yield return ["a file", "platform/widgets.yaml", "platform/widgets.yaml"];
        yield return ["a directory", "platform", "platform/gears/widgets.yaml"];
        yield return ["a directory with a trailing slash", "platform/", "platform/widgets.json"];
    }

    [TestMethod]
    [DynamicData(nameof(ConfiguredPaths))]
    public void ADefinitionListedInTheConfigurationIsUsed(string name, string configured, string file)
    {
        using var repository = new CustomResourceRepository();
        repository.File(file, WidgetFixtures.Definition);
        repository.File("platform/README.md", "Definitions the platform team installs.\n");
        repository.Chart("gears", BrokenWidget);

        var report = repository.ValidateWithConfiguration($"validation:\n  customResourceDefinitions: [{configured}]\n");

        Assert.AreEqual("WT3110", Codes(report), $"{name}: {string.Join("\n", report.Findings)}");
    }

    [TestMethod]
    public void AConfiguredDefinitionIsCheckedAsAnObject()
    {
        using var repository = new CustomResourceRepository();
        var definition = WidgetFixtures.Definition.Replace("  scope: Namespaced", "  scope: Namespaced\n  colour: green", StringComparison.Ordinal);
        repository.File("platform/widgets.yaml", definition);
        repository.Chart("gears", WidgetFixtures.Widget());

        var report = repository.ValidateWithConfiguration("validation:\n  customResourceDefinitions: [platform/widgets.yaml]\n");

        var finding = report.Findings.Single(f => f.Diagnostic.Code == "WT3109");
        Assert.AreEqual("platform/widgets.yaml", finding.Diagnostic.File);
        Assert.AreEqual("CustomResourceDefinition/widgets.widgets.example.com", finding.ObjectReference);
    }

    [TestMethod]
    public void AMalformedDefinitionIsReportedAndSkipped()
    {
        using var repository = new CustomResourceRepository();
        var withoutGroup = WidgetFixtures.Definition.Replace("  group: widgets.example.com\n", string.Empty, StringComparison.Ordinal);
        repository.Chart("gears", BrokenWidget, new Dictionary<string, string> { ["crds/widgets.yaml"] = withoutGroup });

        var report = repository.Validate();

        var missing = report.Findings.Single(f => f.Diagnostic.Code == "WT3111");
        Assert.AreEqual("charts/gears/crds/widgets.yaml", missing.Diagnostic.File);
        Assert.Contains("spec.group", missing.Diagnostic.Message);
        Assert.AreEqual("WT3106", string.Join(",", report.Findings.Where(f => f.ObjectReference == "Widget/sprocket").Select(f => f.Diagnostic.Code)));
    }

    [TestMethod]
    public void TheCatalogServesTheServedVersionsOnly()
    {
        var findings = new FindingCollector(ValidationSettings.Default, Path.GetTempPath());
        var objects = ManifestParser.Parse(new RenderedDocument("crds/widgets.yaml", WidgetFixtures.Definition), findings);

        var catalog = CustomResourceCatalog.From(CustomResourceDiscovery.Definitions(objects));

        CollectionAssert.AreEquivalent(new[] { "widgets.example.com/v1" }, catalog.ServedApiVersions.ToList());
        CollectionAssert.AreEquivalent(new[] { "widgets.example.com/v1/Widget" }, catalog.ServedKinds.ToList());
        Assert.IsTrue(CustomResourceCatalog.Empty.IsEmpty);
        Assert.IsEmpty(CustomResourceCatalog.Empty.ServedApiVersions);
    }

    private static string Codes(ValidationReport report)
        => string.Join(",", CustomResourceSchemaTests.SchemaFindings(report).Select(f => f.Diagnostic.Code));
}
