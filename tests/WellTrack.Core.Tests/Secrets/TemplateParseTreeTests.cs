using WellTrack.Core.Secrets;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Secrets;

/// <summary>
/// Secret templates read on the engine's parse tree rather than line by line: values reaching a Secret through a flow
/// mapping written over several lines, through a <c>with</c> whose action spans lines, and through a helper defined in
/// another file are all seen, and the values file's literal at that path is reported. Each case was missed by the
/// line-by-line reader.
/// </summary>
[TestClass]
public sealed class TemplateParseTreeTests
{
    private const string SecretHeader = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\n";

    // A value with no secret-like key and no token format: only its path being fed to a Secret makes it a finding.
    private const string Values = "db:\n  conn: Xk29fLq0Zp7Rt3Vw5Yb1NcQe\n";

    [TestMethod]
    public void ValuesInsideAFlowMappingOverSeveralLinesFeedTheSecret()
    {
        var result = ScanChart(("templates/secret.yaml", SecretHeader + "stringData: {\n  conn: {{ .Values.db.conn | quote }}\n}\n"));

        AssertFed(result, "charts/app/templates/secret.yaml", 6, 12, ".Values.db.conn");
    }

    [TestMethod]
    public void AWithWhoseActionSpansLinesFeedsTheSecret()
    {
        var template = SecretHeader + "{{- with\n      .Values.db }}\nstringData:\n  {{- toYaml . | nindent 2 }}\n{{- end }}\n";

        var result = ScanChart(("templates/secret.yaml", template));

        AssertFed(result, "charts/app/templates/secret.yaml", 8, 3, ".Values.db");
    }

    [TestMethod]
    public void AHelperDefinedInAnotherFileFeedsTheSecret()
    {
        var result = ScanChart(
            ("templates/_helpers.tpl", "{{- define \"app.conn\" -}}\n{{ .Values.db.conn | b64enc }}\n{{- end }}\n"),
            ("templates/secret.yaml", SecretHeader + "data:\n  conn: {{ include \"app.conn\" . }}\n"));

        AssertFed(result, "charts/app/templates/secret.yaml", 6, 9, ".Values.db.conn");
    }

    [TestMethod]
    public void AKindWrittenAroundACommentStillHasItsReadsFollowed()
    {
        // Reads are followed only in templates that may declare a Secret; a comment inside the kind line is blanked
        // when lines are read, so the test on the text must let it through.
        var result = ScanChart(
            ("templates/deployment.yaml", "kind: Deployment\nspec:\n  imagePullSecrets: []\n"),
            ("templates/secret.yaml", "apiVersion: v1\nkind: {{/* the kind */}}Secret\nmetadata:\n  name: app\nstringData:\n  conn: {{ .Values.db.conn }}\n"));

        AssertFed(result, "charts/app/templates/secret.yaml", 6, 12, ".Values.db.conn");
    }

    private static SecretScanResult ScanChart(params (string Path, string Text)[] templates)
    {
        using var temp = new TemporaryDirectory();
        var chart = temp.Combine("charts", "app");
        Directory.CreateDirectory(Path.Combine(chart, "templates"));
        File.WriteAllText(Path.Combine(chart, "Chart.yaml"), "apiVersion: v2\nname: app\nversion: 0.1.0\n");
        File.WriteAllText(Path.Combine(chart, "values.yaml"), Values);
        foreach (var (path, text) in templates)
        {
            File.WriteAllText(Path.Combine(chart, path), text);
        }

        return SecretScanner.Scan(temp.Path, new SecretScanOptions { BaselinePath = string.Empty });
    }

    private static void AssertFed(SecretScanResult result, string template, int line, int column, string described)
    {
        var all = string.Join("\n", result.AllDiagnostics);
        var fromValues = result.Findings.Select(f => f.Diagnostic).Where(d => SecretCodes.SecretTemplateFromValues.Is(d.Code)).ToList();
        Assert.HasCount(1, fromValues, all);
        StringAssert.EndsWith(fromValues[0].File!.Replace('\\', '/'), template, all);
        Assert.AreEqual((line, column), (fromValues[0].Line, fromValues[0].Column), all);
        StringAssert.Contains(fromValues[0].Message, described, all);

        var fed = result.Findings.Select(f => f.Diagnostic).Single(d => SecretCodes.ValueFeedsSecretTemplate.Is(d.Code));
        StringAssert.EndsWith(fed.File!.Replace('\\', '/'), "charts/app/values.yaml", all);
        Assert.AreEqual((2, 9), (fed.Line, fed.Column), all);
    }
}
