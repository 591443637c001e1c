using WellTrack.Core.Bump;
using WellTrack.Testing;
using static WellTrack.Core.Tests.Bump.BumpTestSupport;

namespace WellTrack.Core.Tests.Bump;

/// <summary>
/// Bad input of every kind, each run against a working copy with a remote: the expected code, and afterwards the
/// working copy (HEAD, index, files) and the remote are exactly as they were.
/// </summary>
[TestClass]
public sealed class BadInputCorpusTests
{
    private const string Backend = "charts/welltrack-backend/values.yaml";

    public static IEnumerable<object[]> Cases()
    {
        // Image tags and digests, including injection attempts.
        yield return Case("tag with newline", "WT1022", request: r => r with { Tag = "v1\nmalicious: true" });
        yield return Case("tag with colon space", "WT1022", request: r => r with { Tag = "v1: x" });
        yield return Case("tag with space", "WT1022", request: r => r with { Tag = "v 1" });
        yield return Case("tag starting with dot", "WT1022", request: r => r with { Tag = ".hidden" });
        yield return Case("tag starting with dash", "WT1022", request: r => r with { Tag = "-rf" });
        yield return Case("tag with shell substitution", "WT1022", request: r => r with { Tag = "$(id)" });
        yield return Case("tag with slash", "WT1022", request: r => r with { Tag = "a/b" });
        yield return Case("empty tag", "WT1020", request: r => r with { Tag = string.Empty });
        yield return Case("tag of 129 characters", "WT1021", request: r => r with { Tag = new string('a', 129) });
        yield return Case("uppercase digest", "WT1023", request: r => r with { Digest = "sha256:" + new string('A', 64) });
        yield return Case("short digest", "WT1023", request: r => r with { Digest = "sha256:abc" });
        yield return Case("md5 digest", "WT1023", request: r => r with { Digest = "md5:" + new string('a', 32) });
        yield return Case("digest with newline", "WT1023", request: r => r with { Digest = "sha256:" + new string('a', 64) + "\nx" });

        // Charts, values files, branches.
        yield return Case("chart path traversal", "WT1101", request: r => r with { Charts = ["../../etc"] });
        yield return Case("chart with separator", "WT1101", request: r => r with { Charts = ["charts/welltrack-backend"] });
        yield return Case("chart with semicolon", "WT1101", request: r => r with { Charts = ["a;rm -rf"] });
        yield return Case("chart like an option", "WT1101", request: r => r with { Charts = ["--upload-pack=x"] });
        yield return Case("missing chart", "WT1103", request: r => r with { Charts = ["welltrack-payments"] });
        yield return Case("values file traversal", "WT1102", request: r => r with { ValuesFiles = ["../../../README.md"] });
        yield return Case("absolute values file", "WT1102", request: r => r with { ValuesFiles = ["/etc/hostname"] });
        yield return Case("missing values file", "WT1104", request: r => r with { ValuesFiles = ["values-prod.yaml"] });
        yield return Case("branch like an option", "WT9003", request: r => r with { Branch = "--delete" });
        yield return Case("branch with newline", "WT9003", request: r => r with { Branch = "main\nx" });
        yield return Case("wrong branch", "WT2011", request: r => r with { Branch = "production" });
        yield return Case("zero attempts", "WT9004", request: r => r with { MaxAttempts = 0 });
        yield return Case("value path malformed", "WT1012", request: r => r with { ValuePaths = ["image..tag"] });

        // Values files the editor refuses.
        yield return Case("unparsable yaml", "WT1001", values: "image:\n  tag: [unclosed\n  repository: x\n");
        yield return Case("tab indentation", "WT1001", values: "image:\n\ttag: a\n");
        yield return Case("tag key missing", "WT1003", values: "image:\n  repository: r\n");
        yield return Case("image missing", "WT1003", values: "replicaCount: 1\n");
        yield return Case("tag is an alias", "WT1004", values: "base: &t 1a2b3c4\nimage:\n  tag: *t\n");
        yield return Case("tag carries an anchor", "WT1005", values: "image:\n  tag: &t 1a2b3c4\nother: *t\n");
        yield return Case("tag is a block scalar", "WT1006", values: "image:\n  tag: |\n    1a2b3c4\n");
        yield return Case("tag is a mapping", "WT1007", values: "image:\n  tag:\n    value: 1a2b3c4\n");
        yield return Case("image is a sequence", "WT1008", values: "image:\n  - tag: 1a2b3c4\n");
        yield return Case("duplicate image key", "WT1009", values: "image:\n  tag: a\nimage:\n  tag: b\n");
        yield return Case("two documents", "WT1010", values: "image:\n  tag: a\n---\nimage:\n  tag: b\n");
        yield return Case("tagged value", "WT1011", values: "image:\n  tag: !!str 1a2b3c4\n");
        yield return Case("image is a flow sequence", "WT1008", values: "image: [a, b]\n");
    }

    [TestMethod]
    [DynamicData(nameof(Cases), DynamicDataDisplayName = nameof(DisplayName))]
    public void IsRefusedWithItsCodeAndChangesNothing(string name, string code, Func<BumpRequest, BumpRequest> request, string? values)
    {
        using var fixture = values is null ? new GitOpsFixture() : new GitOpsFixture(new Dictionary<string, string> { [Backend] = values });
        var workingCopy = Path.Combine(fixture.Root, "wc");
        TestGit.Run(fixture.Root, "clone", "--quiet", fixture.BareRepository, workingCopy);
        var remoteHead = TestGit.Head(fixture.BareRepository);
        var localHead = TestGit.Head(workingCopy, "HEAD");
        var before = File.ReadAllBytes(Path.Combine(workingCopy, Backend));

        var result = RunBump(request(Request(fixture) with { Repository = workingCopy }));

        Assert.IsFalse(result.Succeeded, name);
        Assert.AreEqual(code, result.Diagnostics.First(d => d.IsError).Code, $"{name}: {Describe(result)}");
        Assert.AreEqual(remoteHead, TestGit.Head(fixture.BareRepository), $"{name}: remote unchanged");
        Assert.AreEqual(localHead, TestGit.Head(workingCopy, "HEAD"), $"{name}: local HEAD unchanged");
        Assert.AreEqual(string.Empty, TestGit.Run(workingCopy, "status", "--porcelain"), $"{name}: working copy clean");
        CollectionAssert.AreEqual(before, File.ReadAllBytes(Path.Combine(workingCopy, Backend)), $"{name}: values unchanged");
    }

    public static string DisplayName(System.Reflection.MethodInfo method, object[] data) => (string)data[0];

    private static object[] Case(string name, string code, Func<BumpRequest, BumpRequest>? request = null, string? values = null)
        => [name, code, request ?? (r => r), values!];
}
