using WellTrack.Testing;

namespace WellTrack.Sdk.Tests;

/// <summary>
/// The WellTrack.Sdk package under test, with a version no earlier run used (NuGet silently serves a cached package
/// of the same version). ./build.sh test packs it once and passes WELLTRACK_TEST_FEED and WELLTRACK_TEST_SDK_VERSION;
/// run alone (an IDE), the tests pack it themselves into a private feed.
/// </summary>
[TestClass]
public static class PackedSdk
{
    public static string Feed { get; private set; } = string.Empty;

    public static string Version { get; private set; } = string.Empty;

    public static string RepositoryRoot => RepositoryPaths.Root(typeof(PackedSdk).Assembly);

    [AssemblyInitialize]
    public static async Task InitializeAsync(TestContext context)
    {
        var feed = Environment.GetEnvironmentVariable("WELLTRACK_TEST_FEED");
        var version = Environment.GetEnvironmentVariable("WELLTRACK_TEST_SDK_VERSION");
        if (!string.IsNullOrEmpty(feed) && !string.IsNullOrEmpty(version))
        {
            (Feed, Version) = (feed, version);
            return;
        }

        Version = $"0.0.1-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        Feed = Directory.CreateTempSubdirectory("welltrack-feed-").FullName;
        var pack = await DotnetCli.RunAsync(RepositoryRoot,
            ["pack", "sdk/WellTrack.Sdk/WellTrack.Sdk.csproj", "-c", "Release", $"-p:WellTrackVersion={Version}", "-o", Feed, "-nologo"]);
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException($"Packing WellTrack.Sdk failed:\n{pack.Output}\n{pack.Error}");
        }
    }

    [AssemblyCleanup]
    public static void Cleanup()
    {
        // The unique version is of no use to anyone after this run; keep the global packages folder tidy.
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        TemporaryDirectory.Delete(Path.Combine(packages, "welltrack.sdk", Version));
    }
}
