using WellTrack.Core.Validation;
using WellTrack.Diagnostics;
using WellTrack.Testing;
using static WellTrack.Core.Tests.Validation.GatewayApiFixtures;

namespace WellTrack.Core.Tests.Validation;

/// <summary>
/// The Gateway API cross-object rules on the demo chart's release: a route's Service backends (WT3111 without a port,
/// WT3213, WT3214) and the Secrets of a Gateway's or ListenerSet's TLS listeners (WT3215). Each broken input reports
/// its code at the marker »; each correct one reports none of these codes. What the release cannot show (another
/// namespace, another kind of backend) is not reported.
/// </summary>
[TestClass]
public sealed class GatewayApiRulesTests
{
    private static readonly string[] GatewayApiCodes = ["WT3111", "WT3213", "WT3214", "WT3215"];

    private const string ClusterIssuer = "{cert-manager.io/cluster-issuer: letsencrypt}";

    public static IEnumerable<object[]> BrokenInputs()
    {
        yield return ["HTTPRoute to a Service of another release", "WT3213", DiagnosticSeverity.Warning, Route("»demo-web", "80")];
        yield return ["HTTPRoute v1beta1 to an unknown Service", "WT3213", DiagnosticSeverity.Warning, Route("»demo-web", "80", apiVersion: "gateway.networking.k8s.io/v1beta1")];
        yield return ["GRPCRoute to an unknown Service", "WT3213", DiagnosticSeverity.Warning, Route("»demo-grpc", "80", kind: "GRPCRoute")];
        yield return ["explicit core group and kind Service", "WT3213", DiagnosticSeverity.Warning, Route("»demo-web\n          group: \"\"\n          kind: Service", "80")];
        yield return ["mirror filter to an unknown Service", "WT3213", DiagnosticSeverity.Warning,
            Route("demo", "80") + "      filters:\n        - type: RequestMirror\n          requestMirror:\n            backendRef:\n              name: »demo-shadow\n              port: 80\n"];
        yield return ["HTTPRoute to the container port", "WT3214", DiagnosticSeverity.Warning, Route("demo", "»8080")];
        yield return ["GRPCRoute to a port the Service lacks", "WT3214", DiagnosticSeverity.Warning, Route("demo", "»9090", kind: "GRPCRoute")];
        // The CRDs' validation rule "Must have port for Service reference": the API server rejects the route.
        yield return ["Service backendRef without port", "WT3111", DiagnosticSeverity.Error, Route("demo", string.Empty).Replace("- name: demo\n", "- »name: demo\n", StringComparison.Ordinal)];
        yield return ["Gateway listener Secret provided by nothing", "WT3215", DiagnosticSeverity.Warning, Gateway("{}", "demo.example.com", "»demo-gateway-tls")];
        yield return ["cert-manager skips a listener without hostname", "WT3215", DiagnosticSeverity.Warning, Gateway(ClusterIssuer, null, "»demo-gateway-tls")];
        yield return ["ListenerSet listener Secret provided by nothing", "WT3215", DiagnosticSeverity.Warning, Gateway("{}", "demo.example.com", "»demo-gateway-tls", kind: "ListenerSet")];
    }

    public static IEnumerable<object[]> CorrectInputs()
    {
        yield return ["HTTPRoute to the Service port", new[] { Route("demo", "80") }];
        yield return ["GRPCRoute to the Service port", new[] { Route("demo", "80", kind: "GRPCRoute") }];
        yield return ["Service in another namespace (a ReferenceGrant there decides)", new[] { Route("demo-web\n          namespace: other", "80") }];
        yield return ["backend of another kind needs no port", new[] { Route("demo-export\n          group: multicluster.x-k8s.io\n          kind: ServiceImport", string.Empty) }];
        yield return ["Gateway annotated for cert-manager", new[] { Gateway(ClusterIssuer, "demo.example.com", "demo-gateway-tls") }];
        yield return ["Gateway annotated with a namespaced issuer", new[] { Gateway("{cert-manager.io/issuer: demo-ca}", "\"*.example.com\"", "demo-gateway-tls") }];
        yield return ["ListenerSet annotated for cert-manager", new[] { Gateway(ClusterIssuer, "demo.example.com", "demo-gateway-tls", kind: "ListenerSet") }];
        yield return ["Secret from a Certificate of the release", new[]
        {
            Gateway("{}", null, "demo-gateway-tls"),
            "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: demo-gateway\nspec:\n  secretName: demo-gateway-tls\n  dnsNames: [demo.example.com]\n  issuerRef:\n    name: letsencrypt\n    kind: ClusterIssuer\n",
        }];
        yield return ["Secret declared external", new[] { Gateway("{}", "demo.example.com", "registry-credentials") }];
        yield return ["certificate in another namespace", new[] { Gateway("{}", "demo.example.com", "wildcard-tls\n            namespace: certificates") }];
        yield return ["passthrough listener presents no certificate", new[] { Gateway("{}", "demo.example.com", "demo-gateway-tls").Replace("mode: Terminate", "mode: Passthrough", StringComparison.Ordinal).Replace("protocol: HTTPS", "protocol: TLS", StringComparison.Ordinal) }];
    }

    [TestMethod]
    [DynamicData(nameof(BrokenInputs))]
    public void BrokenInputIsReportedAtTheReference(string name, string code, DiagnosticSeverity severity, string document)
    {
        var marker = ValidationTestSupport.Marker(document)!.Value;

        var found = GatewayApiFindings(marker.Text);

        var diagnostic = found.SingleOrDefault();
        Assert.IsNotNull(diagnostic, $"{name}: expected one {code}; got\n{string.Join("\n", found)}");
        Assert.AreEqual(code, diagnostic.Code, name);
        Assert.AreEqual(severity, diagnostic.Severity, name);
        Assert.AreEqual("charts/demo/templates/gateway-api.yaml", diagnostic.File);
        Assert.AreEqual((marker.Line, marker.Column), (diagnostic.Line, diagnostic.Column), $"{name}: position\n{diagnostic}");
    }

    [TestMethod]
    [DynamicData(nameof(CorrectInputs))]
    public void CorrectInputReportsNoGatewayApiFinding(string name, string[] documents)
    {
        var found = GatewayApiFindings(documents);

        Assert.IsEmpty(found, $"{name}:\n{string.Join("\n", found)}");
    }

    [TestMethod]
    public void TheMessagesSayWhatIsMissingAndWhy()
    {
        var route = GatewayApiFindings(Route("demo", "8080")).Single();
        StringAssert.Contains(route.Message, "port 8080 is not a port of Service 'demo' (ports: http (80))");

        var unannotated = GatewayApiFindings(Gateway("{}", "demo.example.com", "demo-gateway-tls")).Single();
        StringAssert.Contains(unannotated.Message, "Secret 'demo-gateway-tls' of Gateway listener 'https'");
        StringAssert.Contains(unannotated.Message, "no cert-manager.io/issuer or cert-manager.io/cluster-issuer annotation on the Gateway");

        var withoutHostname = GatewayApiFindings(Gateway(ClusterIssuer, null, "demo-gateway-tls")).Single();
        StringAssert.Contains(withoutHostname.Message, "the listener has no hostname, so cert-manager skips it");

        var withoutPort = GatewayApiFindings(Route("demo", string.Empty)).Single();
        StringAssert.Contains(withoutPort.Message, "spec.rules[0].backendRefs[0].port is required");
    }

    [TestMethod]
    public void AListenerWithoutHostnameSharesTheSecretCertManagerIssuesForAnother()
    {
        var gateway = Gateway(ClusterIssuer, null, "demo-gateway-tls")
            + "    - name: https-demo\n      hostname: demo.example.com\n      port: 443\n      protocol: HTTPS\n      tls:\n        certificateRefs:\n          - name: demo-gateway-tls\n";

        Assert.IsEmpty(GatewayApiFindings(gateway), "cert-manager issues the Secret for the listener that has a hostname; both use it");
    }

    [TestMethod]
    public void TheRouteRulesCanBeRegradedLikeAnyOther()
    {
        var found = GatewayApiFindings(s => s with
        {
            Rules = new Dictionary<string, RuleSetting>(s.Rules) { ["WT3213"] = new(RuleSeverity.None, "the Service comes from another release") },
        }, Route("demo-web", "80"));

        Assert.IsEmpty(found, string.Join("\n", found));
        Assert.AreEqual(RuleSeverity.Error, (ValidationSettings.Default with { Strict = true }).SeverityOf(DiagnosticCodes.WT3214, null), "--strict makes the warnings errors");
    }

    private static List<Diagnostic> GatewayApiFindings(params string[] documents) => GatewayApiFindings(s => s, documents);

    private static List<Diagnostic> GatewayApiFindings(Func<ValidationSettings, ValidationSettings> configure, params string[] documents)
    {
        using var directory = new TemporaryDirectory();
        var files = DemoChart.Files();
        files["rendered/gateway-api.yaml"] = string.Join("---\n", documents);
        var chart = DemoChart.Write(directory.Path, files);
        var settings = configure(ValidationSettings.Default with { BaseDirectory = directory.Path, ExternalSecrets = ["registry-credentials"] });

        var report = ChartValidator.Validate(chart, settings, DemoChart.Renderer(files));

        return report.Diagnostics.Where(d => GatewayApiCodes.Contains(d.Code)).ToList();
    }
}
