using WellTrack.Testing;

namespace WellTrack.Cli.Tests;

/// <summary>
/// The welltrack tool as its users get it: its packages (pointer, native linux-x64, framework-dependent `any`)
/// installed with <c>dotnet tool install</c>. ./build.sh test packs them into WELLTRACK_TEST_FEED with
/// WELLTRACK_TEST_SDK_VERSION; run alone (an IDE), the tests pack them here, once, into a private feed.
/// </summary>
internal static class InstalledTool
{
    private static readonly string[] PackageIds = ["welltrack.cli", "welltrack.cli.any", "welltrack.cli.linux-x64"];
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? Command;
    private static string? ToolDirectory;
    private static string? PrivateFeed;

    public static string Version { get; private set; } = string.Empty;

    /// <summary>The installed <c>welltrack</c> command (installs on first use).</summary>
    public static async Task<string> CommandAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return Command ??= await InstallAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Removes the installation, and the packages when they were packed here.</summary>
    public static void Remove()
    {
        if (ToolDirectory is not null)
        {
            TemporaryDirectory.Delete(ToolDirectory);
        }

        if (PrivateFeed is null)
        {
            return;
        }

        TemporaryDirectory.Delete(PrivateFeed);
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in PackageIds)
        {
            TemporaryDirectory.Delete(Path.Combine(packages, id, Version));
        }
    }

    private static async Task<string> InstallAsync()
    {
        var feed = Environment.GetEnvironmentVariable("WELLTRACK_TEST_FEED");
        var version = Environment.GetEnvironmentVariable("WELLTRACK_TEST_SDK_VERSION");
        if (string.IsNullOrEmpty(feed) || string.IsNullOrEmpty(version))
        {
            version = $"0.0.1-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
            feed = PrivateFeed = Directory.CreateTempSubdirectory("welltrack-tool-feed-").FullName;
            var pack = await DotnetCli.RunAsync(RepositoryPaths.Root(typeof(InstalledTool).Assembly),
                ["pack", "sdk/frontends/WellTrack.Cli/WellTrack.Cli.csproj", "-c", "Release", $"-p:PackageVersion={version}", "-o", feed, "-nologo"]);
            if (pack.ExitCode != 0)
            {
                throw new InvalidOperationException($"Packing WellTrack.Cli failed:\n{pack.Output}\n{pack.Error}");
            }
        }

        Version = version;
        ToolDirectory = Directory.CreateTempSubdirectory("welltrack-tool-").FullName;
        // Only the feed under test: the repository's package source mapping would not admit it.
        var config = Path.Combine(ToolDirectory, "nuget.config");
        File.WriteAllText(config, $"""
            <configuration>
              <packageSources>
                <clear />
                <add key="under-test" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var toolPath = Path.Combine(ToolDirectory, "bin");
        var install = await DotnetCli.RunAsync(ToolDirectory,
            ["tool", "install", "--tool-path", toolPath, "WellTrack.Cli", "--version", version, "--configfile", config]);
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException($"Installing WellTrack.Cli {version} failed:\n{install.Output}\n{install.Error}");
        }

        return Path.Combine(toolPath, "welltrack");
    }
}
