using WellTrack.Testing;

namespace WellTrack.Sdk.Tests;

/// <summary>
/// A GitOps repository validated by `dotnet build` of a project on the packed WellTrack.Sdk.GitOps: good charts pass,
/// a broken chart or a plain secret fails the build with the template's file and line, and a no-op build skips both.
/// </summary>
[TestClass]
public sealed class GitOpsRepositoryProjectTests
{
    [TestMethod]
    public async Task TheWellTrackChartsBuildCleanInStrictMode()
    {
        using var repository = GitOpsRepository.FromWellTrackCharts();

        var build = await repository.BuildAsync("-p:GitOpsStrict=true");

        Assert.AreEqual(0, build.ExitCode, build.Output);
        StringAssert.Contains(build.Output, "0 Error(s)");
    }

    [TestMethod]
    public async Task AfterABumpPinsTagAndDigestTheChartsStillBuildCleanInStrictMode()
    {
        using var repository = GitOpsRepository.FromWellTrackCharts();
        var values = Path.Combine(repository.Root, "charts", "welltrack-backend", "values.yaml");
        var digest = "sha256:" + new string('0', 63) + "1";
        File.WriteAllText(values, File.ReadAllText(values)
            .Replace("  tag: latest #", "  tag: 5d6e7f8 #")
            .Replace("  digest: \"\" #", $"  digest: \"{digest}\" #"));

        var build = await repository.BuildAsync("-p:GitOpsStrict=true");

        Assert.AreEqual(0, build.ExitCode, build.Output);
        StringAssert.Contains(build.Output, "0 Warning(s)");
    }

    [TestMethod]
    public async Task ABrokenChartFailsTheBuildAtTheTemplateLine()
    {
        using var repository = GitOpsRepository.FromWellTrackCharts();
        var deployment = Path.Combine(repository.Root, "charts", "welltrack-backend", "templates", "deployment.yaml");
        var lines = File.ReadAllLines(deployment).ToList();
        var containers = lines.FindIndex(line => line.TrimStart() == "containers:");
        lines[containers] = lines[containers].Replace("containers:", "containerz:");
        File.WriteAllLines(deployment, lines);

        var build = await repository.BuildAsync();

        Assert.AreNotEqual(0, build.ExitCode);
        StringAssert.Contains(build.Output, $"charts/welltrack-backend/templates/deployment.yaml({containers + 1},");
        StringAssert.Contains(build.Output, "error WT3109");
    }

    [TestMethod]
    public async Task APlainSecretFailsTheBuild()
    {
        using var repository = GitOpsRepository.FromWellTrackCharts();
        var values = Path.Combine(repository.Root, "charts", "welltrack-frontend", "values.yaml");
        // Shaped like a Google OAuth client secret, but not one: fixtures never hold real secrets.
        File.AppendAllText(values, "\nextraEnv:\n  GOOGLE_CLIENT_SECRET: GOCSPX-" + "fAkEfAkEfAkEfAkEfAkEfAkEfAkE" + "\n");

        var build = await repository.BuildAsync();

        Assert.AreNotEqual(0, build.ExitCode);
        StringAssert.Contains(build.Output, "charts/welltrack-frontend/values.yaml(");
        StringAssert.Contains(build.Output, "error WT5");
        Assert.IsFalse(build.Output.Contains("fAkEfAkEfAkEfAkEfAkEfAkEfAkE", StringComparison.Ordinal), "the secret is never printed");
    }

    [TestMethod]
    public async Task ANoOpBuildSkipsValidationAndScanning()
    {
        using var repository = GitOpsRepository.FromWellTrackCharts();
        Assert.AreEqual(0, (await repository.BuildAsync()).ExitCode);

        var again = await repository.BuildAsync("-v:n");

        Assert.AreEqual(0, again.ExitCode, again.Output);
        StringAssert.Contains(again.Output, "Skipping target \"GitOpsValidateCharts\" because all output files are up-to-date");
        StringAssert.Contains(again.Output, "Skipping target \"GitOpsCheckNoPlainSecrets\" because all output files are up-to-date");
    }

    /// <summary>A GitOps repository as the welltrack-gitops template lays it out: charts/ and a project at the root.</summary>
    private sealed class GitOpsRepository : IDisposable
    {
        private readonly TemporaryDirectory _directory = new("welltrack-gitops-repo-");

        private GitOpsRepository()
        {
        }

        public string Root => _directory.Path;

        public static GitOpsRepository FromWellTrackCharts()
        {
            var repository = new GitOpsRepository();
            var charts = Path.Combine(PackedSdk.RepositoryRoot, "charts");
            foreach (var file in Directory.EnumerateFiles(charts, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(charts, file);
                if (relative.EndsWith(".proj", StringComparison.Ordinal) || relative == "welltrack.yaml")
                {
                    continue;
                }

                var target = Path.Combine(repository.Root, "charts", relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            File.Copy(Path.Combine(charts, "welltrack.yaml"), Path.Combine(repository.Root, "welltrack.yaml"));
            File.WriteAllText(Path.Combine(repository.Root, "GitOps.proj"), "<Project Sdk=\"WellTrack.Sdk.GitOps\" />\n");
            PackedSdk.Consume(repository.Root, "WellTrack.Sdk.GitOps");
            return repository;
        }

        public Task<ProcessRunner.Result> BuildAsync(params string[] extra)
            => DotnetCli.RunAsync(Root, ["build", "GitOps.proj", "-nologo", .. extra]);

        public void Dispose() => _directory.Dispose();
    }
}
