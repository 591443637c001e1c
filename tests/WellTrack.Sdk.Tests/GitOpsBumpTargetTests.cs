using System.IO.Compression;
using System.Text;
using WellTrack.Testing;

namespace WellTrack.Sdk.Tests;

/// <summary>The GitOpsBump target through the packed SDK: what a service repository's CI runs for an image built elsewhere.</summary>
[TestClass]
public sealed class GitOpsBumpTargetTests
{
    private const string Values = "charts/welltrack-backend/values.yaml";

    [TestMethod]
    public async Task BumpTargetCommitsTheTagWithTheServicesSourceTrailers()
    {
        using var gitops = new GitOpsFixture();
        using var service = new ServiceProject(extraProperties: "<GitOpsChart>welltrack-backend</GitOpsChart>");
        var before = gitops.Show(Values);

        var result = await service.DotnetAsync("msbuild", "-restore", "-nologo", "-t:GitOpsBump",
            "-p:GitOpsImageTag=5d6e7f8", $"-p:GitOpsRepository={gitops.BareRepository}", "-p:GitOpsBuildNumber=12");

        Assert.AreEqual(0, result.ExitCode, result.Output + result.Error);
        Assert.AreEqual(before.Replace("tag: 1a2b3c4 #", "tag: 5d6e7f8 #"), gitops.Show(Values));
        Assert.AreEqual(Values, TestGit.Run(gitops.BareRepository, "diff", "--name-only", "main~1", "main").Trim());
        var message = TestGit.Run(gitops.BareRepository, "log", "-1", "--format=%B", "main");
        StringAssert.StartsWith(message, "welltrack-backend: image.tag 1a2b3c4 -> 5d6e7f8\n");
        StringAssert.Contains(message, $"WellTrack-Source-Commit: {service.Commit}\n");
        StringAssert.Contains(message, "WellTrack-Source-Repository: https://github.com/hongda-zhu/PTI-WellTrackBack.git\n");
        StringAssert.Contains(message, "WellTrack-Build-Number: 12\n");
    }

    [TestMethod]
    public async Task DryRunThroughMSBuildChangesNothing()
    {
        using var gitops = new GitOpsFixture();
        using var service = new ServiceProject(extraProperties: "<GitOpsChart>welltrack-backend</GitOpsChart>");
        var head = TestGit.Head(gitops.BareRepository);

        var result = await service.DotnetAsync("msbuild", "-restore", "-nologo", "-t:GitOpsBump", "-p:GitOpsDryRun=true",
            "-p:GitOpsImageTag=5d6e7f8", $"-p:GitOpsRepository={gitops.BareRepository}");

        Assert.AreEqual(0, result.ExitCode, result.Output + result.Error);
        Assert.AreEqual(head, TestGit.Head(gitops.BareRepository));
        StringAssert.Contains(result.Output, "+  tag: 5d6e7f8 # Updated by CI");
        StringAssert.Contains(result.Output, "Dry run");
    }

    [TestMethod]
    public async Task BumpWithoutARegistryIsACodedErrorBeforeAnythingIsBuilt()
    {
        using var gitops = new GitOpsFixture();
        using var service = new ServiceProject();

        var result = await service.DotnetAsync("publish", "-nologo", "-p:GitOpsBump=true", $"-p:GitOpsRepository={gitops.BareRepository}");

        Assert.AreNotEqual(0, result.ExitCode);
        StringAssert.Contains(result.Output, "error WT9001");
        StringAssert.Contains(result.Output, $"{service.Name}.csproj");
        Assert.IsFalse(File.Exists(Path.Combine(service.Directory, "bin", "Release", "net10.0", $"{service.Name}.dll")));
    }

    [TestMethod]
    public async Task MissingImageTagIsACodedError()
    {
        using var gitops = new GitOpsFixture();
        using var service = new ServiceProject();

        var result = await service.DotnetAsync("msbuild", "-restore", "-nologo", "-t:GitOpsBump", $"-p:GitOpsRepository={gitops.BareRepository}");

        Assert.AreNotEqual(0, result.ExitCode);
        StringAssert.Contains(result.Output, "error WT9006");
    }

    [TestMethod]
    public async Task TokenNeverAppearsInTheBuildLogOrBinaryLog()
    {
        using var gitops = new GitOpsFixture();
        using var server = new RefusingHttpServer();
        using var service = new ServiceProject(extraProperties: "<GitOpsChart>welltrack-backend</GitOpsChart>");
        var token = "ghp_" + new string('Q', 24) + "fake0000000000";
        var binlog = Path.Combine(service.Directory, "bump.binlog");

        var result = await DotnetCli.RunAsync(service.Directory,
            ["msbuild", "-restore", "-nologo", "-v:diag", $"-bl:{binlog}", "-t:GitOpsBump", "-p:GitOpsImageTag=5d6e7f8",
             $"-p:GitOpsRepository={server.Url("gitops.git")}", "-p:GitOpsTokenVariable=GITOPS_TOKEN"],
            new Dictionary<string, string?> { ["GITOPS_TOKEN"] = token, ["WELLTRACK_CACHE"] = Path.Combine(service.Directory, "cache") });

        Assert.AreNotEqual(0, result.ExitCode);
        StringAssert.Contains(result.Output, "error WT2005");
        CollectionAssert.Contains(server.OfferedCredentials.ToList(), "x-access-token:" + token, "the token did reach the server");
        Assert.IsFalse(result.Output.Contains(token, StringComparison.Ordinal), "console log");
        Assert.IsFalse(result.Error.Contains(token, StringComparison.Ordinal), "standard error");
        Assert.IsFalse(ReadBinaryLog(binlog).Contains(token, StringComparison.Ordinal), "binary log");
    }

    // A binary log is a gzip stream; its strings are stored as UTF-8, so a search of the inflated bytes finds any.
    private static string ReadBinaryLog(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
