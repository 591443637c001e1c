using WellTrack.Testing;

namespace WellTrack.Core.Tests.Architecture;

/// <summary>The project graph of sdk/ follows its layers (docs/architecture.md): nothing references up or sideways.</summary>
[TestClass]
public sealed class LayeringTests
{
    [TestMethod]
    public void EveryProjectReferencesOnlyLayersBelowIt()
    {
        var sdk = Path.Combine(RepositoryPaths.Root(typeof(LayeringTests).Assembly), "sdk");

        var violations = ProjectLayers.Violations(sdk);

        Assert.AreEqual(0, violations.Count, string.Join(Environment.NewLine, violations));
    }

    [TestMethod]
    public void EveryLayerHoldsAProject()
    {
        var sdk = Path.Combine(RepositoryPaths.Root(typeof(LayeringTests).Assembly), "sdk");

        foreach (var layer in ProjectLayers.Order)
        {
            Assert.IsNotEmpty(Directory.GetFiles(Path.Combine(sdk, layer), "*.csproj", SearchOption.AllDirectories), layer);
        }
    }

    [TestMethod]
    [DataRow("engine/Engine/Engine.csproj", "../../core/Core/Core.csproj", DisplayName = "engine up to core")]
    [DataRow("diagnostics/Diagnostics/Diagnostics.csproj", "../../engine/Engine/Engine.csproj", DisplayName = "diagnostics up to engine")]
    [DataRow("frontends/Cli/Cli.csproj", "../Tasks/Tasks.csproj", DisplayName = "front end sideways")]
    [DataRow("core/Core/Core.csproj", "../../packages/Sdk/Sdk.csproj", DisplayName = "core up to a package")]
    [DataRow("packages/Sdk/Sdk.csproj", "../../../tests/Tests/Tests.csproj", DisplayName = "out of sdk/")]
    public void AReferenceUpOrSidewaysIsAViolation(string project, string reference)
    {
        using var tree = new TemporaryDirectory();
        var sdk = Path.Combine(tree.Path, "sdk");
        foreach (var layer in ProjectLayers.Order)
        {
            WriteProject(Path.Combine(sdk, layer, "Placeholder", "Placeholder.csproj"));
        }

        WriteProject(Path.Combine(sdk, "frontends", "Tasks", "Tasks.csproj"));
        WriteProject(Path.Combine(sdk, project.Replace('/', Path.DirectorySeparatorChar)), reference);

        var violations = ProjectLayers.Violations(sdk);

        Assert.HasCount(1, violations, string.Join(Environment.NewLine, violations));
        StringAssert.Contains(violations[0], project);
    }

    [TestMethod]
    public void AProjectOutsideTheLayerFoldersIsAViolation()
    {
        using var tree = new TemporaryDirectory();
        var sdk = Path.Combine(tree.Path, "sdk");
        WriteProject(Path.Combine(sdk, "misc", "Stray", "Stray.csproj"));

        var violations = ProjectLayers.Violations(sdk);

        Assert.HasCount(1, violations);
        StringAssert.Contains(violations[0], "misc/Stray/Stray.csproj is in no layer folder");
    }

    private static void WriteProject(string path, string? reference = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var item = reference is null ? "" : $"<ItemGroup><ProjectReference Include=\"{reference}\" /></ItemGroup>";
        File.WriteAllText(path, $"<Project Sdk=\"Microsoft.NET.Sdk\">{item}</Project>");
    }
}
