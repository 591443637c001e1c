using WellTrack.Core.Secrets;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Secrets.Providers;

/// <summary>
/// Each format is found in each setting under its own rule id with WT5028 (not merely flagged by some other rule, as
/// the breadth corpus counts), at the line the token is on, and never printed.
/// </summary>
[TestClass]
public sealed class ProviderFindingTests
{
    [TestMethod]
    public void EveryFormatIsReportedUnderItsOwnRuleInEverySetting()
    {
        var maker = new FakeProviderToken(new Random(2816));
        var failures = new List<string>();
        foreach (var shape in ProviderShapes.All)
        {
            var token = shape.Make(maker);
            foreach (var labelled in ProviderCaseSource.MustFlag(shape, token))
            {
                var findings = SecretScanner.ScanText(labelled.FileName, labelled.Text);
                var own = findings.FirstOrDefault(f => f.RuleId == shape.Id);
                if (own is null)
                {
                    failures.Add($"{shape.Id} in {labelled.FileName}: {string.Join(", ", findings.Select(f => $"{f.RuleId}@{f.Diagnostic.Line}"))}");
                    continue;
                }

                Assert.AreEqual("WT5028", own.Code, shape.Id);
                Assert.AreEqual(labelled.Line, own.Diagnostic.Line, $"{shape.Id} in {labelled.FileName}");
                Assert.DoesNotContain(token, own.Diagnostic.Message, shape.Id);
                Assert.DoesNotContain(token[..Math.Min(token.Length, 12)], own.RedactedExcerpt, shape.Id);
            }
        }

        Assert.IsEmpty(failures, string.Join('\n', failures));
    }

    [TestMethod]
    public void NoLookAlikeIsReported()
    {
        var reported = new List<string>();
        foreach (var labelled in new ProviderCaseSource().Cases(new Random(150)).Where(c => !c.MustFlag))
        {
            var findings = SecretScanner.ScanText(labelled.FileName, labelled.Text)
                .Where(f => f.Diagnostic.Severity is WellTrack.Diagnostics.DiagnosticSeverity.Error or WellTrack.Diagnostics.DiagnosticSeverity.Warning)
                .ToList();
            if (findings.Count > 0)
            {
                reported.Add($"{labelled.Family}/{labelled.Format}: {string.Join(", ", findings.Select(f => f.RuleId))}");
            }
        }

        Assert.IsEmpty(reported, string.Join('\n', reported));
    }

    [TestMethod]
    public void TheMessageNamesTheProviderTheFormatAndWhereToRevokeIt()
    {
        var token = new FakeProviderToken(new Random(5028)).Make("glpat-{u:20}");
        var finding = SecretScanner.ScanText("values.yaml", $"ci:\n  token: {token}\n").Single();
        Assert.AreEqual("gitlab-personal-access-token", finding.RuleId);
        StringAssert.Contains(finding.Diagnostic.Message, "GitLab personal access token [gitlab-personal-access-token]");
        StringAssert.Contains(finding.Diagnostic.Message, "User settings > Access tokens");
        StringAssert.Contains(finding.Diagnostic.Message, "glpa" + SecretRedaction.Marker);
        Assert.DoesNotContain(token, finding.Diagnostic.Message);
    }

    [TestMethod]
    public void TestModeKeysAreWarningsAndLiveOnesErrors()
    {
        var maker = new FakeProviderToken(new Random(7));
        var test = SecretScanner.ScanText("values.yaml", $"stripe:\n  key: sk_test_{maker.Make("{a:32}")}\n").Single();
        var webhook = SecretScanner.ScanText("values.yaml", $"stripe:\n  signing: whsec_{maker.Make("{a:32}")}\n").Single();
        Assert.AreEqual(WellTrack.Diagnostics.DiagnosticSeverity.Warning, test.Diagnostic.Severity);
        Assert.AreEqual(WellTrack.Diagnostics.DiagnosticSeverity.Error, webhook.Diagnostic.Severity);
    }

    [TestMethod]
    [DataRow("datadog:\n  apiKey: {0}\n", true)]
    [DataRow("build:\n  checksum: {0}\n", false)]
    [DataRow("env:\n  - DD_API_KEY={0}\n", true)]
    [DataRow("# datadog\nbuild:\n  checksum: {0}\n", false)]
    public void AKeyOfThirtyTwoHexCountsOnlyNearItsProvidersName(string template, bool found)
    {
        var hex = new FakeProviderToken(new Random(32)).Make("{h:32}");
        var findings = SecretScanner.ScanText("values.yaml", string.Format(System.Globalization.CultureInfo.InvariantCulture, template, hex));
        Assert.AreEqual(found, findings.Any(f => f.RuleId == "datadog-api-key"), template);
    }

    [TestMethod]
    public void SarifAndJsonNameTheFormatsRuleAndNeverTheToken()
    {
        var maker = new FakeProviderToken(new Random(2028));
        var gitlab = maker.Make("glpat-{u:20}");
        var vault = maker.Make("hvs.{u:90}");
        using var temp = new TemporaryDirectory("welltrack-provider-sarif-");
        File.WriteAllText(temp.Combine("values.yaml"), $"ci:\n  token: {gitlab}\nvault:\n  token: {vault}\n");
        var result = SecretScanner.Scan(temp.Path, new SecretScanOptions { BaselinePath = string.Empty });

        using var sarif = new StringWriter();
        SecretSarif.Write(sarif, result, temp.Path);
        using var json = new StringWriter();
        SecretSarif.WriteJson(json, result);
        foreach (var output in new[] { sarif.ToString(), json.ToString() })
        {
            Assert.DoesNotContain(gitlab, output);
            Assert.DoesNotContain(vault, output);
        }

        StringAssert.Contains(sarif.ToString(), "\"ruleId\": \"gitlab-personal-access-token\"");
        StringAssert.Contains(sarif.ToString(), "\"ruleId\": \"vault-service-token\"");
        StringAssert.Contains(sarif.ToString(), "\"id\": \"vault-service-token\"");
        StringAssert.Contains(json.ToString(), "\"vault-service-token\"");
    }
}
