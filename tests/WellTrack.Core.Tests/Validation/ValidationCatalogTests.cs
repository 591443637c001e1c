using WellTrack.Core.Validation;
using WellTrack.Core.Validation.Charts;
using WellTrack.Core.Validation.Objects;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Tests.Validation;

/// <summary>Every WT3xxx code is a rule; the schema sources load. (Messages, docs rows and uses of every code are
/// checked for all ranges by Diagnostics/DiagnosticCatalogTests.)</summary>
[TestClass]
public sealed class ValidationCatalogTests
{
    [TestMethod]
    public void EveryValidationCodeIsARule()
    {
        var codes = DiagnosticCodes.All.Where(c => c.Range == 3).ToList();

        Assert.IsGreaterThan(60, codes.Count);
        CollectionAssert.AreEquivalent(codes, ValidationRules.All.Select(r => r.Code).ToList(), "every WT3xxx code is a rule and every rule a code");
    }

    [TestMethod]
    public void CodesAreGroupedByHundreds()
    {
        foreach (var rule in ValidationRules.All)
        {
            var expected = rule.Category switch
            {
                RuleCategory.Chart => "WT30",
                RuleCategory.Object => "WT31",
                RuleCategory.CrossObject => "WT32",
                RuleCategory.Practice => "WT33",
                RuleCategory.Dependency => "WT34",
                _ => "WT39",
            };
            StringAssert.StartsWith(rule.Id, expected, rule.Id);
            if (rule.Category == RuleCategory.Practice)
            {
                Assert.AreEqual(RuleSeverity.Warning, rule.DefaultSeverity, $"{rule.Id}: practice rules warn by default");
            }
        }
    }

    [TestMethod]
    public void TheKubernetesSchemaKnowsBuiltInKindsAndTheirRequiredFields()
    {
        Assert.IsGreaterThan(100, KubernetesSchema.KindCount);
        var deployment = KubernetesSchema.Find("apps/v1", "Deployment")!;
        var spec = deployment.Properties["spec"];
        CollectionAssert.AreEquivalent(new[] { "selector", "template" }, spec.Required.ToArray());
        var container = spec.Properties["template"].Properties["spec"].Properties["containers"].Element!;
        CollectionAssert.Contains(container.Required.ToArray(), "name");
        Assert.AreEqual(SchemaKind.Integer, container.Properties["ports"].Element!.Properties["containerPort"].Kind);
        Assert.AreEqual(SchemaKind.IntOrString, container.Properties["livenessProbe"].Properties["httpGet"].Properties["port"].Kind);
        Assert.AreEqual(SchemaKind.Quantity, container.Properties["resources"].Properties["limits"].Element!.Kind);
        Assert.AreSame(deployment, KubernetesSchema.Find("apps/v1", "Deployment"), "loaded once");
    }

    [TestMethod]
    public void CustomResourcesComeFromTheGeneratedSchema()
    {
        var externalSecret = KubernetesSchema.Find("external-secrets.io/v1", "ExternalSecret")!;
        var data = externalSecret.Properties["spec"].Properties["data"].Element!;
        CollectionAssert.AreEquivalent(new[] { "remoteRef", "secretKey" }, data.Required.ToArray());
        var policy = externalSecret.Properties["spec"].Properties["target"].Properties["creationPolicy"];
        CollectionAssert.Contains(policy.Enum!.ToArray(), "Owner");
        var certificate = KubernetesSchema.Find("cert-manager.io/v1", "Certificate")!;
        CollectionAssert.IsSubsetOf(new[] { "issuerRef", "secretName" }, certificate.Properties["spec"].Required.ToArray());
        Assert.IsNotNull(KubernetesSchema.Find("cert-manager.io/v1", "ClusterIssuer"));
        Assert.IsTrue(KubernetesSchema.IsBuiltInGroup("apps"));
        Assert.IsFalse(KubernetesSchema.IsBuiltInGroup("monitoring.coreos.com"));
    }

    [TestMethod]
    public void ValuesSchemasUseSharedInterpretedRegexes()
    {
        var options = SchemaBuildOptions.Create();
        Assert.AreNotSame(Json.Schema.DialectRegistry.Global, options.DialectRegistry, "the patched dialects are in use (see SchemaBuildOptions)");
    }

    [TestMethod]
    [DataRow(">=1.30.0-0", 30, true)]
    [DataRow(">=1.31.0-0", 30, false)]
    [DataRow(">= 1.25, < 1.29", 30, false)]
    [DataRow("~1.30.0", 30, true)]
    [DataRow("^1.20", 30, true)]
    [DataRow("<1.20 || >=1.30", 30, true)]
    // Where the core's own evaluator differed from Helm (Masterminds semver), now that the engine's is the only one:
    // a pre-release bound is below its release (1.30.0 > 1.30.0-0), and wildcards and hyphen ranges are understood.
    [DataRow(">1.30.0-0", 30, true)]
    [DataRow("1.30.x", 30, true)]
    [DataRow("1.29.x", 30, false)]
    [DataRow("1.25 - 1.29", 30, false)]
    public void KubeVersionConstraints(string constraint, int minor, bool allowed)
        => Assert.AreEqual(allowed, WellTrack.Templating.Charts.KubeVersionRequirement.IsCompatible(constraint, $"v1.{minor}.0"));

    [TestMethod]
    [DataRow("ghcr.io/acme/web:1.2.3", "1.2.3", null)]
    [DataRow("registry:5000/acme/web", null, null)]
    [DataRow("web@sha256:abc", null, "sha256:abc")]
    [DataRow("registry:5000/web:v1@sha256:abc", "v1", "sha256:abc")]
    public void ImageReferencesSplit(string image, string? tag, string? digest)
        => Assert.AreEqual((tag, digest), WellTrack.Core.Validation.Practice.PracticeRules.SplitImage(image));
}
