using WellTrack.Core.Bump;
using WellTrack.Core.Git;
using WellTrack.Testing;
using static WellTrack.Core.Tests.Bump.BumpTestSupport;

namespace WellTrack.Core.Tests.Bump;

/// <summary>Tokens reach git only through the environment; broken remotes and caches give coded errors, lose nothing.</summary>
[TestClass]
public sealed class CredentialAndFaultTests
{
    // Shaped like a GitHub token, but not one: fixtures never hold real secrets.
    private static readonly string FakeToken = "ghp_" + new string('T', 20) + "fake" + new string('0', 12);

    [TestMethod]
    public void TokenGoesThroughAskPassNeverAnArgumentAndAuthFailureIsNotRetried()
    {
        using var fixture = new GitOpsFixture();
        using var server = new RefusingHttpServer();
        var variable = "WELLTRACK_TEST_TOKEN_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        Environment.SetEnvironmentVariable(variable, FakeToken);
        var runner = new GitProcessRunner();
        var commands = new List<GitCommand>();
        runner.Starting += commands.Add;
        try
        {
            var result = RunBump(Request(fixture) with { Repository = server.Url("gitops.git"), TokenVariable = variable }, runner);

            Assert.AreEqual("WT2005", result.Diagnostics.Single().Code, Describe(result));
            StringAssert.Contains(result.Diagnostics[0].Message, $"the token in ${variable} (through GIT_ASKPASS)");
            CollectionAssert.Contains(server.OfferedCredentials.ToList(), "x-access-token:" + FakeToken, "git offered the token it was given");
            Assert.AreEqual(1, commands.Count(c => c.Arguments.Contains("clone")), "an authentication failure is not retried");
            foreach (var command in commands)
            {
                Assert.IsFalse(command.Arguments.Any(a => a.Contains(FakeToken, StringComparison.Ordinal)), command.ToString());
                Assert.IsFalse(command.Environment?.Values.Any(v => v.Contains(FakeToken, StringComparison.Ordinal)) ?? false);
            }

            Assert.IsFalse(Describe(result).Contains(FakeToken, StringComparison.Ordinal));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [TestMethod]
    public void WithoutATokenGitsOwnMechanismIsNamed()
    {
        using var fixture = new GitOpsFixture();
        using var server = new RefusingHttpServer();

        var result = RunBump(Request(fixture) with { Repository = server.Url("gitops.git") });

        Assert.AreEqual("WT2005", result.Diagnostics.Single().Code, Describe(result));
        StringAssert.Contains(result.Diagnostics[0].Message, "git's own credentials");
    }

    [TestMethod]
    public void TokenVariableThatIsNotSetIsAConfigurationError()
    {
        using var fixture = new GitOpsFixture();

        var result = RunBump(Request(fixture) with { TokenVariable = "WELLTRACK_TEST_UNSET_VARIABLE" });

        Assert.AreEqual("WT9008", result.Diagnostics.Single().Code);
    }

    [TestMethod]
    public void TokenInsteadOfAVariableNameIsRefusedWithoutEchoingIt()
    {
        using var fixture = new GitOpsFixture();

        var result = RunBump(Request(fixture) with { TokenVariable = "ghp-not-a-name" });

        Assert.AreEqual("WT9007", result.Diagnostics.Single().Code);
    }

    [TestMethod]
    public void HangingRemoteTimesOut()
    {
        using var fixture = new GitOpsFixture();
        using var silent = new SilentTcpServer();
        var head = TestGit.Head(fixture.BareRepository);

        var result = RunBump(Request(fixture) with
        {
            Repository = $"git://127.0.0.1:{silent.Port}/gitops.git",
            NetworkTimeout = TimeSpan.FromSeconds(2),
        });

        Assert.AreEqual("WT2002", result.Diagnostics.Single().Code, Describe(result));
        Assert.AreEqual(head, TestGit.Head(fixture.BareRepository));
    }

    [TestMethod]
    public void CorruptedCacheCloneIsDetectedAndClonedAgain()
    {
        using var fixture = new GitOpsFixture();
        Assert.IsTrue(RunBump(Request(fixture, "aaaaaaa")).Succeeded);
        var clone = Directory.GetDirectories(fixture.CacheDirectory).Single();
        foreach (var pack in Directory.EnumerateFiles(Path.Combine(clone, ".git", "objects"), "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(pack, FileAttributes.Normal);
            File.WriteAllText(pack, "corrupted");
        }

        var result = RunBump(Request(fixture, "bbbbbbb"));

        Assert.IsTrue(result.Succeeded, Describe(result));
        StringAssert.Contains(fixture.Show("charts/welltrack-backend/values.yaml"), "tag: bbbbbbb");
    }

    [TestMethod]
    public void CacheCloneWithABrokenHeadIsClonedAgain()
    {
        using var fixture = new GitOpsFixture();
        Assert.IsTrue(RunBump(Request(fixture, "aaaaaaa")).Succeeded);
        var clone = Directory.GetDirectories(fixture.CacheDirectory).Single();
        File.WriteAllText(Path.Combine(clone, ".git", "HEAD"), "garbage\n");

        var result = RunBump(Request(fixture, "bbbbbbb"));

        Assert.IsTrue(result.Succeeded, Describe(result));
    }

    [TestMethod]
    public void InterruptedCloneLeftBehindIsIgnored()
    {
        using var fixture = new GitOpsFixture();
        Assert.IsTrue(RunBump(Request(fixture, "aaaaaaa") with { DryRun = false }).Succeeded);
        var clone = Directory.GetDirectories(fixture.CacheDirectory).Single();
        Directory.CreateDirectory(clone + ".cloning");
        File.WriteAllText(Path.Combine(clone + ".cloning", "partial"), "half a clone");
        TemporaryDirectory.Delete(clone);

        var result = RunBump(Request(fixture, "bbbbbbb"));

        Assert.IsTrue(result.Succeeded, Describe(result));
    }

    [TestMethod]
    public void DiskFullOnWriteFailsCodedAndLeavesTheWorkingCopyAsItWas()
    {
        using var fixture = new GitOpsFixture();
        using var disk = TmpfsMount.TryCreate(sizeKilobytes: 2048);
        if (disk is null)
        {
            Assert.Inconclusive("Mounting a tmpfs needs root; this fault is exercised where it is available (CI is root).");
        }

        var workingCopy = Path.Combine(disk.Path, "wc");
        TestGit.Run(fixture.Root, "clone", "--quiet", fixture.BareRepository, workingCopy);
        var valuesFile = Path.Combine(workingCopy, "charts", "welltrack-backend", "values.yaml");
        var before = File.ReadAllBytes(valuesFile);
        disk.Fill();

        var result = RunBump(Request(fixture) with { Repository = workingCopy });

        Assert.AreEqual("WT1030", result.Diagnostics.Single().Code, Describe(result));
        CollectionAssert.AreEqual(before, File.ReadAllBytes(valuesFile));
        // --no-optional-locks: git status would otherwise try to refresh the index on the full disk.
        Assert.AreEqual(string.Empty, TestGit.Run(workingCopy, "--no-optional-locks", "status", "--porcelain"));
        Assert.AreEqual(TestGit.Head(fixture.BareRepository), TestGit.Head(workingCopy, "HEAD"));
    }
}
