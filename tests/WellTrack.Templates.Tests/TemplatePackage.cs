using WellTrack.Testing;

namespace WellTrack.Templates.Tests;

/// <summary>
/// What the tests consume, packed as users get it: WellTrack.Sdk in a local feed with a version no earlier run used,
/// and WellTrack.Templates installed into a private template hive (<c>--debug:custom-hive</c>), never the machine's.
/// ./build.sh test packs both into WELLTRACK_TEST_FEED with WELLTRACK_TEST_SDK_VERSION; run alone, the tests pack
/// whatever the feed lacks themselves.
/// </summary>
[TestClass]
public static class TemplatePackage
{
    private static TemporaryDirectory? ScratchDirectory;
    private static bool SdkPackedHere;

    public static string RepositoryRoot => RepositoryPaths.Root(typeof(TemplatePackage).Assembly);

    /// <summary>Feed serving WellTrack.Sdk and WellTrack.Sdk.GitOps (and the template package).</summary>
    public static string Feed { get; private set; } = string.Empty;

    /// <summary>Version of WellTrack.Sdk in <see cref="Feed"/>; the generated global.json pins it.</summary>
    public static string SdkVersion { get; private set; } = string.Empty;

    /// <summary>The WellTrack.Templates package under test.</summary>
    public static string Package { get; private set; } = string.Empty;

    /// <summary>Private template hive the package is installed into.</summary>
    public static string Hive { get; private set; } = string.Empty;

    /// <summary>Scratch space for this run (generated solutions, GitOps cache clones).</summary>
    public static string Scratch => ScratchDirectory?.Path ?? throw new InvalidOperationException("Not initialised.");

    [AssemblyInitialize]
    public static async Task InitializeAsync(TestContext context)
    {
        ScratchDirectory = new TemporaryDirectory("welltrack-templates-");
        var feed = Environment.GetEnvironmentVariable("WELLTRACK_TEST_FEED");
        var version = Environment.GetEnvironmentVariable("WELLTRACK_TEST_SDK_VERSION");
        if (!string.IsNullOrEmpty(feed) && !string.IsNullOrEmpty(version))
        {
            (Feed, SdkVersion) = (feed, version);
        }
        else
        {
            SdkVersion = $"0.0.1-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
            Feed = ScratchDirectory.CreateDirectory("feed");
            await PackAsync("sdk/packages/WellTrack.Sdk/WellTrack.Sdk.csproj", Feed);
            SdkPackedHere = true;
        }

        // The GitOps repository's SDK, packed with the same version (the repository may predate it: then only the
        // service template can be built).
        const string gitOpsSdk = "sdk/packages/WellTrack.Sdk.GitOps/WellTrack.Sdk.GitOps.csproj";
        if (File.Exists(Path.Combine(RepositoryRoot, gitOpsSdk)) && !File.Exists(Path.Combine(Feed, $"WellTrack.Sdk.GitOps.{SdkVersion}.nupkg")))
        {
            // Never write into a feed build.sh made: copy it and complete the copy.
            var completed = ScratchDirectory.CreateDirectory("feed-completed");
            foreach (var package in Directory.EnumerateFiles(Feed, "*.nupkg"))
            {
                File.Copy(package, Path.Combine(completed, Path.GetFileName(package)));
            }

            Feed = completed;
            await PackAsync(gitOpsSdk, Feed);
        }

        Package = Path.Combine(Feed, $"WellTrack.Templates.{SdkVersion}.nupkg");
        if (!File.Exists(Package))
        {
            var packages = ScratchDirectory.CreateDirectory("templates-package");
            await PackAsync("templates/WellTrack.Templates.csproj", packages);
            Package = Path.Combine(packages, $"WellTrack.Templates.{SdkVersion}.nupkg");
        }

        Hive = ScratchDirectory.CreateDirectory("hive");
        var install = await DotnetCli.RunAsync(ScratchDirectory.Path, ["new", "install", Package, "--debug:custom-hive", Hive]);
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet new install {Package} failed:\n{install.Output}\n{install.Error}");
        }
    }

    [AssemblyCleanup]
    public static void Cleanup()
    {
        if (SdkPackedHere)
        {
            // A version only this run used: keep the global packages folder tidy. A version build.sh packed is
            // shared with the other package-level tests, and build.sh cleans it up.
            var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            TemporaryDirectory.Delete(Path.Combine(packages, "welltrack.sdk", SdkVersion));
            TemporaryDirectory.Delete(Path.Combine(packages, "welltrack.sdk.gitops", SdkVersion));
        }

        ScratchDirectory?.Dispose();
    }

    private static async Task PackAsync(string project, string output)
    {
        var pack = await DotnetCli.RunAsync(RepositoryRoot,
            ["pack", project, "-c", "Release", $"-p:WellTrackVersion={SdkVersion}", "-o", output, "-nologo"]);
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException($"Packing {project} failed:\n{pack.Output}\n{pack.Error}");
        }
    }
}
