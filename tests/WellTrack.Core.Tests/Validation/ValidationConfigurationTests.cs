using WellTrack.Core.Validation;
using WellTrack.Diagnostics;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Validation;

/// <summary>welltrack.yaml's validation section, MSBuild-style rule items, and their effect on a validation.</summary>
[TestClass]
public sealed class ValidationConfigurationTests
{
    private const string File = "welltrack.yaml";

    public static IEnumerable<object[]> BrokenConfigurations()
    {
        yield return ["not YAML", "WT3901", DiagnosticSeverity.Error, "validation:\n  rules: »[unclosed\n  strict: true\n"];
        yield return ["unknown rule", "WT3902", DiagnosticSeverity.Error, "validation:\n  rules:\n    »WT9999: warning\n"];
        yield return ["configuration rule not configurable", "WT3902", DiagnosticSeverity.Error, "validation:\n  rules:\n    »WT3901: none\n"];
        yield return ["bad severity", "WT3903", DiagnosticSeverity.Error, "validation:\n  rules:\n    WT3301: »fatal\n"];
        yield return ["disabled without reason", "WT3904", DiagnosticSeverity.Error, "validation:\n  rules:\n    »WT3305: none\n"];
        yield return ["chart rule disabled without reason", "WT3904", DiagnosticSeverity.Error, "validation:\n  charts:\n    welltrack-ml:\n      rules:\n        »WT3305: { severity: none, reason: \"  \" }\n"];
        yield return ["bad Kubernetes version", "WT3905", DiagnosticSeverity.Error, "validation:\n  kubernetesVersion: »latest\n"];
        yield return ["unknown key", "WT3906", DiagnosticSeverity.Warning, "validation:\n  »kubeVersion: \"1.30\"\n"];
        yield return ["unknown chart key", "WT3906", DiagnosticSeverity.Warning, "validation:\n  charts:\n    demo:\n      »rule: {}\n"];
        yield return ["strict not a boolean", "WT3907", DiagnosticSeverity.Error, "validation:\n  strict: »sometimes\n"];
        yield return ["externalSecrets not a list", "WT3907", DiagnosticSeverity.Error, "validation:\n  externalSecrets: »registry-credentials\n"];
    }

    [TestMethod]
    [DynamicData(nameof(BrokenConfigurations))]
    public void BrokenConfigurationIsReportedWithPosition(string name, string code, DiagnosticSeverity severity, string yaml)
    {
        var marker = ValidationTestSupport.Marker(yaml)!.Value;

        var result = ValidationConfiguration.Parse(marker.Text, File);

        var diagnostic = result.Diagnostics.FirstOrDefault(d => d.Code == code);
        Assert.IsNotNull(diagnostic, $"{name}: {string.Join("\n", result.Diagnostics)}");
        Assert.AreEqual(severity, diagnostic.Severity, name);
        Assert.AreEqual(File, diagnostic.File, name);
        Assert.AreEqual(marker.Line, diagnostic.Line, $"{name}: {diagnostic}");
        Assert.AreEqual(marker.Column, diagnostic.Column, $"{name}: {diagnostic}");
        Assert.HasCount(1, result.Diagnostics, string.Join("\n", result.Diagnostics));
    }

    [TestMethod]
    public void AValidConfigurationIsRead()
    {
        var result = ValidationConfiguration.Parse("""
            other-feature: { anything: 1 }
            validation:
              kubernetesVersion: "1.29"
              strict: true
              releaseName: demo
              namespace: web
              rules:
                WT3201: warning
                WT3305: { severity: none, reason: "the worker has no HTTP endpoint" }
              externalSecrets: [registry-credentials]
              externalConfigMaps: [cluster-settings]
              externalServiceAccounts: [ci-runner]
              charts:
                welltrack-ml:
                  rules:
                    WT3306: { severity: note, reason: "warm-up is handled by the startup probe" }
                  externalSecrets: [ml-model-token]
            """, File);

        Assert.IsEmpty(result.Diagnostics, string.Join("\n", result.Diagnostics));
        var settings = result.Settings;
        Assert.AreEqual(new KubernetesVersion(1, 29), settings.KubernetesVersion);
        Assert.IsTrue(settings.Strict);
        Assert.AreEqual("demo", settings.ReleaseName);
        Assert.AreEqual("web", settings.Namespace);
        Assert.AreEqual(RuleSeverity.Error, settings.SeverityOf("WT3201", null), "strict turns the re-graded warning into an error");
        Assert.AreEqual(RuleSeverity.None, settings.SeverityOf("WT3305", "welltrack-backend"));
        Assert.AreEqual("the worker has no HTTP endpoint", settings.Rules["WT3305"].Reason);
        Assert.AreEqual(RuleSeverity.Note, settings.SeverityOf("WT3306", "welltrack-ml"));
        Assert.AreEqual(RuleSeverity.Error, settings.SeverityOf("WT3306", "welltrack-backend"), "strict; the chart setting applies to its chart only");
        CollectionAssert.AreEqual(new[] { "registry-credentials" }, settings.ExternalSecrets.ToArray());
        CollectionAssert.AreEqual(new[] { "ml-model-token" }, settings.Charts["welltrack-ml"].ExternalSecrets.ToArray());
    }

    [TestMethod]
    public void RuleItemsOverrideTheFileAndNeedAReasonToDisable()
    {
        var fromFile = ValidationConfiguration.Parse("validation:\n  rules:\n    WT3301: error\n", File).Settings;

        var result = ValidationConfiguration.Apply(fromFile,
        [
            new RuleSettingItem("WT3301", "warning"),
            new RuleSettingItem("WT3309", "none", "nginx writes its cache", "demo"),
            new RuleSettingItem("WT3310", "none"),
            new RuleSettingItem("WT3310", "loud"),
            new RuleSettingItem("WT4000", "none", "x"),
        ]);

        Assert.AreEqual(RuleSeverity.Warning, result.Settings.SeverityOf("WT3301", null));
        Assert.AreEqual(RuleSeverity.None, result.Settings.SeverityOf("WT3309", "demo"));
        Assert.AreEqual(RuleSeverity.Warning, result.Settings.SeverityOf("WT3309", "other"));
        Assert.AreEqual(RuleSeverity.Warning, result.Settings.SeverityOf("WT3310", null), "a disable without a reason is refused");
        CollectionAssert.AreEqual(new[] { "WT3904", "WT3903", "WT3902" }, result.Diagnostics.Select(d => d.Code).ToArray());
    }

    [TestMethod]
    public void AnUnknownOrMistypedRuleIdIsRefusedAsNoRule()
    {
        var result = ValidationConfiguration.Apply(ValidationSettings.Default,
        [
            new RuleSettingItem("wt3301", "warning"),
            new RuleSettingItem("WT33O1", "warning"),
            new RuleSettingItem(" WT3305 ", "none", "batch job"),
        ]);

        CollectionAssert.AreEqual(new[] { "WT3902", "WT3902" }, result.Diagnostics.Select(d => d.Code).ToArray());
        Assert.AreEqual(RuleSeverity.None, result.Settings.SeverityOf(WellTrack.Diagnostics.DiagnosticCodes.WT3305, null), "the id is parsed into the code");
    }

    [TestMethod]
    public void AnUnreadableConfigurationIsWT3909NotAParseError()
    {
        using var directory = new WellTrack.Testing.TemporaryDirectory();
        var file = directory.CreateDirectory(ValidationConfiguration.FileName);

        var result = ValidationConfiguration.Load(file);

        Assert.AreEqual("WT3909", result.Diagnostics.Single().Code);
        Assert.AreEqual(file, result.Diagnostics.Single().File);
        Assert.IsTrue(result.HasErrors);
    }

    [TestMethod]
    public void TheRepositoryConfigurationChangesWhatIsReported()
    {
        using var directory = new TemporaryDirectory();
        var files = DemoChart.Files();
        files["rendered/deployment.yaml"] = files["rendered/deployment.yaml"]
            .Replace("name: demo-secrets", "name: registry-token", StringComparison.Ordinal)
            .Replace("image: ghcr.io/acme/demo:1.2.3", "image: ghcr.io/acme/demo:latest", StringComparison.Ordinal)
            .Replace("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false", StringComparison.Ordinal);
        var chart = DemoChart.Write(directory.Path, files);
        System.IO.File.WriteAllText(directory.Combine(File), """
            validation:
              externalSecrets: [registry-token]
              rules:
                WT3301: error
              charts:
                demo:
                  rules:
                    WT3309: { severity: none, reason: "the image writes to /var/cache" }
            """);

        var report = ChartValidator.ValidateWithConfiguration(chart, DemoChart.Renderer(files));

        var diagnostic = report.Diagnostics.Single();
        Assert.AreEqual("WT3301", diagnostic.Code);
        Assert.AreEqual(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.AreEqual("charts/demo/templates/deployment.yaml", diagnostic.File, "paths are relative to the directory of welltrack.yaml");

        var strict = ChartValidator.ValidateWithConfiguration(chart, DemoChart.Renderer(files),
            items: [new RuleSettingItem("WT3301", "warning")]);
        Assert.AreEqual(DiagnosticSeverity.Warning, strict.Diagnostics.Single().Severity, "items win over the file");
        var strictRun = ChartValidator.ValidateWithConfiguration(chart, DemoChart.Renderer(files),
            items: [new RuleSettingItem("WT3301", "warning")], strict: true);
        Assert.AreEqual(DiagnosticSeverity.Error, strictRun.Diagnostics.Single().Severity, "--strict turns warnings into errors");
    }

    [TestMethod]
    public void SettingsForAnUnknownChartAreAWarning()
    {
        using var directory = new TemporaryDirectory();
        var files = DemoChart.Files();
        DemoChart.Write(directory.Path, files);
        System.IO.File.WriteAllText(directory.Combine(File), "validation:\n  charts:\n    demo-typo:\n      externalSecrets: [x]\n");

        var report = ChartValidator.ValidateWithConfiguration(directory.Combine("charts"), DemoChart.Renderer(files));

        var diagnostic = report.Diagnostics.Single();
        Assert.AreEqual("WT3908", diagnostic.Code);
        Assert.AreEqual(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.AreEqual(File, diagnostic.File);
        CollectionAssert.AreEqual(new[] { "demo" }, report.Charts.ToArray());
    }

    [TestMethod]
    public void AConfigurationErrorStopsValidation()
    {
        using var directory = new TemporaryDirectory();
        var files = DemoChart.Files();
        var chart = DemoChart.Write(directory.Path, files);
        System.IO.File.WriteAllText(directory.Combine(File), "validation:\n  rules:\n    WT3305: none\n");

        var report = ChartValidator.ValidateWithConfiguration(chart, DemoChart.Renderer(files));

        var diagnostic = report.Diagnostics.Single();
        Assert.AreEqual("WT3904", diagnostic.Code);
        Assert.AreEqual(File, diagnostic.File);
        Assert.AreEqual(3, diagnostic.Line);
        Assert.IsEmpty(report.Charts);
    }

    [TestMethod]
    [DataRow("1.30", 1, 30)]
    [DataRow("v1.31.0", 1, 31)]
    [DataRow("1.29.4", 1, 29)]
    public void KubernetesVersionsParse(string text, int major, int minor)
    {
        Assert.IsTrue(KubernetesVersion.TryParse(text, out var version));
        Assert.AreEqual(new KubernetesVersion(major, minor), version);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("1")]
    [DataRow("2.0")]
    [DataRow("1.x")]
    public void KubernetesVersionsRefuse(string text) => Assert.IsFalse(KubernetesVersion.TryParse(text, out _));
}
