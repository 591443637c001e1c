using WellTrack.Core.Bump;
using WellTrack.Core.Secrets;
using WellTrack.Diagnostics;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Secrets;

[TestClass]
public sealed class SecretScannerTests
{
    [TestMethod]
    public void RedactionShowsAQuarterAtMostAndFingerprintsAreStable()
    {
        Assert.AreEqual("GOCS…[redacted]", SecretRedaction.Redact("GOCSPX-" + new string('a', 28)));
        Assert.AreEqual("hu…[redacted]", SecretRedaction.Redact("hunter22"));
        Assert.AreEqual("…[redacted]", SecretRedaction.Redact("abc"));
        var fingerprint = SecretRedaction.Fingerprint("WT5004", "charts/a/values.yaml", "hunter22");
        Assert.AreEqual(64, fingerprint.Length);
        Assert.AreEqual(fingerprint, SecretRedaction.Fingerprint("WT5004", "charts\\a\\values.yaml", "hunter22"));
        Assert.AreNotEqual(fingerprint, SecretRedaction.Fingerprint("WT5004", "charts/b/values.yaml", "hunter22"));
    }

    [TestMethod]
    public void FindingCarriesRuleKeyPathExcerptAndPosition()
    {
        var fakes = new FakeSecrets(1);
        var secret = fakes.Make("gocspx");
        var findings = SecretScanner.ScanText("values.yaml", $"google:\n  clientSecret: \"{secret}\"\n");

        var finding = findings.Single();
        Assert.AreEqual("WT5013", finding.Code);
        Assert.AreEqual("google-oauth-client-secret", finding.RuleId);
        Assert.AreEqual("google.clientSecret", finding.KeyPath);
        Assert.AreEqual("GOCS…[redacted]", finding.RedactedExcerpt);
        Assert.AreEqual((2, 18), (finding.Diagnostic.Line, finding.Diagnostic.Column));
        Assert.AreEqual(DiagnosticSeverity.Error, finding.Diagnostic.Severity);
        StringAssert.Contains(finding.Diagnostic.ToString(), "values.yaml(2,18): error WT5013: 'google.clientSecret' holds a Google OAuth client secret (GOCS…[redacted])");
        Assert.DoesNotContain(secret, finding.Diagnostic.ToString());
    }

    [TestMethod]
    public void JwtRolesDecideTheCodeAndSeverity()
    {
        var fakes = new FakeSecrets(2);
        var findings = SecretScanner.ScanText("values.yaml", $"a: {fakes.Make("jwt-service-role")}\nb: {fakes.Make("jwt-anon")}\nc: {fakes.Make("jwt")}\n");

        CollectionAssert.AreEqual(new[] { "WT5011", "WT5012", "WT5010" }, findings.Select(f => f.Code).ToArray());
        CollectionAssert.AreEqual(new[] { DiagnosticSeverity.Error, DiagnosticSeverity.Note, DiagnosticSeverity.Error }, findings.Select(f => f.Diagnostic.Severity).ToArray());
    }

    [TestMethod]
    public void PlaceholdersAreFindingsWhenConfiguredSo()
    {
        const string text = "db:\n  password: changeme\n";
        Assert.AreEqual(0, SecretScanner.ScanText("values.yaml", text).Count);
        Assert.AreEqual("WT5004", SecretScanner.ScanText("values.yaml", text, allowPlaceholders: false).Single().Code);
    }

    [TestMethod]
    public void SuppressionNeedsAReason()
    {
        using var temp = new TemporaryDirectory();
        File.WriteAllText(temp.Combine("values.yaml"), "a:\n  password: Xk29fLq0Zp7Rt3 # welltrack:allow-secret\n  # welltrack:allow-secret local kind cluster only\n  token: Zp7Rt3Vw5Yb1NcQe\n");

        var result = SecretScanner.Scan(temp.Path, new SecretScanOptions { BaselinePath = string.Empty });

        // The warning points at column 1 of the marked line, before the finding on the same line.
        Assert.AreEqual("WT5040@2:1 WT5004@2:13", string.Join(' ', result.AllDiagnostics.Select(d => $"{d.Code}@{d.Line}:{d.Column}")));
        Assert.AreEqual(1, result.Suppressed);
        Assert.AreEqual(DiagnosticSeverity.Warning, result.AllDiagnostics[0].Severity);
    }

    [TestMethod]
    public void BaselineAcceptsExistingSecretsAndOnlyNewOnesFail()
    {
        using var temp = new TemporaryDirectory();
        var fakes = new FakeSecrets(3);
        var values = temp.Combine("values.yaml");
        File.WriteAllText(values, $"old:\n  token: {fakes.Make("ghp")}\n");
        var first = SecretScanner.Scan(temp.Path, new SecretScanOptions { BaselinePath = string.Empty });
        var baselinePath = temp.Combine(SecretBaseline.DefaultFileName);
        SecretBaseline.Write(baselinePath, first.Findings);
        var baselineText = File.ReadAllText(baselinePath);
        Assert.DoesNotContain(fakes.Generated[0], baselineText);
        StringAssert.Contains(baselineText, first.Findings[0].Fingerprint);

        // The old secret moves down a line (fingerprints do not use lines) and a new one appears.
        File.WriteAllText(values, $"# moved\nold:\n  token: {fakes.Generated[0]}\nnew:\n  token: {fakes.Make("ghp")}\n");
        var second = SecretScanner.Scan(temp.Path);

        Assert.AreEqual(1, second.Baselined);
        Assert.AreEqual("new.token", second.Findings.Single().KeyPath);
        Assert.AreEqual(0, SecretScanner.Scan(temp.Path, new SecretScanOptions { BaselinePath = string.Empty }).Baselined);
    }

    [TestMethod]
    public void UnreadableBaselineAndMissingDirectoryAreCodedErrors()
    {
        using var temp = new TemporaryDirectory();
        File.WriteAllText(temp.Combine("bad.json"), "[1, 2]");

        var baseline = Assert.Throws<DiagnosticException>(() => SecretScanner.Scan(temp.Path, new SecretScanOptions { BaselinePath = temp.Combine("bad.json") }));
        var missing = Assert.Throws<DiagnosticException>(() => SecretScanner.Scan(temp.Combine("nope")));

        Assert.AreEqual("WT5041", baseline.Diagnostic.Code);
        Assert.AreEqual("WT5042", missing.Diagnostic.Code);
    }

    [TestMethod]
    public void TheWellTrackChartsHaveNoFindings()
    {
        var charts = Path.Combine(Path.GetDirectoryName(SecretCorpus.Directory)!, "..", "..", "..", "charts");
        Assert.IsTrue(Directory.Exists(charts), charts);

        var result = SecretScanner.Scan(charts, new SecretScanOptions { BaselinePath = string.Empty });

        Assert.IsGreaterThan(20, result.FilesScanned);
        Assert.AreEqual(0, result.AllDiagnostics.Count, string.Join("\n", result.AllDiagnostics));
    }

    [TestMethod]
    public void BumpCheckScansTheChangedChartOnly()
    {
        using var temp = new TemporaryDirectory();
        var fakes = new FakeSecrets(4);
        foreach (var chart in new[] { "web", "api" })
        {
            Directory.CreateDirectory(temp.Combine("charts", chart, "templates"));
            File.WriteAllText(temp.Combine("charts", chart, "Chart.yaml"), $"apiVersion: v2\nname: {chart}\nversion: 0.1.0\n");
            File.WriteAllText(temp.Combine("charts", chart, "values.yaml"), $"image:\n  tag: 1a2b3c4\nconfig:\n  RESEND_API_KEY: {fakes.Make("resend")}\n");
        }

        var change = new BumpFileChange("web", "charts/web/values.yaml", [], [], []);
        var diagnostics = new SecretsBumpCheck().Check(temp.Path, [change]);

        var diagnostic = diagnostics.Single();
        Assert.AreEqual("WT5022", diagnostic.Code);
        Assert.AreEqual("charts/web/values.yaml", diagnostic.File);
        Assert.AreEqual(4, diagnostic.Line);
        Assert.IsTrue(diagnostic.IsError);
    }

    [TestMethod]
    public void EveryRuleExplainsTheExternalSecretFix()
    {
        foreach (var rule in SecretRuleCatalog.All)
        {
            StringAssert.Contains(rule.HelpText, "kind: ExternalSecret", rule.Code.Id);
        }

        CollectionAssert.AllItemsAreUnique(SecretRuleCatalog.All.Select(r => r.Id).ToList());
    }

    [TestMethod]
    [DataRow("key: \"unclosed\n  password: x")]
    [DataRow("a:\n\tb: c\n")]
    [DataRow("secret: |\n")]
    [DataRow("---\n---\n")]
    [DataRow("{{ .Values.x\nkind: Secret\ndata:\n  a: |\n")]
    [DataRow("kind: Secret\nstringData:\n  k: |\n\n\n")]
    [DataRow("[1, 2, {a: *missing}]")]
    [DataRow("\"\\u0000\": ghp_")]
    [DataRow("a: &x {password: y}\nb: *x\n<<: *x\n")]
    public void BrokenInputNeverThrows(string text)
    {
        foreach (var path in new[] { "values.yaml", "charts/c/templates/secret.yaml", "x.json" })
        {
            _ = SecretScanner.ScanText(path, text);
        }
    }

    [TestMethod]
    public void CrLfFilesKeepColumns()
    {
        var fakes = new FakeSecrets(5);
        var findings = SecretScanner.ScanText("values.yaml", $"a: 1\r\nb:\r\n  token: {fakes.Make("npm")}\r\n");

        Assert.AreEqual((3, 10), (findings.Single().Diagnostic.Line, findings.Single().Diagnostic.Column));
    }

    [TestMethod]
    public void DeepNestingFallsBackToLineReading()
    {
        var fakes = new FakeSecrets(6);
        var text = string.Concat(Enumerable.Repeat("[", 300)) + "\n" + $"token: {fakes.Make("ghp")}\n";

        Assert.AreEqual("WT5017", SecretScanner.ScanText("deep.yaml", text).Single().Code);
    }
}
