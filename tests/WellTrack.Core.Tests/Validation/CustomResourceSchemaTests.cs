using System.Text.Json;
using WellTrack.Core.Validation;
using WellTrack.Core.Validation.Objects;
using WellTrack.Diagnostics;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Validation;

/// <summary>
/// Custom resources known by the schemas generated from the npm @kubernetes-models packages (issue 14): the false
/// alarms of classes 1 (CRD groups ending in .k8s.io graded as Kubernetes APIs) and 2 (cert-manager issuer types lost),
/// the grading of unknown kinds, typos still caught under the shipped schemas, and subtrees that preserve unknown fields.
/// Every manifest is written here, in the demo chart's own words.
/// </summary>
[TestClass]
public sealed class CustomResourceSchemaTests
{
    // Class 1: Gateway API and the Vertical Pod Autoscaler are CRDs in groups ending in .k8s.io.
    private const string Route = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: demo
        spec:
          parentRefs:
            - name: shared-gateway
              namespace: gateway-system
              sectionName: https
          hostnames:
            - demo.example.com
          rules:
            - matches:
                - path:
                    type: PathPrefix
                    value: /
              backendRefs:
                - name: demo
                  port: 80

        """;

    private const string ListenerSet = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: ListenerSet
        metadata:
          name: demo
        spec:
          parentRef:
            name: shared-gateway
          listeners:
            - name: demo-https
              hostname: demo.example.com
              port: 443
              protocol: HTTPS
              tls:
                mode: Terminate
                certificateRefs:
                  - name: demo-tls

        """;

    private const string Autoscaler = """
        apiVersion: autoscaling.k8s.io/v1
        kind: VerticalPodAutoscaler
        metadata:
          name: demo
        spec:
          targetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: demo
          updatePolicy:
            updateMode: "Off"
          resourcePolicy:
            containerPolicies:
              - containerName: app
                minAllowed:
                  cpu: 50m
                  memory: 64Mi

        """;

    // Class 2: every kind of issuer cert-manager offers.
    private const string Issuers = """
        apiVersion: cert-manager.io/v1
        kind: Issuer
        metadata:
          name: demo-selfsigned
        spec:
          selfSigned: {}
        ---
        apiVersion: cert-manager.io/v1
        kind: Issuer
        metadata:
          name: demo-ca
        spec:
          ca:
            secretName: demo-root-ca
        ---
        apiVersion: cert-manager.io/v1
        kind: ClusterIssuer
        metadata:
          name: demo-letsencrypt
        spec:
          acme:
            email: ops@example.com
            server: https://acme.example.com/directory
            privateKeySecretRef:
              name: demo-acme-account
            solvers:
              - http01:
                  ingress:
                    ingressClassName: nginx
        ---
        apiVersion: cert-manager.io/v1
        kind: ClusterIssuer
        metadata:
          name: demo-vault
        spec:
          vault:
            server: https://vault.example.com
            path: pki/sign/demo
            auth:
              kubernetes:
                role: demo-issuer
                mountPath: /v1/auth/kubernetes
                secretRef:
                  name: demo-vault-token
                  key: token

        """;

    [TestMethod]
    public void GatewayApiAndVerticalPodAutoscalerAreCustomResourcesCheckedByTheirSchemas()
    {
        var report = Validate(("httproute.yaml", Route), ("listenerset.yaml", ListenerSet), ("vpa.yaml", Autoscaler));

        Assert.IsFalse(report.HasErrors, Describe(report));
        Assert.IsEmpty(report.Diagnostics.Where(d => d.Code is "WT3103" or "WT3106").ToList(), Describe(report));
    }

    [TestMethod]
    public void EveryCertManagerIssuerTypeIsKnown()
    {
        var report = Validate(("issuers.yaml", Issuers));

        Assert.IsFalse(report.HasErrors, Describe(report));
        Assert.IsEmpty(report.Diagnostics.Where(d => d.Code == "WT3109").ToList(), Describe(report));
    }

    [TestMethod]
    public void AnIssuerWithAMisspelledIssuerTypeIsStillCaught()
    {
        var report = Validate(("issuer.yaml", Issuers.Replace("  selfSigned: {}", "  selfSigend: {}", StringComparison.Ordinal)));

        var finding = Single(report, "WT3109");
        StringAssert.Contains(finding.Message, "'spec.selfSigend'");
        StringAssert.Contains(finding.Message, "Did you mean 'selfSigned'?");
    }

    [TestMethod]
    public void AnUnknownKindInAShippedGroupIsAnErrorWithAHint()
    {
        var report = Validate(("httproute.yaml", Route.Replace("kind: HTTPRoute", "kind: HTTPRoutee", StringComparison.Ordinal)));

        var finding = Single(report, "WT3103");
        Assert.AreEqual(DiagnosticSeverity.Error, finding.Severity);
        StringAssert.Contains(finding.Message, "Did you mean 'HTTPRoute'?");
    }

    [TestMethod]
    public void AnUnknownVersionOfAShippedGroupCannotBeCheckedAndIsANote()
    {
        // A cluster may run a newer CRD than the package the schemas come from.
        var report = Validate(("httproute.yaml", Route.Replace("gateway.networking.k8s.io/v1", "gateway.networking.k8s.io/v2", StringComparison.Ordinal)));

        Assert.IsFalse(report.HasErrors, Describe(report));
        Assert.AreEqual(DiagnosticSeverity.Note, Single(report, "WT3106").Severity);
    }

    [TestMethod]
    public void AKindOfAShippedGroupServedInAnotherVersionOnlyIsAnError()
    {
        var report = Validate(("grpcroute.yaml", "apiVersion: gateway.networking.k8s.io/v1beta1\nkind: GRPCRoute\nmetadata:\n  name: demo\nspec: {}\n"));

        StringAssert.Contains(Single(report, "WT3103").Message, "GRPCRoute is served as gateway.networking.k8s.io/v1, gateway.networking.k8s.io/v1alpha2.");
    }

    [TestMethod]
    public void AnUnknownKindOfAShippedGroupThatIsNoNearMissCannotBeChecked()
    {
        // Experimental Gateway API kinds come and go between releases (XListenerSet graduated to ListenerSet): the
        // cluster's CRDs may serve one the package does not have.
        var report = Validate(("listenerset.yaml", ListenerSet.Replace("gateway.networking.k8s.io/v1\nkind: ListenerSet", "gateway.networking.x-k8s.io/v1alpha1\nkind: XListenerSet", StringComparison.Ordinal)));

        Assert.IsFalse(report.HasErrors, Describe(report));
        Assert.AreEqual(DiagnosticSeverity.Note, Single(report, "WT3106").Severity);
    }

    [TestMethod]
    public void AnUnknownGroupIsANoteEvenWhenItEndsInK8sIo()
    {
        var report = Validate(
            ("snapshot.yaml", "apiVersion: snapshot.storage.k8s.io/v1\nkind: VolumeSnapshot\nmetadata:\n  name: demo\nspec:\n  source:\n    persistentVolumeClaimName: demo-data\n"),
            ("widget.yaml", "apiVersion: widgets.example.com/v1\nkind: Widget\nmetadata:\n  name: demo\nspec:\n  anything: goes\n"));

        Assert.IsFalse(report.HasErrors, Describe(report));
        Assert.HasCount(2, report.Diagnostics.Where(d => d.Code == "WT3106" && d.Severity == DiagnosticSeverity.Note).ToList(), Describe(report));
    }

    [TestMethod]
    public void AnUnknownKindInABuiltInGroupIsStillAnError()
    {
        var report = Validate(("policy.yaml", "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicyy\nmetadata:\n  name: demo\nspec: {}\n"));

        StringAssert.Contains(Single(report, "WT3103").Message, "Did you mean 'NetworkPolicy'?");
    }

    [TestMethod]
    public void AnUnknownFieldUnderAnHttpRouteBackendRefIsCaught()
    {
        var report = Validate(("httproute.yaml", Route.Replace("      port: 80", "      ports: 80", StringComparison.Ordinal)));

        var finding = Single(report, "WT3109");
        StringAssert.Contains(finding.Message, "'spec.rules[0].backendRefs[0].ports'");
        StringAssert.Contains(finding.Message, "Did you mean 'port'?");
        Assert.AreEqual(19, finding.Line);
    }

    [TestMethod]
    public void AWrongTypeInAServiceMonitorEndpointIsCaught()
    {
        const string monitor = """
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata:
              name: demo
            spec:
              selector:
                matchLabels:
                  app.kubernetes.io/name: demo
              endpoints:
                - port: http
                  interval: 30s
                  honorLabels: "yes"

            """;

        var report = Validate(("servicemonitor.yaml", monitor));

        var finding = Single(report, "WT3110");
        StringAssert.Contains(finding.Message, "spec.endpoints[0].honorLabels must be a boolean");
        Assert.AreEqual(12, finding.Line);
    }

    [TestMethod]
    public void AnApplicationWithoutADestinationIsCaught()
    {
        const string application = """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: demo
              namespace: argocd
            spec:
              project: default
              source:
                repoURL: https://git.example.com/acme/gitops.git
                path: charts/demo
                targetRevision: main

            """;

        var report = Validate(("application.yaml", application));

        StringAssert.Contains(Single(report, "WT3111").Message, "spec.destination is required");
    }

    [TestMethod]
    public void SubtreesThatPreserveUnknownFieldsAcceptAnything()
    {
        // Argo CD's helm.valuesObject, Flux's HelmRelease values and Argo Rollouts' traffic router plugins are
        // x-kubernetes-preserve-unknown-fields: the CRD keeps whatever is there.
        const string manifests = """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: demo
              namespace: argocd
            spec:
              project: default
              destination:
                server: https://kubernetes.default.svc
                namespace: demo
              source:
                repoURL: https://git.example.com/acme/gitops.git
                path: charts/demo
                helm:
                  valuesObject:
                    replicaCount: 3
                    anything:
                      nested: [1, two, {three: 3}]
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: demo
            spec:
              interval: 10m
              chart:
                spec:
                  chart: demo
                  sourceRef:
                    kind: HelmRepository
                    name: acme
              values:
                image:
                  tag: "1.2.3"
                whatever: [true, 2, three]
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata:
              name: demo-canary
            spec:
              selector:
                matchLabels:
                  app.kubernetes.io/name: demo-canary
              workloadRef:
                apiVersion: apps/v1
                kind: Deployment
                name: demo
              strategy:
                canary:
                  trafficRouting:
                    plugins:
                      acme/router:
                        any: [shape, 1]

            """;

        var report = Validate(("custom.yaml", manifests));

        Assert.IsFalse(report.HasErrors, Describe(report));
        Assert.IsEmpty(report.Diagnostics.Where(d => d.Code is "WT3106" or "WT3109" or "WT3110").ToList(), Describe(report));
    }

    [TestMethod]
    public void IstioInlineTypesAreCheckedAndTheirOneOfBranchesAccepted()
    {
        const string service = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: demo
            spec:
              hosts: [demo.example.com]
              http:
                - match:
                    - uri:
                        prefix: /api
                  corsPolicy:
                    allowOrigins:
                      - exact: https://demo.example.com
                      - regex: ".*"
                  route:
                    - destination:
                        host: demo
                        port:
                          numbr: 80

            """;

        var report = Validate(("virtualservice.yaml", service));

        StringAssert.Contains(Single(report, "WT3109").Message, "'spec.http[0].route[0].destination.port.numbr'");
    }

    [TestMethod]
    public void IntOrStringFieldsAcceptBoth()
    {
        const string scaled = """
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata:
              name: demo
            spec:
              scaleTargetRef:
                name: demo
              triggers:
                - type: cpu
                  metricType: Utilization
                  metadata:
                    value: "60"
            ---
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata:
              name: demo
            spec:
              selector:
                matchLabels:
                  app.kubernetes.io/name: demo
              endpoints:
                - targetPort: 3000
                - targetPort: http

            """;

        var report = Validate(("scaled.yaml", scaled));

        Assert.IsFalse(report.HasErrors, Describe(report));
    }

    [TestMethod]
    public void EveryShippedSchemaResolvesItsReferences()
    {
        // A Def: names a definition of the same group's resource, a Model: a model class of the table; the loader would
        // otherwise accept anything where a definition is missing.
        var modelClasses = KubernetesSchemaTable.ModelProperties.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
        var kinds = KubernetesSchemaTable.CustomKinds.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.IsGreaterThan(150, kinds.Length);
        var problems = new List<string>();
        foreach (var group in kinds.Select(line => line[..line.IndexOf('/', StringComparison.Ordinal)]).Distinct())
        {
            using var stream = typeof(KubernetesSchema).Assembly.GetManifestResourceStream($"WellTrack.Core.Validation.Schema.CustomResources.{group}.json");
            Assert.IsNotNull(stream, group);
            using var json = JsonDocument.Parse(stream);
            var definitions = json.RootElement.GetProperty("definitions");
            foreach (var definition in definitions.EnumerateObject())
            {
                if (!definition.Value.TryGetProperty("properties", out var properties))
                {
                    continue;
                }

                foreach (var property in properties.EnumerateObject())
                {
                    var type = property.Value.GetString()!.TrimStart('[', ']', '{', '}');
                    if ((type.StartsWith("Def:", StringComparison.Ordinal) && !definitions.TryGetProperty(type[4..], out _))
                        || (type.StartsWith("Model:", StringComparison.Ordinal) && !modelClasses.Contains(type[6..])))
                    {
                        problems.Add($"{group}: {definition.Name}.{property.Name} {type}");
                    }
                }
            }
        }

        Assert.IsEmpty(problems, string.Join("\n", problems));
        foreach (var line in kinds)
        {
            var key = line[..line.IndexOf(' ', StringComparison.Ordinal)];
            var slash = key.LastIndexOf('/');
            Assert.AreEqual(SchemaKind.Object, KubernetesSchema.Find(key[..slash], key[(slash + 1)..])!.Kind, key);
        }
    }

    private static ValidationReport Validate(params (string File, string Text)[] documents)
    {
        using var directory = new TemporaryDirectory();
        var files = DemoChart.Files();
        foreach (var (file, text) in documents)
        {
            files["rendered/" + file] = text;
        }

        var chart = DemoChart.Write(directory.Path, files);
        return ChartValidator.Validate(chart, ValidationSettings.Default with { BaseDirectory = directory.Path }, DemoChart.Renderer(files));
    }

    private static Diagnostic Single(ValidationReport report, string code)
    {
        var found = report.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.HasCount(1, found, Describe(report));
        return found[0];
    }

    private static string Describe(ValidationReport report) => string.Join("\n", report.Diagnostics);
}
