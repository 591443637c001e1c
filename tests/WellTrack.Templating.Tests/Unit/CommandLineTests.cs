using WellTrack.Templating.Charts;

namespace WellTrack.Templating.Tests.Unit;

/// <summary>The `welltrack template` arguments and their defaults (those of `helm template` and the oracle).</summary>
[TestClass]
public sealed class CommandLineTests
{
    [TestMethod]
    public void DefaultsMatchHelm()
    {
        var line = HelmTemplateCommandLine.Parse(["chart"], out var error);
        Assert.IsNull(error);
        Assert.AreEqual("chart", line!.ChartDirectory);
        Assert.AreEqual(("release-name", "default", "v1.31.0"), (line.Options.ReleaseName, line.Options.Namespace, line.Options.KubeVersion));
        Assert.AreEqual(0, line.Options.ApiVersions.Count);
    }

    [TestMethod]
    public void RepeatableFlagsAccumulateInOrder()
    {
        var line = HelmTemplateCommandLine.Parse(
            ["--name", "r", "c", "-f", "a.yaml", "--values=b.yaml", "--set", "x=1", "--set", "y=2", "--api-versions", "g/v1", "--namespace", "n", "--kube-version", "1.29"],
            out _)!;
        CollectionAssert.AreEqual(new[] { "a.yaml", "b.yaml" }, line.Options.ValueFiles.ToArray());
        CollectionAssert.AreEqual(new[] { "x=1", "y=2" }, line.Options.SetValues.ToArray());
        CollectionAssert.AreEqual(new[] { "g/v1" }, line.Options.ApiVersions.ToArray());
        Assert.AreEqual(("r", "n", "1.29"), (line.Options.ReleaseName, line.Options.Namespace, line.Options.KubeVersion));
    }

    [TestMethod]
    [DataRow(new string[0], "missing <chart-dir>")]
    [DataRow(new[] { "a", "b" }, "expected exactly one chart directory")]
    [DataRow(new[] { "a", "--bogus" }, "unknown flag: --bogus")]
    [DataRow(new[] { "a", "--set" }, "flag needs an argument: --set")]
    public void UsageErrors(string[] args, string expected)
    {
        Assert.IsNull(HelmTemplateCommandLine.Parse(args, out var error));
        Assert.AreEqual(expected, error);
    }
}
