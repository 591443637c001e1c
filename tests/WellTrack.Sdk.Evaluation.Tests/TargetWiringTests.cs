using Microsoft.Build.Construction;
using Microsoft.Build.Execution;
using WellTrack.Diagnostics;

namespace WellTrack.Sdk.Evaluation.Tests;

/// <summary>Where the SDKs' targets run, on what conditions, and that nothing runs a task the host cannot load.</summary>
[TestClass]
public sealed class TargetWiringTests
{
    private const string RuntimeCheck = "WellTrackCheckMSBuildRuntime";

    [TestMethod]
    public void TheBumpFollowsThePushByDefaultAndTheNamedTargetWhenOverridden()
    {
        using var byDefault = SdkProject.Service();
        using var overridden = SdkProject.Service().Set(PropertySource.ProjectBody, "GitOpsBumpAfterTargets", "PushImageElsewhere");

        Assert.AreEqual("PublishContainer", AfterTargets(byDefault.Evaluate(), "WellTrackBumpPublishedImage"));
        Assert.AreEqual("PushImageElsewhere", AfterTargets(overridden.Evaluate(), "WellTrackBumpPublishedImage"));
    }

    [TestMethod]
    public void TheBumpRunsAfterTheNamedTargetOnlyWhenAsked()
    {
        const string push = """<Target Name="PushImageElsewhere" />""";
        using var bumping = SdkProject.Service().WithBody(push)
            .Set(PropertySource.CommandLine, "GitOpsBumpAfterTargets", "PushImageElsewhere")
            .Set(PropertySource.CommandLine, "GitOpsBump", "true")
            .Set(PropertySource.CommandLine, "WellTrackMSBuildRuntimeType", "Full");
        using var notBumping = SdkProject.Service().WithBody(push)
            .Set(PropertySource.CommandLine, "GitOpsBumpAfterTargets", "PushImageElsewhere");

        var bumped = bumping.Build("PushImageElsewhere");
        var skipped = notBumping.Build("PushImageElsewhere");

        // The runtime check stops the bump before its first task: the tasks are not even built in the source tree, so
        // any task that ran would have failed to load instead.
        Assert.AreEqual("PushImageElsewhere", bumped.TargetsRun[0], bumped.Text);
        CollectionAssert.Contains(bumped.TargetsRun, RuntimeCheck, bumped.Text);
        Assert.AreEqual("WT9101", bumped.Errors.Single().Code, bumped.Text);
        Assert.IsTrue(skipped.Succeeded, skipped.Text);
        CollectionAssert.AreEqual(new[] { "PushImageElsewhere" }, skipped.TargetsRun);
    }

    [TestMethod]
    [DataRow(SdkProject.ServiceSdk, "GitOpsBump")]
    [DataRow(SdkProject.GitOpsSdk, "GitOpsValidateCharts")]
    [DataRow(SdkProject.GitOpsSdk, "GitOpsCheckNoPlainSecrets")]
    public void OnNetFrameworkMSBuildATargetStopsWithWT9101BeforeAnyTask(string sdk, string target)
    {
        using var project = (sdk == SdkProject.ServiceSdk ? SdkProject.Service() : SdkProject.GitOps())
            .Set(PropertySource.CommandLine, "WellTrackMSBuildRuntimeType", "Full")
            .Set(PropertySource.CommandLine, "GitOpsImageTag", "5d6e7f8")
            .Set(PropertySource.CommandLine, "GitOpsRepository", "https://example.invalid/gitops.git");

        var build = project.Build(target);

        Assert.IsFalse(build.Succeeded);
        var error = build.Errors.Single();
        Assert.AreEqual("WT9101", error.Code);
        Assert.AreEqual(DiagnosticMessages.Format(DiagnosticCodes.WT9101, "Full"), error.Message, "the targets repeat the resource's text");
        Assert.AreEqual(project.FullPath, error.File);
    }

    [TestMethod]
    [DataRow(SdkProject.ServiceSdk)]
    [DataRow(SdkProject.GitOpsSdk)]
    public void OnTheNetSdksMSBuildTheRuntimeCheckIsSkipped(string sdk)
    {
        using var project = sdk == SdkProject.ServiceSdk ? SdkProject.Service() : SdkProject.GitOps();

        var build = project.Build(RuntimeCheck);

        Assert.IsTrue(build.Succeeded, build.Text);
        Assert.AreEqual("Core", project.Evaluate().GetPropertyValue("WellTrackMSBuildRuntimeType"));
        CollectionAssert.DoesNotContain(build.TargetsRun, RuntimeCheck);
    }

    /// <summary>Every target that runs one of the SDK's own tasks checks the host first (DependsOnTargets run before tasks).</summary>
    [TestMethod]
    [DataRow(SdkProject.ServiceSdk, "WellTrack.Sdk.targets")]
    [DataRow(SdkProject.GitOpsSdk, "WellTrack.Sdk.GitOps.targets")]
    public void EveryTargetThatRunsATaskOfTheSdkChecksTheHostFirst(string sdk, string targetsFile)
    {
        using var project = sdk == SdkProject.ServiceSdk ? SdkProject.Service() : SdkProject.GitOps();
        var instance = project.Evaluate();
        var taskNames = ProjectRootElement.Open(Path.Combine(SdkProject.SdkDirectory(sdk), "..", "build", targetsFile))!.UsingTasks
            .Select(usingTask => usingTask.TaskName.Split('.').Last()).ToHashSet(StringComparer.Ordinal);

        var targetsRunningTasks = instance.Targets.Values.Where(t => t.Tasks.Any(task => taskNames.Contains(task.Name))).ToList();

        Assert.IsTrue(targetsRunningTasks.Count >= 2, string.Join(", ", taskNames));
        foreach (var target in targetsRunningTasks)
        {
            CollectionAssert.Contains(Dependencies(instance, target.Name).ToList(), RuntimeCheck, target.Name);
        }
    }

    [TestMethod]
    [DataRow("GitOpsValidateCharts", "GitOpsValidateCharts", "validate.stamp")]
    [DataRow("GitOpsCheckNoPlainSecrets", "GitOpsCheckSecrets", "secrets.stamp")]
    public void TheChecksRunAfterCoreBuildWhenOnAndOnlyWhenTheirInputsChanged(string target, string switchProperty, string stamp)
    {
        using var project = SdkProject.GitOps();
        var chart = project.WriteFile("charts/welltrack-backend/values.yaml", "image:\n  tag: 1a2b3c4\n");
        project.WriteFile("charts/welltrack-backend/bin/leftover.yaml", "a: 1\n");
        var instance = project.Evaluate();
        var definition = instance.Targets[target];

        Assert.AreEqual("CoreBuild", AfterTargets(instance, target));
        Assert.AreEqual($"'$({switchProperty})' == 'true'", definition.Condition);
        var inputs = instance.ExpandString(definition.Inputs).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Path.GetFullPath).ToList();
        CollectionAssert.Contains(inputs, chart);
        CollectionAssert.Contains(inputs, Path.GetFullPath(instance.GetPropertyValue("WellTrackTasksAssembly")), "a new SDK version checks again");
        Assert.IsFalse(inputs.Any(path => path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)), "build outputs are no input");
        Assert.AreEqual(Path.Combine(project.Directory, "obj", "welltrack", stamp), Path.GetFullPath(instance.ExpandString(definition.Outputs).Replace('\\', '/'), project.Directory),
            "under obj/ (MSBuild's own BaseIntermediateOutputPath is written with a backslash)");
    }

    [TestMethod]
    public void TheChecksFollowTheTargetTheProjectNames()
    {
        using var project = SdkProject.GitOps().Set(PropertySource.DirectoryBuildProps, "GitOpsValidateAfterTargets", "Build");

        var instance = project.Evaluate();

        Assert.AreEqual("Build", AfterTargets(instance, "GitOpsValidateCharts"));
        Assert.AreEqual("Build", AfterTargets(instance, "GitOpsCheckNoPlainSecrets"));
    }

    private static string AfterTargets(ProjectInstance instance, string target) => instance.ExpandString(instance.Targets[target].AfterTargets).Trim();

    private static IEnumerable<string> Dependencies(ProjectInstance instance, string target)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>([target]);
        while (pending.TryPop(out var name))
        {
            if (!instance.Targets.TryGetValue(name, out var definition))
            {
                continue;
            }

            foreach (var dependency in instance.ExpandString(definition.DependsOnTargets).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (seen.Add(dependency))
                {
                    pending.Push(dependency);
                }
            }
        }

        return seen;
    }
}
