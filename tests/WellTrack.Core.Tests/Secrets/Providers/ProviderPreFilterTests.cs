using WellTrack.Core.Secrets.Providers;

namespace WellTrack.Core.Tests.Secrets.Providers;

/// <summary>
/// The provider rule's pre-filter runs on every line of every file: it must be selective (short hints such as "pat",
/// "2/", "sk-", "api-" inside ordinary words do not wake it) and never hide a token.
/// </summary>
[TestClass]
public sealed class ProviderPreFilterTests
{
    [TestMethod]
    public void NoFormatFindsATokenShorterThanTheRunThePreFilterRequires()
    {
        var maker = new FakeProviderToken(new Random(4242));
        var found = 0;
        foreach (var shape in ProviderShapes.All)
        {
            var text = $"{shape.Key}: {shape.Make(maker)}";
            foreach (var match in ProviderTokenRule.Default.Find(text, shape.Key))
            {
                Assert.IsGreaterThanOrEqualTo(ProviderTokenRule.MinimumTokenLength, match.Length, $"{shape.Id}: {match.Length} characters");
                found++;
            }
        }

        Assert.IsGreaterThanOrEqualTo(ProviderShapes.All.Count, found, "every shape's token is found");
    }

    [TestMethod]
    [DataRow("        path: /healthz")]
    [DataRow("  - name: api-server")]
    [DataRow("    mountPath: /var/lib/disk-cache/sk-data")]
    [DataRow("  image: \"{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}\"")]
    [DataRow("    schedule: \"*/2 * * * *\"  # every 2/3 minutes for the -us region")]
    [DataRow("{{- $fullName := include \"chart.fullname\" . -}} sdk-version: 2")]
    public void OrdinaryLinesDoNotWakeTheRule(string line)
        => Assert.IsFalse(ProviderTokenRule.Default.MayMatch(line, "spec.template"), line);

    [TestMethod]
    public void AShortRunWithAHintDoesNotHideATokenLaterOnTheLine()
    {
        var token = new FakeProviderToken(new Random(29)).Make("glpat-{u:20}");
        var line = $"path: /x glpat- api- {token}";
        Assert.IsTrue(ProviderTokenRule.Default.MayMatch(line, null));
        Assert.AreEqual(token, ProviderTokenRule.Default.Find(line, null).Single().Secret);
    }
}
