using WellTrack.Testing;

namespace WellTrack.Cli.Tests;

/// <summary><c>welltrack template</c> checks values.schema.json as <c>helm template</c> does, unless told not to.</summary>
[TestClass]
public sealed class TemplateCommandTests
{
    private static string WriteChart(TemporaryDirectory directory, string values)
    {
        var chart = Path.Combine(directory.Path, "app");
        Directory.CreateDirectory(Path.Combine(chart, "templates"));
        File.WriteAllText(Path.Combine(chart, "Chart.yaml"), "apiVersion: v2\nname: app\nversion: 0.1.0\n");
        File.WriteAllText(Path.Combine(chart, "values.yaml"), values);
        File.WriteAllText(Path.Combine(chart, "values.schema.json"), """{"$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "properties": {"replicas": {"type": "integer", "minimum": 1}}}""");
        File.WriteAllText(Path.Combine(chart, "templates", "cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  replicas: {{ .Values.replicas | quote }}\n");
        return chart;
    }

    [TestMethod]
    public void ValuesThatBreakTheSchemaStopTheRenderAsHelmDoes()
    {
        using var directory = new TemporaryDirectory();
        var chart = WriteChart(directory, "replicas: 0\n");

        var (code, output, error) = CliRunner.Run(directory.Path, "template", chart);

        Assert.AreEqual(1, code, output + error);
        Assert.AreEqual(string.Empty, output);
        StringAssert.StartsWith(error, "Error: values don't meet the specifications of the schema(s) in the following chart(s):\napp:\n- replicas:");
    }

    [TestMethod]
    public void ConformingValuesRenderAndTheCheckCanBeSkipped()
    {
        using var directory = new TemporaryDirectory();
        var chart = WriteChart(directory, "replicas: 2\n");
        var (code, output, error) = CliRunner.Run(directory.Path, "template", chart);
        Assert.AreEqual(0, code, error);
        StringAssert.Contains(output, "replicas: \"2\"");

        var broken = WriteChart(directory, "replicas: 0\n");
        var (skipCode, skipped, skipError) = CliRunner.Run(directory.Path, "template", broken, "--set", "replicas=0", "--skip-schema-validation");
        Assert.AreEqual(0, skipCode, skipError);
        StringAssert.Contains(skipped, "replicas: \"0\"");
    }
}
