using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using WellTrack.Core.Secrets;
using WellTrack.Core.Secrets.Providers;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Tests.Secrets.Providers;

/// <summary>
/// docs/secret-rules.md is generated from the catalogue: this test fails when they differ. Regenerate with
/// <c>WELLTRACK_REGENERATE_DOCS=1</c> set while running it.
/// </summary>
[TestClass]
public sealed class SecretRulesDocTests
{
    private const string RegenerateVariable = "WELLTRACK_REGENERATE_DOCS";

    [TestMethod]
    public void SecretRulesDocumentMatchesTheCatalogue()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "secret-rules.md");
        var expected = Generate();
        if (Environment.GetEnvironmentVariable(RegenerateVariable) is "1")
        {
            File.WriteAllText(path, expected);
        }

        var actual = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : string.Empty;
        Assert.AreEqual(expected, actual, $"docs/secret-rules.md is out of date with the catalogue: run this test with {RegenerateVariable}=1 and commit the result.");
    }

    private static string Generate()
    {
        var doc = new StringBuilder();
        doc.Append("""
            # Secret rules

            Generated from `SecretRuleCatalog` and `ProviderCatalog` (sdk/core/WellTrack.Core/Secrets/) by
            `SecretRulesDocTests`; do not edit by hand (run that test with `WELLTRACK_REGENERATE_DOCS=1`).

            Every token format the secrets scan knows. The dedicated rules report their own code; every provider format
            reports **WT5028** with the format's id as the rule (the finding's `rule` in JSON, the SARIF rule). Formats
            without a distinctive prefix count only when the provider's name is on the same line or in the key path
            (the "needs" column). Whatever the format: revoke or rotate the token where it was issued (it stays in git
            history), store the new one in Vault and reference it with an ExternalSecret.

            ## Dedicated rules (WT5010-WT5027)

            | Code | Rule | What | Severity | What to do |
            |------|------|------|----------|------------|

            """.ReplaceLineEndings("\n"));
        foreach (var rule in SecretRuleCatalog.All.Where(r => string.CompareOrdinal(r.Code.Id, "WT5010") >= 0 && string.CompareOrdinal(r.Code.Id, "WT5027") <= 0))
        {
            doc.Append(CultureInfo.InvariantCulture, $"| {rule.Code.Id} | `{rule.Id}` | {Cell(rule.Title)} | {Severity(rule.Severity)} | {Cell(rule.Fix)} |\n");
        }

        doc.Append(CultureInfo.InvariantCulture, $"\n## Provider formats (WT5028): {ProviderCatalog.All.Count}\n");
        foreach (var family in ProviderCatalog.All.GroupBy(f => f.Family))
        {
            doc.Append(CultureInfo.InvariantCulture, $"\n### {family.Key}\n\n| Rule | Provider | Format | Needs | Severity | What to do |\n|------|----------|--------|-------|----------|------------|\n");
            foreach (var format in family)
            {
                var needs = format.Keywords.Count == 0 ? "prefix" : "name nearby: " + string.Join(", ", format.Keywords.Select(k => $"`{k}`"));
                doc.Append(CultureInfo.InvariantCulture, $"| `{format.Id}` | {Cell(format.Provider)} | {Cell(format.Title)} | {needs} | {Severity(format.Severity)} | {Cell(format.Revoke)} |\n");
            }
        }

        return doc.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    private static string RepositoryRoot([CallerFilePath] string thisFile = "")
        => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "..", ".."));
}
