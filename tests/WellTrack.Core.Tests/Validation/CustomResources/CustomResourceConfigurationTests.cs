using WellTrack.Core.Validation;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Validation.CustomResources;

/// <summary>validation.customResourceDefinitions in welltrack.yaml: paths relative to the file; wrong types and
/// missing paths are configuration errors with a position.</summary>
[TestClass]
public sealed class CustomResourceConfigurationTests
{
    public static IEnumerable<object[]> BrokenConfigurations()
    {
        yield return ["not a list", "validation:\n  customResourceDefinitions: »platform/crds\n", "a list of paths"];
        yield return ["a mapping in the list", "validation:\n  customResourceDefinitions: »[{ path: platform }]\n", "a list of paths"];
        yield return ["a path that does not exist", "validation:\n  customResourceDefinitions:\n    - platform\n    - »platform/gone.yaml\n", "customResourceDefinitions[1]"];
    }

    [TestMethod]
    [DynamicData(nameof(BrokenConfigurations))]
    public void ABrokenListIsAConfigurationError(string name, string yaml, string inMessage)
    {
        using var directory = new TemporaryDirectory();
        Directory.CreateDirectory(directory.Combine("platform"));
        var marker = ValidationTestSupport.Marker(yaml)!.Value;
        var file = directory.Combine("welltrack.yaml");

        var result = ValidationConfiguration.Parse(marker.Text, file);

        Assert.HasCount(1, result.Diagnostics, $"{name}: {string.Join("\n", result.Diagnostics)}");
        var diagnostic = result.Diagnostics[0];
        Assert.AreEqual("WT3907", diagnostic.Code, name);
        Assert.IsTrue(diagnostic.IsError, name);
        Assert.AreEqual((marker.Line, marker.Column), (diagnostic.Line, diagnostic.Column), $"{name}: {diagnostic}");
        Assert.Contains(inMessage, diagnostic.Message, name);
        Assert.IsFalse(result.Settings.CustomResourceDefinitions.Any(p => p.EndsWith("gone.yaml", StringComparison.Ordinal)), name);
    }

    [TestMethod]
    public void PathsAreResolvedAgainstTheConfigurationFile()
    {
        using var directory = new TemporaryDirectory();
        Directory.CreateDirectory(directory.Combine("platform", "crds"));
        File.WriteAllText(directory.Combine("gateway.yaml"), "# definitions\n");

        var result = ValidationConfiguration.Parse("validation:\n  customResourceDefinitions: [platform/crds, ./gateway.yaml]\n", directory.Combine("welltrack.yaml"));

        Assert.IsEmpty(result.Diagnostics, string.Join("\n", result.Diagnostics));
        CollectionAssert.AreEqual(
            new[] { Path.GetFullPath(directory.Combine("platform", "crds")), Path.GetFullPath(directory.Combine("gateway.yaml")) },
            result.Settings.CustomResourceDefinitions.ToList());
    }
}
