namespace WellTrack.Sdk.Evaluation.Tests;

/// <summary>
/// Custom{Before,After}&lt;Sdk&gt;{Props,Targets}: files imported around each SDK's own, in that order, so a team can
/// set defaults before the SDK's, read them after, and adjust targets on either side.
/// </summary>
[TestClass]
public sealed class ExtensionPointTests
{
    [TestMethod]
    [DataRow(SdkProject.ServiceSdk, "WellTrackSdk", "GitOpsBump", "false")]
    [DataRow(SdkProject.GitOpsSdk, "WellTrackGitOpsSdk", "GitOpsStrict", "false")]
    public void FilesAreImportedAroundTheSdksOwnInOrder(string sdk, string infix, string guardedDefault, string defaultValue)
    {
        using var project = sdk == SdkProject.ServiceSdk ? SdkProject.Service() : SdkProject.GitOps();
        var files = new Dictionary<string, string>
        {
            // Before the props: a value set here is one the SDK's guarded default leaves alone.
            [$"CustomBefore{infix}Props"] = $"<SeenBeforeProps>[$({guardedDefault})]</SeenBeforeProps><{guardedDefault}>from-before</{guardedDefault}>",
            // After the props and before the body: the SDK's defaults are there to read.
            [$"CustomAfter{infix}Props"] = $"<SeenAfterProps>[$({guardedDefault})]</SeenAfterProps>",
            [$"CustomBefore{infix}Targets"] = "<SeenBeforeTargets>[$(BodyProperty)]</SeenBeforeTargets>",
            [$"CustomAfter{infix}Targets"] = "<SeenAfterTargets>[$(GitOpsChart)$(GitOpsValidateAfterTargets)]</SeenAfterTargets>",
        };
        foreach (var (name, properties) in files)
        {
            project.Set(PropertySource.CommandLine, name, project.WriteFile($"{name}.props", $"<Project><PropertyGroup>{properties}</PropertyGroup></Project>"));
        }

        project.Set(PropertySource.ProjectBody, "BodyProperty", "body");

        var evaluated = project.Evaluate();

        Assert.AreEqual("[]", evaluated.GetPropertyValue("SeenBeforeProps"), "imported before the SDK's props");
        Assert.AreEqual("from-before", evaluated.GetPropertyValue(guardedDefault), "the SDK's default is guarded");
        Assert.AreEqual("[from-before]", evaluated.GetPropertyValue("SeenAfterProps"));
        Assert.AreEqual("[body]", evaluated.GetPropertyValue("SeenBeforeTargets"), "imported after the project body");
        Assert.AreEqual(sdk == SdkProject.ServiceSdk ? "[well-track-backend]" : "[CoreBuild]", evaluated.GetPropertyValue("SeenAfterTargets"),
            "imported after the SDK's targets computed their defaults");
        var order = files.Keys.Select(name => evaluated.ImportPaths.ToList().IndexOf(Path.Combine(project.Directory, $"{name}.props"))).ToList();
        CollectionAssert.AreEqual(order.Order().ToList(), order, string.Join("\n", evaluated.ImportPaths));
        Assert.IsTrue(order.All(index => index >= 0));
    }

    [TestMethod]
    [DataRow(SdkProject.ServiceSdk, "WellTrackSdk")]
    [DataRow(SdkProject.GitOpsSdk, "WellTrackGitOpsSdk")]
    public void AFileThatDoesNotExistIsIgnored(string sdk, string infix)
    {
        using var project = sdk == SdkProject.ServiceSdk ? SdkProject.Service() : SdkProject.GitOps();
        foreach (var position in new[] { "Before", "After" })
        {
            foreach (var kind in new[] { "Props", "Targets" })
            {
                project.Set(PropertySource.CommandLine, $"Custom{position}{infix}{kind}", Path.Combine(project.Directory, "missing.props"));
            }
        }

        var evaluated = project.Evaluate();

        Assert.IsFalse(evaluated.ImportPaths.Any(path => path.EndsWith("missing.props", StringComparison.Ordinal)));
    }
}
