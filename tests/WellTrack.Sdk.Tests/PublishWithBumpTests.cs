using System.Text;
using System.Text.Json;
using WellTrack.Core.Yaml;
using WellTrack.Testing;

namespace WellTrack.Sdk.Tests;

/// <summary>
/// The whole job: dotnet publish -p:GitOpsBump=true of a service on the packed SDK builds the image with the .NET
/// SDK's container support, pushes it to a real registry (Debian's docker-registry on 127.0.0.1), and the bare GitOps
/// remote gets exactly one commit whose diff is the tag (and digest) lines.
/// </summary>
[TestClass]
public sealed class PublishWithBumpTests
{
    private const string Values = "charts/welltrack-backend/values.yaml";

    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public async Task PublishPushesTheImageAndBumpsExactlyTheTagAndDigestLines()
    {
        using var storage = new TemporaryDirectory("welltrack-registry-");
        await using var registry = await OciRegistry.StartAsync(storage.Path);
        await registry.PushBaseImageAsync(PackedSdk.RepositoryRoot);
        using var gitops = new GitOpsFixture();
        using var service = new ServiceProject(extraProperties: "<GitOpsChart>welltrack-backend</GitOpsChart>");
        var commitsBefore = gitops.Commits().Count;
        var valuesBefore = gitops.Show(Values);
        var resultFile = Path.Combine(service.Directory, "result.json");

        var environment = new Dictionary<string, string?>(registry.InsecureRegistryEnvironment)
        {
            ["WELLTRACK_CACHE"] = Path.Combine(service.Directory, "..", "cache"),
        };
        var publish = await DotnetCli.RunAsync(service.Directory,
            ["publish", "-c", "Release", "-nologo", "-p:GitOpsBump=true",
             $"-p:ContainerRegistry={registry.Address}", $"-p:ContainerBaseImage={registry.BaseImage}",
             $"-p:GitOpsRepository={gitops.BareRepository}",
             $"-getResultOutputFile:{resultFile}", "-getProperty:GitOpsImageTag", "-getProperty:GitOpsImageDigest", "-getProperty:GitOpsCommitId"],
            environment);

        Assert.AreEqual(0, publish.ExitCode, publish.Output + publish.Error);
        using var result = JsonDocument.Parse(File.ReadAllText(resultFile));
        var properties = result.RootElement.GetProperty("Properties");
        var tag = properties.GetProperty("GitOpsImageTag").GetString();
        var digest = properties.GetProperty("GitOpsImageDigest").GetString();
        Assert.AreEqual(service.ShortCommit, tag, "the image is tagged with the service's short commit id");
        StringAssert.StartsWith(digest, "sha256:");

        Assert.AreEqual(digest, await registry.GetManifestDigestAsync("welltrack-backend", tag!), "the registry serves that tag with the digest MSBuild reported");
        Assert.AreEqual(digest, await registry.GetManifestDigestAsync("welltrack-backend", "latest"));

        Assert.AreEqual(commitsBefore + 1, gitops.Commits().Count, "exactly one new commit");
        Assert.AreEqual(properties.GetProperty("GitOpsCommitId").GetString(), TestGit.Head(gitops.BareRepository));
        // The tag is written quoted when plain YAML would read it as something else (1234567, 12e4567).
        var after = gitops.Show(Values);
        Assert.AreEqual(tag, YamlScalarEditor.Find(Values, Encoding.UTF8.GetBytes(after), "image.tag", out _)?.Value);
        Assert.AreEqual(digest, YamlScalarEditor.Find(Values, Encoding.UTF8.GetBytes(after), "image.digest", out _)?.Value);
        var unchanged = (string text) => string.Join('\n', text.Split('\n').Where(line => !line.StartsWith("  tag:", StringComparison.Ordinal) && !line.StartsWith("  digest:", StringComparison.Ordinal)));
        Assert.AreEqual(unchanged(valuesBefore), unchanged(after), "only the tag and digest lines changed");
        var diffLines = TestGit.Run(gitops.BareRepository, "diff", "--unified=0", "main~1", "main")
            .Split('\n').Where(line => line.StartsWith('+') || line.StartsWith('-')).Where(line => !line.StartsWith("+++", StringComparison.Ordinal) && !line.StartsWith("---", StringComparison.Ordinal)).ToList();
        Assert.AreEqual(4, diffLines.Count, string.Join("\n", diffLines));
    }
}
