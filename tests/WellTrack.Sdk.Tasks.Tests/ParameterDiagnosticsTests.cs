using WellTrack.Testing;

namespace WellTrack.Sdk.Tasks.Tests;

/// <summary>Bad task parameters are reported with codes that say what is wrong with them (WT90xx), not as a broken
/// configuration file or a missing value.</summary>
[TestClass]
public sealed class ParameterDiagnosticsTests
{
    [TestMethod]
    public void AKubernetesVersionThatIsNotMajorMinorIsWT9010()
    {
        using var temp = new TemporaryDirectory();
        var engine = new RecordingBuildEngine();
        var task = new ValidateCharts { BuildEngine = engine, Directory = temp.Path, KubernetesVersion = "v1" };

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("WT9010", error.Code);
        Assert.AreEqual("KubernetesVersion must read like 1.30 (MAJOR.MINOR), not 'v1'.", error.Message);
    }

    [TestMethod]
    public void AnUnknownReportFormatIsWT9011()
    {
        using var temp = new TemporaryDirectory();
        File.WriteAllText(temp.Combine("values.yaml"), "replicas: 1\n");
        var engine = new RecordingBuildEngine();
        var task = new CheckNoPlainSecrets { BuildEngine = engine, Directory = temp.Path, OutputFile = temp.Combine("report.xml"), Format = "xml" };

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("WT9011", error.Code);
        Assert.AreEqual("Format must be sarif or json, not 'xml'.", error.Message);
        Assert.IsFalse(File.Exists(temp.Combine("report.xml")));
    }

    [TestMethod]
    public void ReportDiagnosticLogsTheCodeItNames()
    {
        var engine = new RecordingBuildEngine();
        var task = new ReportDiagnostic { BuildEngine = engine, Code = "WT9002", Arguments = ["GitOpsRepository"], File = "app.csproj" };

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual(("WT9002", "GitOpsRepository is required.", "app.csproj"), (error.Code, error.Message, error.File));
    }

    [TestMethod]
    [DataRow("WT9999")]
    [DataRow("wt9002")]
    [DataRow("GitOpsRepository")]
    public void ReportDiagnosticRefusesACodeThatDoesNotExist(string code)
    {
        var engine = new RecordingBuildEngine();
        var task = new ReportDiagnostic { BuildEngine = engine, Code = code };

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("WT9012", error.Code);
        StringAssert.StartsWith(error.Message, $"'{code}' is not a WellTrack diagnostic code");
    }

    [TestMethod]
    public void ReportDiagnosticRefusesAnUnknownSeverity()
    {
        var engine = new RecordingBuildEngine();
        var task = new ReportDiagnostic { BuildEngine = engine, Code = "WT9009", Severity = "Fatal", Arguments = ["x"] };

        Assert.IsFalse(task.Execute());

        Assert.AreEqual("WT9013", engine.Errors.Single().Code);
    }
}
