using WellTrack.Testing;

namespace WellTrack.Sdk.Tests;

/// <summary>
/// Issue 15's acceptance through the packed SDK: a GitOps repository whose chart depends on a chart in a classic Helm
/// repository (static files on 127.0.0.1) and on one in an OCI registry (Debian's docker-registry on 127.0.0.1, pushed as
/// <c>helm push</c> does, with a <c>+</c> version), nothing vendored, builds with <c>dotnet build</c> and bumps; the
/// bump's commit changes only values.yaml; a second build with both servers stopped runs offline from the cache.
/// </summary>
[TestClass]
public sealed class ChartDependenciesAcceptanceTests
{
    private const string Chart = "charts/welltrack-backend";
    private const string Values = Chart + "/values.yaml";
    private const string OciVersion = "0.3.0+build.7";

    [TestMethod]
    [Timeout(900_000, CooperativeCancellation = true)]
    public async Task AChartWithAnHttpAndAnOciDependencyBuildsAndBumpsUnvendoredThenBuildsOfflineFromTheCache()
    {
        using var temp = new TemporaryDirectory("welltrack-deps-e2e-");
        var environment = new Dictionary<string, string?> { ["WELLTRACK_CACHE"] = temp.Combine("cache") };
        // web 1.3.0 is there too, and ~1.2.0 must not choose it.
        var repository = temp.CreateDirectory("repository");
        HelmRepositoryIndexFile.PublishMinimalCharts(repository, "web", "1.2.0", "1.3.0");
        var server = new StaticFileServer(repository);
        var registry = await OciRegistry.StartAsync(temp.Combine("registry"));
        try
        {
            await HelmOciPush.PushAsync(registry.Address, "charts", "cache", OciVersion,
                HelmChartArchive.Pack("cache", HelmChartArchive.MinimalChart("cache", OciVersion)));
            using var gitops = new GitOpsFixture(new Dictionary<string, string>
            {
                [Chart + "/Chart.yaml"] = GitOpsFixture.Chart("welltrack-backend") + $"""
                    dependencies:
                    - name: web
                      version: ~1.2.0
                      repository: {server.Url()}
                    - name: cache
                      version: ">=0.3.0 <0.4.0"
                      repository: oci://{registry.Address}/charts

                    """,
                ["GitOps.proj"] = "<Project Sdk=\"WellTrack.Sdk.GitOps\" />\n",
            });
            var work = temp.Combine("work");
            TestGit.Run(temp.Path, "clone", "--quiet", gitops.BareRepository, work);
            PackedSdk.Consume(work, "WellTrack.Sdk.GitOps");

            var build = await DotnetCli.RunAsync(work, ["build", "GitOps.proj", "-nologo"], environment);

            Assert.AreEqual(0, build.ExitCode, build.Output + build.Error);
            CollectionAssert.Contains(server.Requests.ToList(), "web-1.2.0.tgz", "the HTTP dependency was fetched");
            Assert.IsTrue(Directory.EnumerateFiles(temp.Combine("cache", "charts"), "*", SearchOption.AllDirectories).Any(), "resolved into the cache");
            AssertNothingVendored(work);

            using var service = new ServiceProject(extraProperties: "<GitOpsChart>welltrack-backend</GitOpsChart>");
            var bump = await DotnetCli.RunAsync(service.Directory,
                ["msbuild", "-restore", "-nologo", "-t:GitOpsBump", "-p:GitOpsImageTag=5d6e7f8", $"-p:GitOpsRepository={gitops.BareRepository}"],
                environment);

            Assert.AreEqual(0, bump.ExitCode, bump.Output + bump.Error);
            StringAssert.Contains(gitops.Show(Values), "tag: 5d6e7f8 #");
            Assert.AreEqual(Values, TestGit.Run(gitops.BareRepository, "diff", "--name-only", "main~1", "main").Trim(), "the commit changes only values.yaml");

            // The bumped values make the validation run again (its inputs changed), now with no server to ask.
            TestGit.Run(work, "pull", "--quiet", "--ff-only");
            server.Dispose();
            await registry.DisposeAsync();

            var offline = await DotnetCli.RunAsync(work, ["build", "GitOps.proj", "-nologo", "-v:n", "-p:GitOpsOffline=true"], environment);

            Assert.AreEqual(0, offline.ExitCode, offline.Output + offline.Error);
            Assert.DoesNotContain("Skipping target \"GitOpsValidateCharts\"", offline.Output, "the offline build validated the charts");
            AssertNothingVendored(work);
        }
        finally
        {
            server.Dispose();
            await registry.DisposeAsync();
        }
    }

    /// <summary>Neither validation nor the bump writes dependencies into the working tree: no charts/, no Chart.lock.</summary>
    private static void AssertNothingVendored(string work)
    {
        Assert.IsFalse(Directory.Exists(Path.Combine(work, Chart, "charts")), "no charts/ written");
        Assert.IsFalse(File.Exists(Path.Combine(work, Chart, "Chart.lock")), "no Chart.lock written");
        Assert.AreEqual(string.Empty, TestGit.Run(work, "status", "--porcelain", "--", "charts").Trim(), "the charts are as committed");
    }
}
