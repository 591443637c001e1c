using System.IO.Compression;

namespace WellTrack.Sdk.Evaluation.Tests;

/// <summary>WellTrack.Sdk.GitOps: its defaults, each overridden from everywhere, and the NoTargets project it is.</summary>
[TestClass]
public sealed class GitOpsSdkTests
{
    [TestMethod]
    public void DefaultsAreThePublicContract()
    {
        using var gitops = SdkProject.GitOps();

        var project = gitops.Evaluate();

        Assert.AreEqual("true", project.GetPropertyValue("UsingWellTrackGitOpsSdk"));
        Assert.AreEqual("true", project.GetPropertyValue("UsingMicrosoftNoTargetsSdk"), "a Microsoft.Build.NoTargets project");
        Assert.AreEqual("net10.0", project.GetPropertyValue("TargetFramework"));
        Assert.AreEqual("false", project.GetPropertyValue("EnableDefaultItems"));
        Assert.AreEqual("false", project.GetPropertyValue("IsPackable"));
        Assert.AreEqual("charts", project.GetPropertyValue("GitOpsChartsDirectory"));
        Assert.AreEqual(gitops.Directory, project.GetPropertyValue("GitOpsScanDirectory"));
        Assert.AreEqual("true", project.GetPropertyValue("GitOpsValidateCharts"));
        Assert.AreEqual("true", project.GetPropertyValue("GitOpsCheckSecrets"));
        Assert.AreEqual("false", project.GetPropertyValue("GitOpsStrict"));
        Assert.AreEqual("false", project.GetPropertyValue("GitOpsOffline"));
        Assert.AreEqual("CoreBuild", project.GetPropertyValue("GitOpsValidateAfterTargets"));
        StringAssert.EndsWith(project.GetPropertyValue("WellTrackTasksAssembly").Replace('\\', '/'), "/build/../tasks/net10.0/WellTrack.Sdk.Tasks.dll");
        // What a project that compiles nothing does not produce (NoTargets' defaults).
        Assert.AreEqual("false", project.GetPropertyValue("ProduceReferenceAssembly"));
        Assert.AreEqual("false", project.GetPropertyValue("GenerateAssemblyInfo"));
        Assert.AreEqual("false", project.GetPropertyValue("GenerateDependencyFile"));
        Assert.AreEqual("false", project.GetPropertyValue("IncludeBuildOutput"));
        Assert.AreEqual("true", project.GetPropertyValue("SkipCopyBuildProduct"));
    }

    /// <summary>These used to be set unguarded, so Directory.Build.props could not change them.</summary>
    [TestMethod]
    [DataRow(PropertySource.CommandLine)]
    [DataRow(PropertySource.DirectoryBuildProps)]
    [DataRow(PropertySource.ProjectBody)]
    public void EveryDefaultCanBeOverridden(PropertySource source)
    {
        var overrides = new Dictionary<string, string>
        {
            ["TargetFramework"] = "net9.0",
            ["EnableDefaultItems"] = "true",
            ["IsPackable"] = "true",
            ["GitOpsChartsDirectory"] = ".",
            ["GitOpsScanDirectory"] = "/srv/gitops",
            ["GitOpsValidateCharts"] = "false",
            ["GitOpsCheckSecrets"] = "false",
            ["GitOpsStrict"] = "true",
            ["GitOpsOffline"] = "true",
            ["GitOpsValidateAfterTargets"] = "Build",
            ["WellTrackTasksAssembly"] = "/opt/fresh/WellTrack.Sdk.Tasks.dll",
            ["GenerateAssemblyInfo"] = "true",
            ["GenerateDependencyFile"] = "true",
            ["IncludeBuildOutput"] = "true",
        };
        using var gitops = SdkProject.GitOps();
        gitops.AssertEveryOverrideWins(source, overrides);
    }

    /// <summary>
    /// NoTargets' extension points work in a GitOps project: a step hooked into CoreCompileDependsOn, BeforeCompile and
    /// AfterCompile runs in that order inside Build, and no assembly is produced. A real build, in this process.
    /// </summary>
    [TestMethod]
    public void CompileExtensionPointsRunAndNothingIsCompiled()
    {
        using var gitops = NoChecks(SdkProject.GitOps()).WithBody("""
              <PropertyGroup>
                <CoreCompileDependsOn>$(CoreCompileDependsOn);RenderDocs</CoreCompileDependsOn>
              </PropertyGroup>
              <Target Name="RenderDocs" />
              <Target Name="BeforeCompile" />
              <Target Name="AfterCompile" />
            """);
        gitops.Restore();

        var build = gitops.Build("Build");

        Assert.IsTrue(build.Succeeded, build.Text);
        var order = new[] { "BeforeCompile", "RenderDocs", "CoreCompile", "AfterCompile", "CoreBuild" }.Select(name => build.TargetsRun.IndexOf(name)).ToList();
        Assert.IsTrue(order.All(index => index >= 0), string.Join(", ", build.TargetsRun));
        CollectionAssert.AreEqual(order.Order().ToList(), order, string.Join(", ", build.TargetsRun));
        CollectionAssert.DoesNotContain(build.TargetsRun, "GitOpsValidateCharts");
        Assert.IsFalse(Directory.EnumerateFiles(gitops.Directory, "*.dll", SearchOption.AllDirectories).Any(), "no assembly, reference assembly or copy");
    }

    [TestMethod]
    public void APackedGitOpsProjectCarriesNoAssembly()
    {
        using var gitops = NoChecks(SdkProject.GitOps())
            .Set(PropertySource.ProjectBody, "IsPackable", "true")
            .Set(PropertySource.ProjectBody, "PackageId", "Example.GitOps")
            .Set(PropertySource.ProjectBody, "PackageVersion", "1.0.0")
            .Set(PropertySource.ProjectBody, "PackageOutputPath", "packages")
            .WithBody("""<ItemGroup><None Include="charts/README.md" Pack="true" PackagePath="content/" /></ItemGroup>""");
        gitops.WriteFile("charts/README.md", "The charts.\n");
        gitops.Restore();

        var pack = gitops.Build("Pack");

        Assert.IsTrue(pack.Succeeded, pack.Text);
        using var package = ZipFile.OpenRead(Path.Combine(gitops.Directory, "packages", "Example.GitOps.1.0.0.nupkg"));
        var entries = package.Entries.Select(entry => entry.FullName).ToList();
        CollectionAssert.Contains(entries, "content/README.md", string.Join(", ", entries));
        Assert.IsFalse(entries.Any(entry => entry.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)), string.Join(", ", entries));
    }

    private static SdkProject NoChecks(SdkProject project)
        => project.Set(PropertySource.ProjectBody, "GitOpsValidateCharts", "false").Set(PropertySource.ProjectBody, "GitOpsCheckSecrets", "false");
}
