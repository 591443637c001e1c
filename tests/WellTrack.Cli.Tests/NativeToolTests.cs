using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using WellTrack.Testing;

namespace WellTrack.Cli.Tests;

/// <summary>
/// The welltrack tool as installed from its packages is the native (AOT) build on linux-x64, and it behaves exactly as
/// the JIT-compiled build the other tests run: same exit codes, same output, byte for byte, over the template engine's
/// conformance charts, validation, the secret scan and the bump's dry run and bad input. Trimming and the absence of
/// reflection-based serialization are what could make them differ. Where no native package exists (any platform but
/// linux-x64) the installed tool is the framework-dependent build: the comparisons would compare the JIT build with
/// itself, so they report inconclusive instead of passing.
/// </summary>
[TestClass]
public sealed partial class NativeToolTests
{
    private static string RepositoryRoot => RepositoryPaths.Root(typeof(NativeToolTests).Assembly);

    private static string JitBuild => Path.Combine(AppContext.BaseDirectory, "welltrack.dll");

    [ClassCleanup]
    public static void RemoveInstalledTool() => InstalledTool.Remove();

    [TestMethod]
    [Timeout(900_000, CooperativeCancellation = true)]
    public async Task InstallsTheNativeBuildOnLinuxX64AndTheFrameworkDependentOneElsewhere()
    {
        var command = await InstalledTool.CommandAsync();
        var executable = File.ResolveLinkTarget(command, returnFinalTarget: true)?.FullName ?? command;
        var directory = Path.GetDirectoryName(executable)!;
        if (RuntimeInformation.RuntimeIdentifier == "linux-x64")
        {
            CollectionAssert.AreEqual("\u007fELF"u8.ToArray(), File.ReadAllBytes(executable)[..4], $"{executable} is a native executable");
            Assert.IsFalse(File.Exists(Path.Combine(directory, "welltrack.dll")), "no managed code beside the native executable");
            Assert.IsEmpty(Directory.GetFiles(directory, "*.dbg"), "native symbols are not shipped");
        }
        else
        {
            Assert.IsTrue(File.Exists(Path.Combine(directory, "welltrack.dll")), "the framework-dependent package");
        }

        var help = await ProcessRunner.RunAsync(command, ["--help"], Path.GetTempPath());
        Assert.AreEqual(0, help.ExitCode, help.Error);
        StringAssert.Contains(help.Output, "Usage: welltrack <command>");
    }

    [TestMethod]
    [Timeout(900_000, CooperativeCancellation = true)]
    public async Task TemplateRendersEveryConformanceChartAsTheJitBuildDoes()
    {
        var cases = Directory.GetDirectories(Path.Combine(RepositoryRoot, "tests", "WellTrack.Templating.Tests", "Conformance", "Charts"))
            .Select(directory => new Run(directory, ["template", "chart", .. ArgumentsOf(directory)]))
            .Concat(Directory.GetDirectories(Path.Combine(RepositoryRoot, "charts")).Select(chart => new Run(chart, ["template", "."])))
            .ToList();
        Assert.IsGreaterThanOrEqualTo(50, cases.Count);

        await AssertSameAsJitAsync(cases);
    }

    [TestMethod]
    [Timeout(900_000, CooperativeCancellation = true)]
    public async Task ValidateReportsAsTheJitBuildDoes()
    {
        var conformance = Directory.GetDirectories(Path.Combine(RepositoryRoot, "tests", "WellTrack.Templating.Tests", "Conformance", "Charts"))
            .Select(directory => new Run(directory, ["validate", "chart"]));
        var charts = new[] { "text", "json", "sarif" }
            .Select(format => new Run(RepositoryRoot, ["validate", "charts", "--format", format, "--strict"]));
        var olderKubernetes = new Run(RepositoryRoot, ["validate", "charts", "--kube-version", "1.24", "--format", "json"]);

        await AssertSameAsJitAsync([.. conformance, .. charts, olderKubernetes]);
    }

    [TestMethod]
    [Timeout(900_000, CooperativeCancellation = true)]
    public async Task ScanReportsAndWritesBaselinesAsTheJitBuildDoes()
    {
        using var temp = new TemporaryDirectory();
        var random = new Random(11);
        string Token(string prefix, int length) => prefix + new string(Enumerable.Range(0, length).Select(_ => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"[random.Next(62)]).ToArray());
        TestGit.WriteFiles(temp.Path, new Dictionary<string, string>
        {
            ["repo/values.yaml"] = $"git:\n  token: {FakeCrc32Token.Make("ghp_", random)}\nauth:\n  existingSecret: db-credentials\n  password: {Token(string.Empty, 20)}\n",
            ["repo/templates/secret.yaml"] = $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: plain\nstringData:\n  stripe: {Token("sk_live_", 24)}\n",
            ["repo/ci/prod-values.yaml"] = $"slack:\n  webhook: https://hooks.slack.com/services/T{Token(string.Empty, 8)}/B{Token(string.Empty, 8)}/{Token(string.Empty, 24)}\n",
        });
        var runs = new[] { "text", "json", "sarif" }.Select(format => new Run(temp.Path, ["scan", "repo", "--format", format])).ToList();
        await AssertSameAsJitAsync(runs);

        // Each build writes a baseline into its own copy; the files are identical and silence the same findings.
        var copies = new[] { "native", "jit" }.ToDictionary(name => name, name => CopyDirectory(Path.Combine(temp.Path, "repo"), temp.Combine(name)));
        var native = await RunNativeAsync(temp.Path, ["scan", "native", "--update-baseline"]);
        var jit = await RunJitAsync(temp.Path, ["scan", "jit", "--update-baseline"]);
        Assert.AreEqual((jit.ExitCode, jit.Output), (native.ExitCode, native.Output));
        Assert.AreEqual(
            File.ReadAllText(Path.Combine(copies["jit"], ".welltrack-secrets-baseline.json")),
            File.ReadAllText(Path.Combine(copies["native"], ".welltrack-secrets-baseline.json")));
        var rescan = await RunNativeAsync(temp.Path, ["scan", "native"]);
        Assert.AreEqual(0, rescan.ExitCode, rescan.Output + rescan.Error);
    }

    [TestMethod]
    [Timeout(900_000, CooperativeCancellation = true)]
    public async Task BumpDryRunAndBadInputAsTheJitBuildDoes()
    {
        using var fixture = new GitOpsFixture(new Dictionary<string, string>
        {
            ["charts/broken/Chart.yaml"] = GitOpsFixture.Chart("broken"),
            ["charts/broken/values.yaml"] = "image:\n  tag: [unclosed\n",
        });
        var before = TestGit.Head(fixture.BareRepository);
        string[] Bump(params string[] extra) => ["bump", "--repo", fixture.BareRepository, .. extra];
        var runs = new List<Run>
        {
            new(fixture.Root, Bump("--chart", "welltrack-backend", "--tag", "d0d0d0d", "--dry-run")),
            new(fixture.Root, Bump("--chart", "welltrack-backend,welltrack-ml", "--tag", "1.2.3", "--digest", "sha256:" + new string('a', 64), "--dry-run")),
            new(fixture.Root, Bump("--chart", "welltrack-backend", "--tag", "bad tag")),
            new(fixture.Root, Bump("--chart", "welltrack-backend", "--tag", "v1\nimage: evil")),
            new(fixture.Root, Bump("--chart", "welltrack-backend", "--tag", "v1: x")),
            new(fixture.Root, Bump("--chart", "../../etc", "--tag", "v1")),
            new(fixture.Root, Bump("--chart", "missing", "--tag", "v1")),
            new(fixture.Root, Bump("--chart", "broken", "--tag", "v1")),
            new(fixture.Root, Bump("--chart", "welltrack-backend", "--tag", "v1", "--values-file", "values-prod.yaml")),
            new(fixture.Root, Bump("--chart", "welltrack-backend", "--tag", "v1", "--branch", "nope")),
            new(fixture.Root, Bump("--chart", "welltrack-backend", "--tag", "v1", "--digest", "sha256:short")),
            // One try: the retries' waits are random, so their progress lines would differ between the two builds.
            new(fixture.Root, ["bump", "--repo", "git://127.0.0.1:1/gitops.git", "--chart", "welltrack-backend", "--tag", "v1", "--timeout", "5", "--max-attempts", "1"]),
            new(fixture.Root, ["bump", "--chart", "welltrack-backend"]),
        };

        await AssertSameAsJitAsync(runs, side => new Dictionary<string, string?> { ["WELLTRACK_CACHE"] = Path.Combine(fixture.Root, "cache-" + side) });

        Assert.AreEqual(before, TestGit.Head(fixture.BareRepository), "neither a dry run nor bad input changes the remote");
    }

    [TestMethod]
    [Timeout(900_000, CooperativeCancellation = true)]
    public async Task NativeBumpLandsOneCommitWithItsTrailers()
    {
        using var fixture = new GitOpsFixture();
        var before = TestGit.Head(fixture.BareRepository);

        var bump = await RunNativeAsync(fixture.Root,
            ["bump", "--repo", fixture.BareRepository, "--chart", "welltrack-backend", "--tag", "n4t1ve0", "--digest", "sha256:" + new string('b', 64), "--build-number", "42"],
            new Dictionary<string, string?> { ["WELLTRACK_CACHE"] = fixture.CacheDirectory });

        Assert.AreEqual(0, bump.ExitCode, bump.Error);
        Assert.AreEqual(before, TestGit.Run(fixture.BareRepository, "rev-parse", "main~1").Trim(), "exactly one commit");
        var values = fixture.Show("charts/welltrack-backend/values.yaml");
        StringAssert.Contains(values, "  tag: n4t1ve0 # Updated by CI\n");
        StringAssert.Contains(values, "sha256:" + new string('b', 64));
        var message = TestGit.Run(fixture.BareRepository, "log", "-1", "--format=%B", "main");
        StringAssert.Contains(message, "WellTrack-Build-Number: 42");
        StringAssert.Contains(message, "WellTrack-Image-Digest: sha256:" + new string('b', 64));
    }

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task NativeBumpHandsTheTokenThroughAskPassAndReportsTheRejectionAsTheJitBuildDoes()
    {
        using var fixture = new GitOpsFixture();
        using var server = new RefusingHttpServer();
        // A fake token of GitHub's shape, made up for this run.
        var token = "ghp_" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + "abcd";
        const string variable = "WELLTRACK_NATIVE_TEST_TOKEN";
        var run = new Run(fixture.Root, ["bump", "--repo", server.Url("gitops.git"), "--chart", "welltrack-backend", "--tag", "v1", "--token-variable", variable]);

        await AssertSameAsJitAsync([run], side => new Dictionary<string, string?>
        {
            ["WELLTRACK_CACHE"] = Path.Combine(fixture.Root, "cache-" + side),
            [variable] = token,
        });

        var native = await RunNativeAsync(fixture.Root, run.Arguments, new Dictionary<string, string?> { ["WELLTRACK_CACHE"] = fixture.CacheDirectory, [variable] = token });
        Assert.AreNotEqual(0, native.ExitCode);
        StringAssert.Contains(native.Error, "WT2005");
        StringAssert.Contains(native.Error, $"the token in ${variable} (through GIT_ASKPASS)");
        Assert.DoesNotContain(token, native.Output + native.Error);
        CollectionAssert.Contains(server.OfferedCredentials.ToList(), "x-access-token:" + token, "git offered the token it was given");
    }

    private sealed record Run(string WorkingDirectory, string[] Arguments);

    private static IEnumerable<string> ArgumentsOf(string conformanceCase)
    {
        var file = Path.Combine(conformanceCase, "args");
        return File.Exists(file) ? File.ReadAllLines(file).Where(line => line.Length > 0) : [];
    }

    /// <summary>Runs every case with both builds, two at a time, and fails with every difference found.</summary>
    private static async Task AssertSameAsJitAsync(IReadOnlyList<Run> runs, Func<string, IReadOnlyDictionary<string, string?>>? environment = null)
    {
        await NativeToolAsync();
        var differences = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(runs, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (run, _) =>
        {
            var native = await RunNativeAsync(run.WorkingDirectory, run.Arguments, environment?.Invoke("native"));
            var jit = await RunJitAsync(run.WorkingDirectory, run.Arguments, environment?.Invoke("jit"));
            var (nativeOutput, jitOutput) = (Normalize(native.Output), Normalize(jit.Output));
            var (nativeError, jitError) = (Normalize(native.Error), Normalize(jit.Error));
            if (native.ExitCode != jit.ExitCode || nativeOutput != jitOutput || nativeError != jitError)
            {
                differences.Add($"welltrack {string.Join(' ', run.Arguments)} (in {run.WorkingDirectory}):\n"
                    + $"  exit {native.ExitCode} native, {jit.ExitCode} JIT\n"
                    + FirstDifference("stdout", nativeOutput, jitOutput) + FirstDifference("stderr", nativeError, jitError));
            }

            Assert.DoesNotContain("   at ", native.Output + native.Error, "no stack trace");
        });

        Assert.IsEmpty(differences, string.Join('\n', differences.Take(5)));
    }

    private static string FirstDifference(string stream, string native, string jit)
    {
        if (native == jit)
        {
            return string.Empty;
        }

        var at = native.Zip(jit).TakeWhile(pair => pair.First == pair.Second).Count();
        var from = Math.Max(0, at - 80);
        return new StringBuilder()
            .Append("  ").Append(stream).Append(" differs at ").Append(at).Append('\n')
            .Append("    native: ").Append(native.AsSpan(from, Math.Min(240, native.Length - from))).Append('\n')
            .Append("    JIT:    ").Append(jit.AsSpan(from, Math.Min(240, jit.Length - from))).Append('\n')
            .ToString();
    }

    // The tool's version (SARIF's driver) differs by design: the packages under test carry a test version.
    private static string Normalize(string text) => SemanticVersion().Replace(text, "\"semanticVersion\": \"*\"");

    [GeneratedRegex("\"semanticVersion\": ?\"[^\"]*\"")]
    private static partial Regex SemanticVersion();

    private static async Task<ProcessRunner.Result> RunNativeAsync(string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
        => await ProcessRunner.RunAsync(await NativeToolAsync(), arguments, workingDirectory, environment, TimeSpan.FromMinutes(2));

    /// <summary>The installed tool when it is the native build; inconclusive where none exists (managed code beside it).</summary>
    private static async Task<string> NativeToolAsync()
    {
        var command = await InstalledTool.CommandAsync();
        var executable = File.ResolveLinkTarget(command, returnFinalTarget: true)?.FullName ?? command;
        if (File.Exists(Path.Combine(Path.GetDirectoryName(executable)!, "welltrack.dll")))
        {
            Assert.Inconclusive($"No native welltrack package for {RuntimeInformation.RuntimeIdentifier} (only linux-x64 has one): the installed "
                + "tool is the framework-dependent build, and comparing it with the JIT build would prove nothing.");
        }

        return command;
    }

    private static Task<ProcessRunner.Result> RunJitAsync(string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
        => ProcessRunner.RunAsync(ProcessRunner.DotnetHost, [JitBuild, .. arguments], workingDirectory, environment, TimeSpan.FromMinutes(2));

    private static string CopyDirectory(string source, string destination)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return destination;
    }
}
