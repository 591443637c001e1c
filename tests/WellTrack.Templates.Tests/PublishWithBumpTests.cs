using System.Text.Json;
using WellTrack.Testing;

namespace WellTrack.Templates.Tests;

/// <summary>
/// The pit of success end to end: a service from welltrack-service, a GitOps remote from welltrack-gitops holding the
/// service's generated chart, and `dotnet publish -c Release -p:GitOpsBump=true` of the generated project against a
/// real registry (Debian's docker-registry on 127.0.0.1) and the bare remote, with no edit to any generated file.
/// </summary>
[TestClass]
public sealed class PublishWithBumpTests
{
    private const string Values = "charts/payments-api/values.yaml";

    [TestMethod]
    [Timeout(900_000, CooperativeCancellation = true)]
    public async Task GeneratedServicePublishesItsImageAndBumpsItsGeneratedChart()
    {
        using var storage = new TemporaryDirectory("welltrack-registry-");
        await using var registry = await OciRegistry.StartAsync(storage.Path);
        await registry.PushBaseImageAsync(TemplatePackage.RepositoryRoot);
        using var remotes = new TemporaryDirectory("welltrack-remotes-");
        var bare = Path.Combine(remotes.Path, "gitops.git");

        using var service = await GeneratedTemplate.CreateAsync("welltrack-service", "Payments.Api",
            ["--registry", $"{registry.Address}/welltrack", "--gitops-repo", bare, "--port", "3005"]);
        using var gitops = await GeneratedTemplate.CreateAsync("welltrack-gitops", "GitOps", []);
        GitOpsTemplateTests.CopyDirectory(service.FullPath("charts/payments-api"), gitops.FullPath("charts/payments-api"));
        TestGit.Run(gitops.Directory, "init", "--quiet", "--initial-branch=main");
        TestGit.Run(gitops.Directory, "add", "--all");
        TestGit.Run(gitops.Directory, "commit", "--quiet", "-m", "GitOps repository with payments-api");
        TestGit.Run(remotes.Path, "clone", "--quiet", "--bare", gitops.Directory, bare);
        var valuesBefore = TestGit.Show(bare, "main", Values);

        TestGit.Run(service.Directory, "init", "--quiet", "--initial-branch=main");
        TestGit.Run(service.Directory, "add", "--all");
        TestGit.Run(service.Directory, "commit", "--quiet", "-m", "dotnet new welltrack-service -n Payments.Api");
        TestGit.Run(service.Directory, "remote", "add", "origin", "https://github.com/example/payments-api.git");
        var shortCommit = TestGit.Run(service.Directory, "rev-parse", "--short=7", "HEAD").Trim();

        var resultFile = Path.Combine(service.Root, "result.json");
        var publish = await service.DotnetAsync(
            ["publish", "src/Payments.Api/Payments.Api.csproj", "-c", "Release", "-nologo", "-p:GitOpsBump=true",
             // The one thing the test machine adds: the base image, from the local registry (no internet here).
             $"-p:ContainerBaseImage={registry.BaseImage}",
             $"-getResultOutputFile:{resultFile}", "-getProperty:GitOpsImageTag", "-getProperty:GitOpsImageDigest", "-getProperty:GitOpsCommitId"],
            registry.InsecureRegistryEnvironment);

        Assert.AreEqual(0, publish.ExitCode, publish.Output + publish.Error + registry.RecentLog);
        using var result = JsonDocument.Parse(File.ReadAllText(resultFile));
        var properties = result.RootElement.GetProperty("Properties");
        var tag = properties.GetProperty("GitOpsImageTag").GetString();
        var digest = properties.GetProperty("GitOpsImageDigest").GetString();
        Assert.AreEqual(shortCommit, tag, "the image is tagged with the service's short commit id");
        StringAssert.StartsWith(digest, "sha256:");
        Assert.AreEqual(digest, await registry.GetManifestDigestAsync("welltrack/payments-api", tag!), "the registry serves the pushed tag");

        var commits = TestGit.Log(bare);
        Assert.AreEqual(2, commits.Count, "exactly one new commit on the GitOps remote");
        Assert.AreEqual(properties.GetProperty("GitOpsCommitId").GetString(), commits[0]);
        var message = TestGit.Run(bare, "log", "-1", "--format=%B", "main");
        StringAssert.StartsWith(message, $"payments-api: image.tag latest -> {tag}");
        StringAssert.Contains(message, $"WellTrack-Image-Digest: {digest}");
        string Expected(string writtenTag) => valuesBefore
            .Replace("  tag: latest # Updated by CI", $"  tag: {writtenTag} # Updated by CI")
            .Replace("  digest: \"\" # Updated by CI", $"  digest: \"{digest}\" # Updated by CI");
        var values = TestGit.Show(bare, "main", Values);
        // A short id that YAML would read as a number (1594990, 12e4567) is written quoted, so it stays a string.
        var quoted = System.Text.RegularExpressions.Regex.IsMatch(tag!, "^[0-9]+([eE][0-9]+)?$");
        Assert.AreEqual(Expected(quoted ? $"\"{tag}\"" : tag!), values, "only the tag and digest lines changed");
        var changed = TestGit.Run(bare, "diff", "--name-only", "main~1", "main").Trim();
        Assert.AreEqual(Values, changed);
        StringAssert.Contains(values, $"  repository: {registry.Address}/welltrack/payments-api\n");

        // The desired state Argo CD now syncs validates with no finding at all: the tag is pinned, the digest too.
        var deployed = Path.Combine(remotes.Path, "deployed");
        TestGit.Run(remotes.Path, "clone", "--quiet", bare, deployed);
        await WelltrackCli.AssertChartIsCleanAsync(Path.Combine(deployed, "charts", "payments-api"), allowLatestPlaceholder: false);
    }
}
