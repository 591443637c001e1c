using System.Text.Json;

namespace WellTrack.Sdk.Tests;

/// <summary>Every default of the public contract, and that each can be overridden, read from real evaluations.</summary>
[TestClass]
public sealed class SdkPropertyTests
{
    private static readonly string[] Names =
    [
        "GitOpsBump", "GitOpsBranch", "GitOpsChart", "GitOpsValuesFile", "GitOpsDryRun", "GitOpsPush", "GitOpsSetRepository",
        "GitOpsChartsDirectory", "GitOpsMaxAttempts", "GitOpsValuePath", "GitOpsAllowDowngrade", "GitOpsForcePinned",
        "ContainerRepository", "EnableSdkContainerSupport", "UsingWellTrackSdk", "UsingMicrosoftNETSdkWeb",
    ];

    [TestMethod]
    public async Task DefaultsAreThePublicContract()
    {
        using var service = new ServiceProject();

        var properties = await EvaluateAsync(service);

        Assert.AreEqual("false", properties["GitOpsBump"]);
        Assert.AreEqual("main", properties["GitOpsBranch"]);
        Assert.AreEqual("well-track-backend", properties["GitOpsChart"]);
        Assert.AreEqual("values.yaml", properties["GitOpsValuesFile"]);
        Assert.AreEqual("false", properties["GitOpsDryRun"]);
        Assert.AreEqual("true", properties["GitOpsPush"]);
        Assert.AreEqual("false", properties["GitOpsSetRepository"]);
        Assert.AreEqual("charts", properties["GitOpsChartsDirectory"]);
        Assert.AreEqual("8", properties["GitOpsMaxAttempts"]);
        Assert.AreEqual("image.tag", properties["GitOpsValuePath"]);
        Assert.AreEqual("false", properties["GitOpsAllowDowngrade"]);
        Assert.AreEqual("false", properties["GitOpsForcePinned"]);
        Assert.AreEqual("well-track-backend", properties["ContainerRepository"]);
        Assert.AreEqual("true", properties["EnableSdkContainerSupport"]);
        Assert.AreEqual("true", properties["UsingWellTrackSdk"]);
        Assert.AreEqual("true", properties["UsingMicrosoftNETSdkWeb"], "everything of Microsoft.NET.Sdk.Web");
    }

    [TestMethod]
    public async Task EveryDefaultCanBeOverridden()
    {
        using var service = new ServiceProject(extraProperties: """
            <GitOpsBranch>production</GitOpsBranch>
            <GitOpsChart>welltrack-backend;welltrack-worker</GitOpsChart>
            <GitOpsValuesFile>values.yaml;values-prod.yaml</GitOpsValuesFile>
            <GitOpsPush>false</GitOpsPush>
            <GitOpsMaxAttempts>3</GitOpsMaxAttempts>
            <EnableSdkContainerSupport>false</EnableSdkContainerSupport>
            """);

        var properties = await EvaluateAsync(service, "-p:GitOpsDryRun=true");

        Assert.AreEqual("production", properties["GitOpsBranch"]);
        Assert.AreEqual("welltrack-backend;welltrack-worker", properties["GitOpsChart"]);
        Assert.AreEqual("welltrack-backend", properties["ContainerRepository"], "the image is named after the first chart");
        Assert.AreEqual("values.yaml;values-prod.yaml", properties["GitOpsValuesFile"]);
        Assert.AreEqual("false", properties["GitOpsPush"]);
        Assert.AreEqual("3", properties["GitOpsMaxAttempts"]);
        Assert.AreEqual("false", properties["EnableSdkContainerSupport"]);
        Assert.AreEqual("true", properties["GitOpsDryRun"]);
    }

    [TestMethod]
    public async Task ExplicitContainerRepositoryWins()
    {
        using var service = new ServiceProject(extraProperties: "<ContainerRepository>hongda-zhu/backend</ContainerRepository>");

        var properties = await EvaluateAsync(service);

        Assert.AreEqual("hongda-zhu/backend", properties["ContainerRepository"]);
    }

    private static async Task<Dictionary<string, string>> EvaluateAsync(ServiceProject service, params string[] extra)
    {
        var result = await service.DotnetAsync(["msbuild", "-restore", "-nologo", .. Names.Select(n => $"-getProperty:{n}"), .. extra]);
        Assert.AreEqual(0, result.ExitCode, result.Output + result.Error);
        using var json = JsonDocument.Parse(result.Output);
        return json.RootElement.GetProperty("Properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty);
    }
}
