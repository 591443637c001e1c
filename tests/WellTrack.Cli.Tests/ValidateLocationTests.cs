using WellTrack.Testing;

namespace WellTrack.Cli.Tests;

/// <summary>Findings in rendered objects point at the template action that printed the value, and name the value.</summary>
[TestClass]
public sealed class ValidateLocationTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ .Release.Name }}-web
        spec:
          replicas: {{ .Values.replicaCount }}
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
                - name: web
                  image: "nginx:{{ .Values.image.tag }}"

        """;

    [TestMethod]
    public void AValueThatBreaksTheObjectIsReportedAtTheActionWithItsValuesPath()
    {
        using var directory = new TemporaryDirectory();
        var chart = directory.Combine("web");
        Directory.CreateDirectory(Path.Combine(chart, "templates"));
        File.WriteAllText(Path.Combine(chart, "Chart.yaml"), "apiVersion: v2\nname: web\nversion: 0.1.0\n");
        File.WriteAllText(Path.Combine(chart, "values.yaml"), "replicaCount: two\nimage:\n  tag: \"1.27\"\n");
        File.WriteAllText(Path.Combine(chart, "templates", "deployment.yaml"), Deployment.Replace("\r\n", "\n", StringComparison.Ordinal));

        var (code, output, error) = CliRunner.Run(directory.Path, "validate", chart);

        Assert.AreEqual(1, code, output + error);
        var line = output.Split('\n').FirstOrDefault(l => l.Contains("error WT3110", StringComparison.Ordinal));
        Assert.IsNotNull(line, output + error);
        StringAssert.Contains(line, "web/templates/deployment.yaml(6,13): error WT3110");
        StringAssert.Contains(line, "(values: replicaCount)");
    }
}
