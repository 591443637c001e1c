using WellTrack.Templating.Charts;

namespace WellTrack.Templating.Tests.Unit;

/// <summary>Chart.yaml's kubeVersion against a Kubernetes version, as Helm checks it before rendering.</summary>
[TestClass]
public sealed class KubeVersionRequirementTests
{
    [TestMethod]
    [DataRow(">=1.30.0-0", "v1.30.0", true)]
    [DataRow(">=1.30.0", "v1.30.2-eks-1", false)] // a pre-release version needs a pre-release bound
    [DataRow(">=1.30.0-0", "v1.30.2-eks-1", true)]
    [DataRow("1.30.x", "1.30", true)]
    [DataRow("<1.20 || >=1.30", "v1.31.0", true)]
    [DataRow(">= 1.25, < 1.29", "v1.30.0", false)]
    [DataRow("not a constraint", "v1.30.0", null)]
    [DataRow(">=1.25", "latest", null)]
    public void ChecksAsHelmDoes(string constraint, string kubeVersion, bool? compatible)
        => Assert.AreEqual(compatible, KubeVersionRequirement.IsCompatible(constraint, kubeVersion));
}
