namespace WellTrack.Sdk.Evaluation.Tests;

/// <summary>WellTrack.Sdk: every default of the public contract, and each one overridden from every place a user sets it.</summary>
[TestClass]
public sealed class ServiceSdkDefaultsTests
{
    [TestMethod]
    public void DefaultsAreThePublicContract()
    {
        using var service = SdkProject.Service();

        var project = service.Evaluate();

        Assert.AreEqual("true", project.GetPropertyValue("UsingWellTrackSdk"));
        Assert.AreEqual("true", project.GetPropertyValue("UsingMicrosoftNETSdkWeb"), "everything of Microsoft.NET.Sdk.Web");
        Assert.AreEqual("true", project.GetPropertyValue("EnableSdkContainerSupport"));
        Assert.AreEqual("linux-x64", project.GetPropertyValue("ContainerRuntimeIdentifier"));
        Assert.AreEqual("false", project.GetPropertyValue("GitOpsBump"));
        Assert.AreEqual("well-track-backend", project.GetPropertyValue("GitOpsChart"), "the project's kebab-case name");
        Assert.AreEqual("well-track-backend", project.GetPropertyValue("ContainerRepository"), "the image is named after the chart");
        Assert.AreEqual(string.Empty, project.GetPropertyValue("WellTrackPublishContainerOnPublish"), "a plain publish pushes no image");
        Assert.AreEqual("PublishContainer", project.GetPropertyValue("GitOpsBumpAfterTargets"));
        Assert.AreEqual(
            Path.GetFullPath(Path.Combine(SdkProject.SdkDirectory(SdkProject.ServiceSdk), "..", "build", "..", "tasks", "net10.0", "WellTrack.Sdk.Tasks.dll")),
            Path.GetFullPath(project.GetPropertyValue("WellTrackTasksAssembly")));
    }

    /// <summary>
    /// The bump's options are the core's to default (BumpDefaults): the SDK leaves them empty, so MSBuild leaves the
    /// task's parameters unset (BumpImageTagTests asserts what the task then uses).
    /// </summary>
    [TestMethod]
    [DataRow("GitOpsBranch")]
    [DataRow("GitOpsValuesFile")]
    [DataRow("GitOpsChartsDirectory")]
    [DataRow("GitOpsValuePath")]
    [DataRow("GitOpsPush")]
    [DataRow("GitOpsDryRun")]
    [DataRow("GitOpsSetRepository")]
    [DataRow("GitOpsAllowDowngrade")]
    [DataRow("GitOpsForcePinned")]
    [DataRow("GitOpsMaxAttempts")]
    [DataRow("GitOpsNetworkTimeout")]
    [DataRow("GitOpsCommitAuthor")]
    [DataRow("GitOpsCommitMessage")]
    public void BumpOptionsAreLeftToTheCore(string name)
    {
        using var service = SdkProject.Service();

        var project = service.Evaluate();

        Assert.AreEqual(string.Empty, project.GetPropertyValue(name));
        var bump = project.Targets["GitOpsBump"].Tasks.Single(t => t.Name == "BumpImageTag");
        CollectionAssert.Contains(bump.Parameters.Values.ToList(), $"$({name})", $"{name} reaches the task");
    }

    [TestMethod]
    [DataRow(PropertySource.CommandLine)]
    [DataRow(PropertySource.DirectoryBuildProps)]
    [DataRow(PropertySource.ProjectBody)]
    public void EveryDefaultCanBeOverridden(PropertySource source)
    {
        var overrides = new Dictionary<string, string>
        {
            ["EnableSdkContainerSupport"] = "false",
            ["ContainerRuntimeIdentifier"] = "linux-arm64",
            ["GitOpsBump"] = "true",
            ["GitOpsChart"] = "welltrack-backend;welltrack-worker",
            ["ContainerRepository"] = "hongda-zhu/backend",
            ["WellTrackPublishContainerOnPublish"] = "false",
            ["GitOpsBumpAfterTargets"] = "PushImageElsewhere",
            ["WellTrackTasksAssembly"] = "/opt/fresh/WellTrack.Sdk.Tasks.dll",
            ["GitOpsBranch"] = "production",
            ["GitOpsMaxAttempts"] = "3",
            ["GitOpsNetworkTimeout"] = "30",
        };
        using var service = SdkProject.Service();
        service.AssertEveryOverrideWins(source, overrides);
    }

    [TestMethod]
    [DataRow(PropertySource.CommandLine)]
    [DataRow(PropertySource.DirectoryBuildProps)]
    [DataRow(PropertySource.ProjectBody)]
    public void TheImageIsNamedAfterTheFirstChartWhereverTheChartsAreSet(PropertySource source)
    {
        using var service = SdkProject.Service().Set(source, "GitOpsChart", "welltrack-backend;welltrack-worker");

        var project = service.Evaluate();

        Assert.AreEqual("welltrack-backend", project.GetPropertyValue("ContainerRepository"));
    }

    [TestMethod]
    public void ABumpingPublishPushesTheImage()
    {
        using var service = SdkProject.Service().Set(PropertySource.CommandLine, "GitOpsBump", "true");

        Assert.AreEqual("true", service.Evaluate().GetPropertyValue("WellTrackPublishContainerOnPublish"));
    }

    /// <summary>The .NET SDK's container targets then build the image for that RuntimeIdentifier.</summary>
    [TestMethod]
    [DataRow(PropertySource.CommandLine)]
    [DataRow(PropertySource.DirectoryBuildProps)]
    [DataRow(PropertySource.ProjectBody)]
    public void AProjectsOwnRuntimeIdentifierIsLeftToTheNetSdk(PropertySource source)
    {
        using var service = SdkProject.Service().Set(source, "RuntimeIdentifier", "linux-musl-x64");

        var project = service.Evaluate();

        Assert.AreEqual(string.Empty, project.GetPropertyValue("ContainerRuntimeIdentifier"));
    }
}
