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
    /// <summary>The MSBuild SDK packages under test: the service SDK and the GitOps repository SDK.</summary>
    public static readonly string[] Packages = ["WellTrack.Sdk", "WellTrack.Sdk.GitOps"];

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

        PackedHere = true;
        Version = $"0.0.1-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        Feed = Directory.CreateTempSubdirectory("welltrack-feed-").FullName;
        foreach (var package in Packages)
        {
            var pack = await DotnetCli.RunAsync(RepositoryRoot,
                ["pack", $"sdk/packages/{package}/{package}.csproj", "-c", "Release", $"-p:WellTrackVersion={Version}", "-o", Feed, "-nologo"]);
            if (pack.ExitCode != 0)
            {
                throw new InvalidOperationException($"Packing {package} failed:\n{pack.Output}\n{pack.Error}");
            }
        }
    }

    /// <summary>
    /// Makes <paramref name="directory"/> consume the packed <paramref name="sdk"/> as a user's repository would: a
    /// global.json pinning it in msbuild-sdks and a NuGet.config with the feed it was packed into.
    /// </summary>
    public static void Consume(string directory, string sdk)
    {
        File.WriteAllText(Path.Combine(directory, "global.json"), System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["msbuild-sdks"] = new Dictionary<string, string> { [sdk] = Version },
        }));
        File.WriteAllText(Path.Combine(directory, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
    }

    private static bool PackedHere;

    [AssemblyCleanup]
    public static void Cleanup()
    {
        // A version packed by ./build.sh is shared with other test projects running at the same time; it cleans up.
        if (!PackedHere)
        {
            return;
        }

        // The unique version is of no use to anyone after this run; keep the global packages folder tidy.
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var package in Packages)
        {
            TemporaryDirectory.Delete(Path.Combine(packages, package.ToLowerInvariant(), Version));
        }
    }
}
