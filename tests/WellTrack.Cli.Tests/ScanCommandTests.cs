using System.Text.Json;
using WellTrack.Testing;

namespace WellTrack.Cli.Tests;

[TestClass]
public sealed class ScanCommandTests
{
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static readonly Random Random = new(6);

    [TestMethod]
    public void CleanDirectoryExitsZero()
    {
        using var temp = new TemporaryDirectory();
        File.WriteAllText(temp.Combine("values.yaml"), "ingress:\n  tls:\n    - secretName: api-tls\nauth:\n  existingSecret: db-credentials\n");

        var (code, output, error) = CliRunner.Run(temp.Path, "scan", ".");

        Assert.AreEqual(0, code, error);
        Assert.AreEqual(string.Empty, output);
        StringAssert.Contains(error, "1 file(s) scanned, 0 error(s)");
    }

    [TestMethod]
    public void FindingsExitOneInCanonicalFormWithoutTheSecret()
    {
        using var temp = new TemporaryDirectory();
        var token = GitHubStyle("ghp_");
        File.WriteAllText(temp.Combine("values.yaml"), $"git:\n  token: {token}\n");

        var (code, output, error) = CliRunner.Run(temp.Path, "scan", ".");

        Assert.AreEqual(1, code);
        Assert.AreEqual("values.yaml(2,10): error WT5017: 'git.token' holds a GitHub token (ghp_…[redacted]). Revoke it on GitHub, store a new one in Vault and reference it with an ExternalSecret.\n", output);
        Assert.DoesNotContain(token, output + error);
    }

    [TestMethod]
    public void EveryFormatAndTheOutputFileKeepTheSecretOut()
    {
        using var temp = new TemporaryDirectory();
        var repo = temp.CreateDirectory("repo");
        var secrets = new[] { "GOCSPX-" + Token(string.Empty, 28), Token("sk_live_", 24), Token("xoxb-123456789012-", 24) };
        File.WriteAllText(Path.Combine(repo, "values.yaml"), $"a:\n  clientSecret: {secrets[0]}\n  stripe: {secrets[1]}\n  slack: {secrets[2]}\n  password: {Token(string.Empty, 18)}\n");

        foreach (var format in new[] { "text", "json", "sarif" })
        {
            var (code, output, error) = CliRunner.Run(temp.Path, "scan", "repo", "--format", format);
            Assert.AreEqual(1, code, format);
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, output + error, format);
            }

            if (format != "text")
            {
                using var document = JsonDocument.Parse(output);
            }
        }

        var (fileCode, fileOutput, _) = CliRunner.Run(temp.Path, "scan", "repo", "--format", "sarif", "--output", "scan.sarif");
        Assert.AreEqual(1, fileCode);
        Assert.AreEqual(string.Empty, fileOutput);
        var sarif = File.ReadAllText(temp.Combine("scan.sarif"));
        using var sarifDocument = JsonDocument.Parse(sarif);
        Assert.AreEqual(4, sarifDocument.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
        Assert.AreEqual("values.yaml", sarifDocument.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0]
            .GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, sarif);
        }
    }

    [TestMethod]
    public void UpdateBaselineAdoptsTheRepositoryAndOnlyNewSecretsFail()
    {
        using var temp = new TemporaryDirectory();
        File.WriteAllText(temp.Combine("values.yaml"), $"legacy:\n  apiKey: {Token(string.Empty, 32)}\n");

        var (update, _, updateError) = CliRunner.Run(temp.Path, "scan", ".", "--update-baseline");
        Assert.AreEqual(0, update, updateError);
        StringAssert.Contains(updateError, "wrote 1 fingerprint(s)");
        Assert.IsTrue(File.Exists(temp.Combine(".welltrack-secrets-baseline.json")));
        Assert.AreEqual(0, CliRunner.Run(temp.Path, "scan", ".").ExitCode);

        File.AppendAllText(temp.Combine("values.yaml"), $"fresh:\n  apiKey: {Token(string.Empty, 32)}\n");
        var (code, output, error) = CliRunner.Run(temp.Path, "scan", ".");
        Assert.AreEqual(1, code);
        StringAssert.Contains(output, "'fresh.apiKey'");
        Assert.DoesNotContain("legacy", output);
        StringAssert.Contains(error, "1 in the baseline");
    }

    [TestMethod]
    public void ExplicitBaselineIsReadAndWritten()
    {
        using var temp = new TemporaryDirectory();
        var repo = temp.CreateDirectory("repo");
        File.WriteAllText(Path.Combine(repo, "values.yaml"), $"x:\n  token: {GitHubStyle("npm_")}\n");

        Assert.AreEqual(0, CliRunner.Run(temp.Path, "scan", "repo", "--update-baseline", "--baseline", "accepted.json").ExitCode);
        Assert.AreEqual(0, CliRunner.Run(temp.Path, "scan", "repo", "--baseline", "accepted.json").ExitCode);
        Assert.AreEqual(1, CliRunner.Run(temp.Path, "scan", "repo").ExitCode);
    }

    [TestMethod]
    [DataRow(new string[] { "scan" }, DisplayName = "no directory")]
    [DataRow(new[] { "scan", ".", "--format", "xml" }, DisplayName = "bad format")]
    [DataRow(new[] { "scan", ".", "--frobnicate" }, DisplayName = "unknown option")]
    [DataRow(new[] { "scan", "does-not-exist" }, DisplayName = "missing directory")]
    [DataRow(new[] { "scan", ".", "--baseline", "missing.json" }, DisplayName = "missing baseline")]
    public void UsageAndConfigurationErrorsExitTwo(string[] args)
    {
        using var temp = new TemporaryDirectory();

        var (code, _, error) = CliRunner.Run(temp.Path, args);

        Assert.AreEqual(2, code, error);
    }

    [TestMethod]
    public void HelpListsTheOptions()
    {
        var (code, output, _) = CliRunner.Run(Path.GetTempPath(), "scan", "--help");

        Assert.AreEqual(0, code);
        StringAssert.Contains(output, "--update-baseline");
        StringAssert.Contains(CliRunner.Run(Path.GetTempPath(), "--help").Output, "scan ");
    }

    private static string GitHubStyle(string prefix)
    {
        lock (Random)
        {
            return FakeCrc32Token.Make(prefix, Random);
        }
    }

    private static string Token(string prefix, int length)
    {
        lock (Random)
        {
            while (true)
            {
                var body = new string(Enumerable.Range(0, length).Select(_ => Alnum[Random.Next(Alnum.Length)]).ToArray());
                if (body.Any(char.IsUpper) && body.Any(char.IsLower) && body.Any(char.IsDigit))
                {
                    return prefix + body;
                }
            }
        }
    }
}
