using WellTrack.Testing;

namespace WellTrack.Sdk.Tests;

/// <summary>
/// A service repository as a user would have it: global.json pinning WellTrack.Sdk in msbuild-sdks, a NuGet.config
/// with the local feed, a project on &lt;Project Sdk="WellTrack.Sdk"&gt;, a minimal API, and a git commit.
/// </summary>
internal sealed class ServiceProject : IDisposable
{
    private readonly TemporaryDirectory _directory = new("welltrack-service-");

    public ServiceProject(string name = "WellTrack.Backend", string extraProperties = "")
    {
        Name = name;
        Directory = _directory.CreateDirectory("src");
        PackedSdk.Consume(Directory, "WellTrack.Sdk");
        File.WriteAllText(Path.Combine(Directory, $"{name}.csproj"), $"""
            <Project Sdk="WellTrack.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <InvariantGlobalization>true</InvariantGlobalization>
                <ImplicitUsings>enable</ImplicitUsings>
                {extraProperties}
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(Directory, "Program.cs"), """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/healthz", () => Results.Ok(new { status = "Healthy" }));
            app.Run();
            """);
        TestGit.Run(Directory, "init", "--quiet", "--initial-branch=main");
        TestGit.Run(Directory, "add", "--all");
        TestGit.Run(Directory, "commit", "--quiet", "-m", "A service");
        TestGit.Run(Directory, "remote", "add", "origin", "https://github.com/hongda-zhu/PTI-WellTrackBack.git");
    }

    public string Name { get; }

    public string Directory { get; }

    public string ShortCommit => TestGit.Run(Directory, "rev-parse", "--short=7", "HEAD").Trim();

    public string Commit => TestGit.Run(Directory, "rev-parse", "HEAD").Trim();

    public Task<ProcessRunner.Result> DotnetAsync(params string[] arguments)
        => DotnetCli.RunAsync(Directory, arguments, new Dictionary<string, string?> { ["WELLTRACK_CACHE"] = Path.Combine(_directory.Path, "cache") });

    public void Dispose() => _directory.Dispose();
}
