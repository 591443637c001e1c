using WellTrack.Core.Secrets;
using WellTrack.Diagnostics;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Secrets.Context;

/// <summary>Which files a scan reads, which it reports as skipped, and what ignore files and welltrack.yaml leave out.</summary>
[TestClass]
public sealed class FileSelectionTests
{
    private static readonly SecretScanOptions NoBaseline = new() { BaselinePath = string.Empty };

    private static string Password(int seed) => new ContextFakes(new Random(seed)).Password(24);

    private static void Write(TemporaryDirectory temp, string relative, string text)
    {
        var path = temp.Combine(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static void Write(TemporaryDirectory temp, string relative, byte[] bytes)
    {
        var path = temp.Combine(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    private static HashSet<string> FlaggedFiles(SecretScanResult result)
        => result.Findings.Where(f => f.Diagnostic.Severity != DiagnosticSeverity.Note).Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);

    [TestMethod]
    public void EveryTextFileIsReadWhateverItsExtension()
    {
        using var temp = new TemporaryDirectory("welltrack-secrets-files-");
        Write(temp, "files/app.env", $"DB_PASSWORD={Password(1)}\n");
        Write(temp, "files/settings.ini", $"[db]\npassword = {Password(2)}\n");
        Write(temp, "files/notes.txt", $"password: {Password(3)}\n");
        Write(temp, "files/Dockerfile.args", $"API_TOKEN={Password(4)}\nOTHER=1\n");
        var result = SecretScanner.Scan(temp.Path, NoBaseline);
        CollectionAssert.AreEquivalent(new[] { "files/app.env", "files/settings.ini", "files/notes.txt", "files/Dockerfile.args" }, FlaggedFiles(result).ToArray());
    }

    [TestMethod]
    public void ABinaryKeyStoreIsACommittedPrivateKeyWithNoExcerpt()
    {
        using var temp = new TemporaryDirectory("welltrack-secrets-files-");
        Write(temp, "files/server-identity", [.. ContentSnifferTests.Pkcs12Header(), .. new byte[64]]);
        Write(temp, "files/legacy.bin", [0xFE, 0xED, 0xFE, 0xED, 0, 0, 0, 2, 0, 0, 0, 1]);
        var result = SecretScanner.Scan(temp.Path, NoBaseline);
        var stores = result.Findings.Where(f => f.Code == "WT5030").OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList();
        Assert.HasCount(2, stores);
        Assert.AreEqual(DiagnosticSeverity.Error, stores[0].Diagnostic.Severity);
        StringAssert.Contains(stores[0].Diagnostic.Message, "JKS key store");
        StringAssert.Contains(stores[1].Diagnostic.Message, "PKCS#12 key store");
        Assert.AreEqual(string.Empty, stores[1].RedactedExcerpt);
        Assert.AreEqual(64, stores[1].Fingerprint.Length);
    }

    [TestMethod]
    public void SkippedFilesAreReportedAsNotesEachWithItsCode()
    {
        using var temp = new TemporaryDirectory("welltrack-secrets-files-");
        Write(temp, "big.yaml", "a: " + new string('x', 2000) + "\n");
        Write(temp, "blob.dat", [0x01, 0x00, 0x02, 0x00, 0x03]);
        Write(temp, "charts/redis-1.0.0.tgz", [0x1F, 0x8B, 0x08, 0x00, 0x00]);
        Write(temp, "logo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00]);
        var result = SecretScanner.Scan(temp.Path, NoBaseline with { MaxFileBytes = 1000 });
        var notes = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Note).ToDictionary(d => Path.GetFileName(d.File!), d => d.Code, StringComparer.Ordinal);
        Assert.AreEqual("WT5045", notes["big.yaml"]);
        Assert.AreEqual("WT5046", notes["blob.dat"]);
        Assert.AreEqual("WT5047", notes["redis-1.0.0.tgz"]);
        Assert.IsFalse(notes.ContainsKey("logo.png"), "an image is a known kind: nothing to report");
        Assert.IsEmpty(result.Findings);
    }

    [TestMethod]
    public void GitIgnoredFilesAreSkippedUnlessAsked()
    {
        using var temp = new TemporaryDirectory("welltrack-secrets-files-");
        Write(temp, ".gitignore", "*.local\n/tmp/\n");
        Write(temp, "charts/api/.gitignore", "!keep.local\n");
        Write(temp, "app.local", $"DB_PASSWORD={Password(5)}\n");
        Write(temp, "tmp/.env", $"DB_PASSWORD={Password(6)}\n");
        Write(temp, "charts/api/keep.local", $"DB_PASSWORD={Password(7)}\n");
        Write(temp, "charts/api/.env", $"DB_PASSWORD={Password(8)}\n");

        CollectionAssert.AreEquivalent(new[] { "charts/api/keep.local", "charts/api/.env" }, FlaggedFiles(SecretScanner.Scan(temp.Path, NoBaseline)).ToArray());
        Assert.HasCount(4, FlaggedFiles(SecretScanner.Scan(temp.Path, NoBaseline with { GitIgnore = false })));
    }

    [TestMethod]
    public void HelmIgnoreIsRespectedWhenAsked()
    {
        using var temp = new TemporaryDirectory("welltrack-secrets-files-");
        Write(temp, "charts/api/Chart.yaml", "apiVersion: v2\nname: api\nversion: 1.0.0\n");
        Write(temp, "charts/api/.helmignore", "*.env\n");
        Write(temp, "charts/api/files/dev.env", $"DB_PASSWORD={Password(9)}\n");
        Assert.HasCount(1, FlaggedFiles(SecretScanner.Scan(temp.Path, NoBaseline)));
        Assert.IsEmpty(FlaggedFiles(SecretScanner.Scan(temp.Path, NoBaseline with { HelmIgnore = true })));
    }

    [TestMethod]
    public void WelltrackYamlExcludesGlobsAndSettings()
    {
        using var temp = new TemporaryDirectory("welltrack-secrets-files-");
        Write(temp, "welltrack.yaml", "validation:\n  strict: true\nsecrets:\n  exclude: [\"docs/**\", \"**/*.sample\"]\n  gitignore: false\n");
        Write(temp, ".gitignore", "*.local\n");
        Write(temp, "docs/guide.env", $"DB_PASSWORD={Password(10)}\n");
        Write(temp, "conf/app.env.sample", $"DB_PASSWORD={Password(11)}\n");
        Write(temp, "conf/app.local", $"DB_PASSWORD={Password(12)}\n");
        var result = SecretScanner.Scan(temp.Path, NoBaseline with { ExcludePatterns = ["conf/none"] });
        CollectionAssert.AreEquivalent(new[] { "conf/app.local" }, FlaggedFiles(result).ToArray());
        Assert.IsFalse(result.Diagnostics.Any(d => d.Code == "WT5048"));
    }

    [TestMethod]
    public void AMalformedSecretsSectionIsReported()
    {
        using var temp = new TemporaryDirectory("welltrack-secrets-files-");
        Write(temp, "welltrack.yaml", "secrets:\n  exclude: docs/\n");
        var problem = SecretScanner.Scan(temp.Path, NoBaseline).Diagnostics.Single(d => d.Code == "WT5048");
        Assert.AreEqual(DiagnosticSeverity.Error, problem.Severity);
        Assert.AreEqual(2, problem.Line);
    }
}
