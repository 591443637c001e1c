using System.Text.Json;
using WellTrack.Core.Secrets;
using WellTrack.Diagnostics;
using WellTrack.Diagnostics.Reporting;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Secrets;

/// <summary>Every output form of the scan, over the whole corpus: no fake secret ever appears in full.</summary>
[TestClass]
public sealed class SecretOutputTests
{
    [TestMethod]
    public void NoOutputFormCarriesAFullSecret()
    {
        using var temp = new TemporaryDirectory("welltrack-secrets-output-");
        var fakes = new FakeSecrets(42);
        foreach (var corpusCase in SecretCorpus.Cases)
        {
            SecretCorpus.Materialize(corpusCase, Path.Combine(temp.Path, corpusCase.Path.Replace('/', '_')), fakes);
        }

        var result = SecretScanner.Scan(temp.Path, new SecretScanOptions { BaselinePath = string.Empty });
        Assert.IsGreaterThan(100, result.Findings.Count);

        var text = string.Join("\n", result.AllDiagnostics.Select(d => d.ToString()));
        var json = new StringWriter();
        SecretSarif.WriteJson(json, result);
        var sarif = new StringWriter();
        SecretSarif.Write(sarif, result, temp.Path);
        var baseline = temp.Combine("baseline.json");
        SecretBaseline.Write(baseline, result.Findings);
        var fields = string.Join("\n", result.Findings.Select(f => $"{f.RuleId} {f.KeyPath} {f.RedactedExcerpt} {f.Fingerprint} {f.Diagnostic.Message}"));

        foreach (var (name, output) in new[] { ("text", text), ("json", json.ToString()), ("sarif", sarif.ToString()), ("baseline", File.ReadAllText(baseline)), ("fields", fields) })
        {
            var leaked = fakes.Generated.Where(secret => output.Contains(secret, StringComparison.Ordinal)).ToList();
            Assert.AreEqual(0, leaked.Count, $"{name} output carries {leaked.Count} full fake secret(s), for example one starting {leaked.FirstOrDefault()?[..6]}");
        }
    }

    [TestMethod]
    public void JsonHasTheDocumentedShape()
    {
        var writer = new StringWriter();
        DiagnosticJsonWriter.Write(writer, [new Diagnostic("WT5004", DiagnosticSeverity.Error, "msg \"quoted\"", "charts/a/values.yaml", 7, 8), new Diagnostic("WT5012", DiagnosticSeverity.Note, "note")]);

        using var document = JsonDocument.Parse(writer.ToString());
        var first = document.RootElement.GetProperty("diagnostics")[0];
        Assert.AreEqual("WT5004", first.GetProperty("code").GetString());
        Assert.AreEqual("error", first.GetProperty("severity").GetString());
        Assert.AreEqual("charts/a/values.yaml", first.GetProperty("file").GetString());
        Assert.AreEqual(7, first.GetProperty("line").GetInt32());
        Assert.AreEqual(8, first.GetProperty("column").GetInt32());
        Assert.AreEqual("msg \"quoted\"", first.GetProperty("message").GetString());
        var second = document.RootElement.GetProperty("diagnostics")[1];
        Assert.AreEqual("note", second.GetProperty("severity").GetString());
        Assert.AreEqual(JsonValueKind.Null, second.GetProperty("file").ValueKind);
    }

    [TestMethod]
    public void SarifIsVersion210WithRulesLocationsAndFingerprints()
    {
        using var temp = new TemporaryDirectory();
        Directory.CreateDirectory(temp.Combine("charts", "web"));
        var fakes = new FakeSecrets(7);
        File.WriteAllText(temp.Combine("charts", "web", "values.yaml"), $"env:\n  STRIPE_KEY: {fakes.Make("sk-live")}\n");
        var result = SecretScanner.Scan(temp.Path, new SecretScanOptions { BaselinePath = string.Empty });
        var writer = new StringWriter();
        SecretSarif.Write(writer, result, temp.Path);

        using var document = JsonDocument.Parse(writer.ToString());
        var root = document.RootElement;
        Assert.AreEqual("2.1.0", root.GetProperty("version").GetString());
        StringAssert.Contains(root.GetProperty("$schema").GetString()!, "sarif-2.1.0");
        var run = root.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        Assert.AreEqual(SecretRuleCatalog.All.Count + WellTrack.Core.Secrets.Providers.ProviderCatalog.All.Count, rules.GetArrayLength(), "one rule per code and one per provider format");
        var stripe = rules.EnumerateArray().Single(r => r.GetProperty("id").GetString() == "WT5020");
        Assert.AreEqual("stripe-live-key", stripe.GetProperty("name").GetString());
        StringAssert.Contains(stripe.GetProperty("help").GetProperty("text").GetString()!, "kind: ExternalSecret");
        Assert.AreEqual("8.0", stripe.GetProperty("properties").GetProperty("security-severity").GetString());

        var sarifResult = run.GetProperty("results")[0];
        Assert.AreEqual("WT5020", sarifResult.GetProperty("ruleId").GetString());
        Assert.AreEqual("error", sarifResult.GetProperty("level").GetString());
        Assert.AreEqual(stripe.GetProperty("id").GetString(), rules[sarifResult.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
        var location = sarifResult.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.AreEqual("charts/web/values.yaml", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.AreEqual("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.AreEqual(2, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.AreEqual(15, location.GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.AreEqual(result.Findings[0].Fingerprint, sarifResult.GetProperty("partialFingerprints").GetProperty(SecretSarif.FingerprintName).GetString());
    }
}
