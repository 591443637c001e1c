using WellTrack.Core.Validation;
using WellTrack.Diagnostics;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Validation;

/// <summary>
/// Broken inputs, one or two faults each, covering every rule: each asserts the code, severity, file, line and column
/// (the position of the marker » in the broken text), and that nothing else is reported above a note.
/// </summary>
[TestClass]
public sealed class ValidationCorpusTests
{
    private const DiagnosticSeverity Error = DiagnosticSeverity.Error;
    private const DiagnosticSeverity Warning = DiagnosticSeverity.Warning;
    private const DiagnosticSeverity Note = DiagnosticSeverity.Note;

    public sealed record Edit(string File, string? Find, string? Replace);

    public sealed record Case(string Name, string Code, DiagnosticSeverity Severity, Edit[] Edits)
    {
        public string? ExpectedFile { get; init; }

        public int ExpectedLine { get; init; }

        public int ExpectedColumn { get; init; }

        public string[] AlsoReported { get; init; } = [];

        public Func<ValidationSettings, ValidationSettings>? Settings { get; init; }

        public override string ToString() => Name;
    }

    private static Edit E(string file, string find, string replace) => new(file, find, replace);

    private static Edit Add(string file, string text) => new(file, null, text);

    private static Edit Delete(string file) => new(file, null, null);

    private static object[] C(string name, string code, DiagnosticSeverity severity, params Edit[] edits) => [new Case(name, code, severity, edits)];

    private static object[] C(Case @case) => [@case];

    private const string Deployment = "rendered/deployment.yaml";
    private const string Service = "rendered/service.yaml";
    private const string Ingress = "rendered/ingress.yaml";
    private const string ExternalSecret = "rendered/externalsecret.yaml";
    private const string ConfigMap = "rendered/configmap.yaml";
    private const string HttpRoute = "rendered/httproute.yaml";

    public static IEnumerable<object[]> Cases()
    {
        // 30xx: the chart's files.
        yield return C(new Case("Chart.yaml missing", "WT3001", Error, [Delete("Chart.yaml")]) { ExpectedFile = "charts/demo" });
        yield return C("Chart.yaml not YAML", "WT3002", Error, E("Chart.yaml", "name: demo", "name: demo\n  bad»: [indent"));
        yield return C("apiVersion v3", "WT3003", Error, E("Chart.yaml", "apiVersion: v2", "apiVersion: »v3"));
        yield return C("apiVersion v1", "WT3004", Warning, E("Chart.yaml", "apiVersion: v2", "apiVersion: »v1"));
        yield return C(new Case("name missing", "WT3005", Error, [E("Chart.yaml", "name: demo\n", string.Empty)]) { ExpectedFile = "charts/demo/Chart.yaml", ExpectedLine = 1, ExpectedColumn = 1 });
        yield return C("name differs from directory", "WT3006", Warning, E("Chart.yaml", "name: demo", "name: »other"));
        yield return C("name with path separator", "WT3007", Error, E("Chart.yaml", "name: demo", "name: »../demo"));
        yield return C(new Case("version missing", "WT3008", Error, [E("Chart.yaml", "version: 0.1.0\n", string.Empty)]) { ExpectedFile = "charts/demo/Chart.yaml", ExpectedLine = 1, ExpectedColumn = 1 });
        yield return C("version two parts", "WT3009", Warning, E("Chart.yaml", "version: 0.1.0", "version: »1.0"));
        yield return C("version with v prefix", "WT3009", Warning, E("Chart.yaml", "version: 0.1.0", "version: »v1.0.0"));
        yield return C("appVersion a number", "WT3010", Error, E("Chart.yaml", "appVersion: \"1.0.0\"", "appVersion: »1.10"));
        yield return C("type unknown", "WT3011", Error, E("Chart.yaml", "type: application", "type: »service"));
        yield return C("dependency missing", "WT3012", Error, E("Chart.yaml", "kubeVersion", "dependencies:\n  - name: »redis\n    version: 19.0.0\n    repository: oci://registry-1.docker.io/bitnamicharts\nkubeVersion"));
        yield return C(new Case("undeclared subchart", "WT3013", Warning, [Add("charts/extra/Chart.yaml", "apiVersion: v2\nname: extra\nversion: 0.1.0\n")]) { ExpectedFile = "charts/demo/charts/extra" });
        yield return C("values.yaml not YAML", "WT3014", Error, E("values.yaml", "replicaCount: 2", "replicaCount: 2\nimage: [unclosed\n  repository»: x"));
        yield return C("ci values not YAML", "WT3014", Error, Add("ci/broken-values.yaml", "image:\n  tag: »\"x\n"));
        yield return C(new Case("values.yaml missing", "WT3015", Note, [Delete("values.yaml"), Delete("values.schema.json")]) { ExpectedFile = "charts/demo" });
        yield return C(new Case("values.schema.json not JSON", "WT3016", Error, [E("values.schema.json", "\"type\": \"object\",", "\"type\": \"object\"")]) { ExpectedFile = "charts/demo/values.schema.json", ExpectedLine = 4, ExpectedColumn = 3 });
        yield return C("image.tag a number", "WT3017", Error, E("values.yaml", "tag: \"1.2.3\"", "tag: »123"));
        yield return C("replicaCount negative", "WT3017", Error, E("values.yaml", "replicaCount: 2", "replicaCount: »-1"));
        yield return C("ci values break the schema", "WT3017", Error, Add("ci/bad-values.yaml", "image:\n  tag: »\"has space\"\n"));
        yield return C("unknown top-level value", "WT3017", Error, E("values.yaml", "replicaCount: 2", "replicaCount: 2\n»extra:\n  enabled: true"));
        yield return C("required value missing", "WT3017", Error, E("values.yaml", "image:\n  repository: ghcr.io/acme/demo\n", "»image:\n  repository: ghcr.io/acme/demo\n  tagg: x\n"), E("values.yaml", "  tag: \"1.2.3\"\n", string.Empty));
        yield return C(new Case("templates a file", "WT3018", Warning, [Delete("templates"), Add("templates", "not a directory\n")]) { ExpectedFile = "charts/demo/templates" });
        yield return C(new Case("template with odd extension", "WT3019", Warning, [Add("templates/config.json", "{}\n")]) { ExpectedFile = "charts/demo/templates/config.json" });
        yield return C("Chart.yaml name is a list", "WT3022", Error, E("Chart.yaml", "name: demo", "name:\n  »- demo"));
        yield return C("kubeVersion excludes the target", "WT3023", Error, E("Chart.yaml", "kubeVersion: \">=1.30.0-0\"", "kubeVersion: »\">=1.31.0-0\""));
        yield return C("kubeVersion wildcard excludes the target", "WT3023", Error, E("Chart.yaml", "kubeVersion: \">=1.30.0-0\"", "kubeVersion: »\"1.29.x\""));
        yield return C(new Case(".helmignore rule Helm refuses", "WT3024", Error, [Add(".helmignore", "**/*.bak\n")]) { ExpectedFile = "charts/demo/.helmignore" });
        // Helm's '!': a negated rule ignores every path it does not match, Chart.yaml included, so Helm finds no chart
        // (the core's own .helmignore reader let everything through and reported WT3019 for templates/notes.md).
        yield return C(new Case("negated .helmignore rule hides Chart.yaml from Helm", "WT3001", Error, [Add("templates/notes.md", "# docs\n"), Add(".helmignore", "!templates/notes.md\n")]) { ExpectedFile = "charts/demo" });

        // 31xx: each object.
        yield return C(new Case("rendered YAML invalid", "WT3101", Error, [E(ConfigMap, "  LOG_LEVEL: info\n  PORT: \"8080\"", "  LOG_LEVEL: info\n bad\n  PORT»: \"8080\"")]) { AlsoReported = ["WT3208"] });
        yield return C(new Case("kind missing", "WT3102", Error, [E(ConfigMap, "kind: ConfigMap\n", string.Empty)]) { ExpectedFile = "charts/demo/templates/configmap.yaml", ExpectedLine = 1, ExpectedColumn = 1, AlsoReported = ["WT3208"] });
        yield return C("apps/v2 Deployment", "WT3103", Error, E(Deployment, "apiVersion: apps/v1", "apiVersion: »apps/v2"));
        yield return C("extensions/v1beta1 Ingress", "WT3104", Error, E(Ingress, "apiVersion: networking.k8s.io/v1", "apiVersion: »extensions/v1beta1"));
        yield return C("policy/v1beta1 PodDisruptionBudget", "WT3104", Error, Add("rendered/pdb.yaml", "apiVersion: »policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: demo\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: demo\n"));
        yield return C("batch/v1beta1 CronJob", "WT3104", Error, Add("rendered/cronjob.yaml", "apiVersion: »batch/v1beta1\nkind: CronJob\nmetadata:\n  name: cleanup\nspec:\n  schedule: \"0 3 * * *\"\n"));
        yield return C(new Case("autoscaling/v2beta2 HPA", "WT3104", Error, [Add("rendered/hpa.yaml", "apiVersion: »autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: demo\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: demo\n  minReplicas: 2\n  maxReplicas: 4\n")]) { AlsoReported = ["WT3212"] });
        yield return C(new Case("deprecated PDB on 1.24", "WT3105", Warning, [Add("rendered/pdb.yaml", "apiVersion: »policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: demo\nspec:\n  maxUnavailable: 1\n"), E("Chart.yaml", "kubeVersion: \">=1.30.0-0\"", "kubeVersion: \">=1.24.0-0\"")])
        {
            Settings = s => s with { KubernetesVersion = new KubernetesVersion(1, 24) },
        });
        yield return C("custom resource not checked", "WT3106", Note, Add("rendered/widget.yaml", "apiVersion: »widgets.example.com/v1\nkind: Widget\nmetadata:\n  name: demo\nspec:\n  anything: goes\n"));
        yield return C("HTTPRoute kind misspelled", "WT3103", Error, Add("rendered/httproute.yaml", "apiVersion: »gateway.networking.k8s.io/v1\nkind: HTTPRoutee\nmetadata:\n  name: demo\nspec: {}\n"));
        // The misspelled port is also a missing one: the Gateway API requires a port for a Service backend.
        yield return C(new Case("HTTPRoute backendRef field misspelled", "WT3109", Error, [Add("rendered/httproute.yaml", "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: demo\nspec:\n  rules:\n    - backendRefs:\n        - name: demo\n          »ports: 80\n")]) { AlsoReported = ["WT3111"] });
        yield return C("metadata.name missing", "WT3107", Error, Add("rendered/extra.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  »labels:\n    a: b\n"));
        yield return C("ConfigMap name with capitals", "WT3108", Error, Add("rendered/extra.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: »Demo_Settings\n"));
        yield return C("Service name starting with a digit", "WT3108", Error, Add("rendered/extra.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: »1demo\nspec:\n  ports:\n    - port: 80\n"));
        yield return C("unknown container field", "WT3109", Error, E(Deployment, "imagePullPolicy: IfNotPresent", "»imagePullPolicyy: IfNotPresent"));
        yield return C("unknown spec field", "WT3109", Error, E(Deployment, "  replicas: 2", "  replicas: 2\n  »replica: 2"));
        yield return C("replicas quoted", "WT3110", Error, E(Deployment, "replicas: 2", "replicas: »\"2\""));
        yield return C("env value a number", "WT3110", Error, E(Deployment, "          envFrom:", "          env:\n            - name: PORT\n              value: »8080\n          envFrom:"));
        yield return C("label value yes", "WT3110", Error, E(Deployment, "  labels:\n    app.kubernetes.io/name: demo\nspec:", "  labels:\n    app.kubernetes.io/name: demo\n    canary: »yes\nspec:"));
        yield return C("memory quantity invalid", "WT3110", Error, E(Deployment, "memory: 256Mi", "memory: »256MB"));
        yield return C("imagePullSecrets a mapping", "WT3110", Error, E(Deployment, "      serviceAccountName: demo", "      imagePullSecrets: »{name: regcred}\n      serviceAccountName: demo"));
        yield return C("container name missing", "WT3111", Error, E(Deployment, "        - name: app\n          image:", "        - »image:"));
        yield return C("ExternalSecret data without remoteRef", "WT3111", Error, E(ExternalSecret, "    - secretKey: API_KEY\n      remoteRef:\n        key: demo/api\n        property: key", "    - »secretKey: API_KEY"));
        yield return C(new Case("Service port without port", "WT3111", Error, [E(Service, "    - name: http\n      port: 80\n", "    - »name: http\n")]) { AlsoReported = ["WT3205"] });
        yield return C("ExternalSecret creationPolicy unknown", "WT3112", Error, E(ExternalSecret, "creationPolicy: Owner", "creationPolicy: »Always"));
        yield return C("Certificate without issuerRef", "WT3111", Error, Add("rendered/certificate.yaml", "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: demo\nspec:\n  »secretName: demo-tls\n  dnsNames: [demo.example.com]\n"));
        yield return C("Certificate unknown field", "WT3109", Error, Add("rendered/certificate.yaml", "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: demo\nspec:\n  secretName: demo-tls\n  »dnsName: demo.example.com\n  issuerRef:\n    name: letsencrypt\n    kind: ClusterIssuer\n"));
        yield return C("duplicate ConfigMap", "WT3113", Error, Add("rendered/zz-configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: »demo\ndata: {}\n"));
        yield return C("ResourceClaim not served by 1.30", "WT3114", Error, Add("rendered/claim.yaml", "apiVersion: »resource.k8s.io/v1\nkind: ResourceClaim\nmetadata:\n  name: gpu\nspec: {}\n"));
        yield return C(new Case("duplicate key", "WT3115", Error, [E(ConfigMap, "  PORT: \"8080\"", "  PORT: \"8080\"\n  »LOG_LEVEL: debug")]) { AlsoReported = ["WT3208"] });
        yield return C("label key with a space", "WT3120", Error, E(Deployment, "  labels:\n    app.kubernetes.io/name: demo\nspec:", "  labels:\n    app.kubernetes.io/name: demo\n    »bad key!: x\nspec:"));
        yield return C("label value with +", "WT3120", Error, E(Deployment, "  labels:\n    app.kubernetes.io/name: demo\nspec:", "  labels:\n    app.kubernetes.io/name: demo\n    app.kubernetes.io/version: »1.0.0+build.5\nspec:"));
        yield return C("label value of 64 characters", "WT3120", Error, E(Deployment, "  labels:\n    app.kubernetes.io/name: demo\nspec:", "  labels:\n    app.kubernetes.io/name: demo\n    owner: »" + new string('a', 64) + "\nspec:"));
        yield return C("label prefix with capitals", "WT3120", Error, E(Deployment, "  labels:\n    app.kubernetes.io/name: demo\nspec:", "  labels:\n    app.kubernetes.io/name: demo\n    »Example.com/team: web\nspec:"));
        yield return C("annotation key with two slashes", "WT3120", Error, E(Deployment, "  labels:\n    app.kubernetes.io/name: demo\nspec:", "  labels:\n    app.kubernetes.io/name: demo\n  annotations:\n    »example.com/a/b: x\nspec:"));
        yield return C("Secret data not base64", "WT3110", Error, Add("rendered/secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: extra\ndata:\n  token: »not base64!\n"));

        // 32xx: the release's objects together.
        yield return C("selector does not match labels", "WT3201", Error, E(Deployment, "  selector:\n    matchLabels:\n      app.kubernetes.io/name: demo", "  selector:\n    »matchLabels:\n      app.kubernetes.io/name: demo-api"));
        yield return C("Service selects no pods", "WT3202", Warning, E(Service, "  selector:\n    app.kubernetes.io/name: demo", "  selector:\n    »app.kubernetes.io/name: web"));
        yield return C("targetPort name unknown", "WT3203", Error, E(Service, "targetPort: http", "targetPort: »web"));
        yield return C("targetPort number undeclared", "WT3220", Warning, E(Service, "targetPort: http", "targetPort: »9090"));
        yield return C("Ingress backend Service unknown", "WT3204", Warning, E(Ingress, "                name: demo", "                name: »demo-web"));
        yield return C("Ingress backend port unknown", "WT3205", Warning, E(Ingress, "number: 80", "number: »8080"));
        yield return C("TLS host not a rule host", "WT3206", Warning, E(Ingress, "        - demo.example.com", "        - »www.example.com"));
        yield return C("secretRef not created", "WT3207", Error, E(Deployment, "                name: demo-secrets", "                name: »demo-credentials"));
        yield return C("imagePullSecret not created", "WT3222", Warning, E(Deployment, "      serviceAccountName: demo", "      imagePullSecrets:\n        - name: »registry-credentials\n      serviceAccountName: demo"));
        yield return C("ExternalSecret with creationPolicy None", "WT3207", Error, E(ExternalSecret, "creationPolicy: Owner", "creationPolicy: None"), E(Deployment, "                name: demo-secrets", "                name: »demo-secrets"));
        yield return C("configMap volume not created", "WT3208", Error, E(Deployment, "      serviceAccountName: demo", "      volumes:\n        - name: settings\n          configMap:\n            name: »demo-settings\n      serviceAccountName: demo"));
        yield return C("ServiceAccount not created", "WT3209", Error, E(Deployment, "serviceAccountName: demo", "serviceAccountName: »demo-runner"));
        yield return C("probe port number undeclared", "WT3221", Warning, E(Deployment, "              path: /readyz\n              port: http", "              path: /readyz\n              port: »9102"));
        yield return C("secretRef a Role may create at run time", "WT3222", Warning, E(Deployment, "                name: demo-secrets", "                name: »demo-webhook-cert"),
            Add("rendered/role.yaml", "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: demo-certgen\nrules:\n  - apiGroups: [\"\"]\n    resources: [secrets]\n    verbs: [get, create]\n"));
        yield return C("probe port name unknown", "WT3210", Error, E(Deployment, "              path: /readyz\n              port: http", "              path: /readyz\n              port: »metrics"));
        yield return C("HPA target missing", "WT3211", Warning, Add("rendered/hpa.yaml", "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: demo\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: »demo-web\n  minReplicas: 2\n  maxReplicas: 4\n"));
        yield return C("HPA target sets replicas", "WT3212", Warning, E(Deployment, "  replicas: 2", "  »replicas: 2"), Add("rendered/hpa.yaml", "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: demo\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: demo\n  minReplicas: 2\n  maxReplicas: 4\n"));

        yield return C(new Case("HTTPRoute backend Service unknown", "WT3213", Warning, [Add(HttpRoute, GatewayApiFixtures.Route("»demo-web", "80"))]));
        yield return C(new Case("HTTPRoute backend port is the container port", "WT3214", Warning, [Add(HttpRoute, GatewayApiFixtures.Route("demo", "»8080"))]));
        yield return C(new Case("Gateway certificate Secret provided by nothing", "WT3215", Warning, [Add("rendered/gateway.yaml", GatewayApiFixtures.Gateway(annotations: "{}", hostname: "demo.example.com", secret: "»demo-gateway-tls"))]));

        // 33xx: practice.
        yield return C("image tag latest", "WT3301", Warning, E(Deployment, "image: ghcr.io/acme/demo:1.2.3", "image: »ghcr.io/acme/demo:latest"));
        yield return C("image without tag", "WT3301", Warning, E(Deployment, "image: ghcr.io/acme/demo:1.2.3", "image: »registry:5000/acme/demo"));
        yield return C("digest with pullPolicy Always", "WT3302", Warning, E(Deployment, "image: ghcr.io/acme/demo:1.2.3\n          imagePullPolicy: IfNotPresent", "image: ghcr.io/acme/demo@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n          imagePullPolicy: »Always"));
        yield return C("requests missing", "WT3303", Warning, E(Deployment, "            requests:\n              cpu: 100m\n              memory: 128Mi\n", string.Empty), E(Deployment, "          resources:", "          »resources:"));
        yield return C("limits missing", "WT3304", Warning, E(Deployment, "            limits:\n              memory: 256Mi\n", string.Empty), E(Deployment, "          resources:", "          »resources:"));
        yield return C("liveness probe missing", "WT3305", Warning, E(Deployment, "          livenessProbe:\n            httpGet:\n              path: /healthz\n              port: http\n", string.Empty), E(Deployment, "        - name: app", "        - »name: app"));
        yield return C("readiness probe missing", "WT3306", Warning, E(Deployment, "          readinessProbe:\n            httpGet:\n              path: /readyz\n              port: http\n", string.Empty), E(Deployment, "        - name: app", "        - »name: app"));
        yield return C("runAsNonRoot not set", "WT3307", Warning, E(Deployment, "      securityContext:\n        runAsNonRoot: true\n", string.Empty), E(Deployment, "          securityContext:", "          »securityContext:\n            runAsUser: 1000"));
        yield return C("privilege escalation allowed", "WT3308", Warning, E(Deployment, "allowPrivilegeEscalation: false", "allowPrivilegeEscalation: »true"));
        yield return C("root filesystem writable", "WT3309", Warning, E(Deployment, "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: »false"));
        yield return C("capabilities not dropped", "WT3310", Warning, E(Deployment, "              drop: [ALL]", "              drop: »[NET_RAW]"));
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void IsReportedWithCodeSeverityAndPosition(Case @case)
    {
        using var directory = new TemporaryDirectory();
        var files = DemoChart.Files();
        foreach (var edit in @case.Edits)
        {
            if (edit.Replace is null)
            {
                files.Remove(edit.File);
                if (edit.File == "templates")
                {
                    files.Keys.Where(k => k.StartsWith("templates/", StringComparison.Ordinal)).ToList().ForEach(k => files.Remove(k));
                }
            }
            else if (edit.Find is null)
            {
                files[edit.File] = edit.Replace;
            }
            else
            {
                Assert.Contains(edit.Find, files[edit.File], $"{@case.Name}: the edit applies");
                files[edit.File] = files[edit.File].Replace(edit.Find, edit.Replace, StringComparison.Ordinal);
            }
        }

        string? expectedFile = @case.ExpectedFile;
        var (line, column) = (@case.ExpectedLine, @case.ExpectedColumn);
        foreach (var (path, text) in files.ToList())
        {
            if (ValidationTestSupport.Marker(text) is { } marker)
            {
                files[path] = marker.Text;
                expectedFile = "charts/demo/" + (path.StartsWith("rendered/", StringComparison.Ordinal) ? "templates/" + path["rendered/".Length..] : path);
                (line, column) = (marker.Line, marker.Column);
            }
        }

        var chart = DemoChart.Write(directory.Path, files);
        var settings = ValidationSettings.Default with { BaseDirectory = directory.Path };
        settings = @case.Settings?.Invoke(settings) ?? settings;

        var report = ChartValidator.Validate(chart, settings, DemoChart.Renderer(files));

        var all = string.Join("\n", report.Diagnostics);
        var found = report.Diagnostics.Where(d => d.Code == @case.Code).ToList();
        Assert.IsNotEmpty(found, $"{@case.Name}: expected {@case.Code}; got\n{all}");
        var diagnostic = found.FirstOrDefault(d => d.File == expectedFile && d.Line == line && d.Column == column) ?? found[0];
        Assert.AreEqual(@case.Severity, diagnostic.Severity, all);
        Assert.AreEqual(expectedFile, diagnostic.File, all);
        Assert.AreEqual(line, diagnostic.Line, $"line\n{all}");
        Assert.AreEqual(column, diagnostic.Column, $"column\n{all}");
        Assert.IsFalse(string.IsNullOrWhiteSpace(diagnostic.Message));
        var unexpected = report.Diagnostics
            .Where(d => d.Severity != DiagnosticSeverity.Note && d.Code != @case.Code && !@case.AlsoReported.Contains(d.Code))
            .ToList();
        Assert.IsEmpty(unexpected, $"{@case.Name}: only {@case.Code} expected; got\n{all}");
    }

    public static IEnumerable<object[]> CorrectInputs()
    {
        yield return C("ignored template file", "-", Note, Add("templates/README.md", "# docs\n"), Add(".helmignore", "# comment\ntemplates/*.md\n"));
        // Helm's default rule templates/.?* (the core's own .helmignore reader lacked it and reported WT3019 here).
        yield return C("hidden template file ignored by Helm's default rule", "-", Note, Add("templates/.editor.json", "{}\n"));
        yield return C("dependency present", "-", Note, E("Chart.yaml", "kubeVersion", "dependencies:\n  - name: redis\n    version: 19.0.0\n    repository: oci://registry-1.docker.io/bitnamicharts\nkubeVersion"), Add("charts/redis-19.0.0.tgz", "archive"));
        yield return C("job without probes", "-", Note, Add("rendered/job.yaml", "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      securityContext:\n        runAsNonRoot: true\n      containers:\n        - name: migrate\n          image: ghcr.io/acme/demo:1.2.3\n          resources:\n            requests: { cpu: 10m, memory: 32Mi }\n            limits: { memory: 64Mi }\n          securityContext:\n            allowPrivilegeEscalation: false\n            readOnlyRootFilesystem: true\n            capabilities: { drop: [ALL] }\n"));
        yield return C("List of objects", "-", Note, Add("rendered/list.yaml", "apiVersion: v1\nkind: List\nitems: []\n"));
        yield return C("NOTES rendered", "-", Note, Add("rendered/NOTES.txt", "Visit http://demo.example.com: it is up.\n"));
        yield return C("secret declared external", "-", Note, E(Deployment, "      serviceAccountName: demo", "      imagePullSecrets:\n        - name: registry-credentials\n      serviceAccountName: demo"));
        yield return C("optional secret", "-", Note, E(Deployment, "                name: demo-secrets", "                name: maybe-there\n                optional: true"));
        yield return C("certificate creates the TLS secret used by a volume", "-", Note, Add("rendered/certificate.yaml", "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: demo\nspec:\n  secretName: demo-tls\n  dnsNames: [demo.example.com]\n  issuerRef:\n    name: letsencrypt\n    kind: ClusterIssuer\n"), E(Deployment, "      serviceAccountName: demo", "      volumes:\n        - name: tls\n          secret:\n            secretName: demo-tls\n      serviceAccountName: demo"));
        yield return C("numeric targetPort and wildcard TLS", "-", Note, E(Service, "targetPort: http", "targetPort: 8080"), E(Ingress, "        - demo.example.com", "        - \"*.example.com\""));
        yield return C("HPA without replicas", "-", Note, E(Deployment, "  replicas: 2\n", string.Empty), Add("rendered/hpa.yaml", "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: demo\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: demo\n  minReplicas: 2\n  maxReplicas: 4\n"));
    }

    [TestMethod]
    [DynamicData(nameof(CorrectInputs))]
    public void CorrectInputHasNoFinding(Case @case)
    {
        using var directory = new TemporaryDirectory();
        var files = DemoChart.Files();
        foreach (var edit in @case.Edits)
        {
            files[edit.File] = edit.Find is null ? edit.Replace! : files[edit.File].Replace(edit.Find, edit.Replace!, StringComparison.Ordinal);
        }

        var chart = DemoChart.Write(directory.Path, files);
        var settings = ValidationSettings.Default with { BaseDirectory = directory.Path, ExternalSecrets = ["registry-credentials"] };

        var report = ChartValidator.Validate(chart, settings, DemoChart.Renderer(files));

        Assert.IsEmpty(report.Findings, $"{@case.Name}:\n{string.Join("\n", report.Diagnostics)}");
    }

    [TestMethod]
    public void TheCorpusCoversEveryRule()
    {
        var covered = Cases().Select(c => ((Case)c[0]).Code)
            .Concat(ValidationConfigurationTests.BrokenConfigurations().Select(c => (string)c[1]))
            .Concat(Dependencies.DependencyRuleCoverage.Tests.Keys) // one test per dependency code, in Dependencies/
            .Concat(["WT3020", "WT3021", "WT3908", "WT3909", "WT3910"]) // ARendererErrorIsForwardedAndSummarised, NoChartFoundIsReported, SettingsForAnUnknownChartAreAWarning, AnUnreadableConfigurationIsWT3909NotAParseError, CancelledValidationStopsBeforeTheNextChart (task tests)
            .ToHashSet();

        var missing = ValidationRules.All.Select(r => r.Id).Where(id => !covered.Contains(id)).ToList();

        Assert.IsEmpty(missing, string.Join(", ", missing));
        Assert.IsGreaterThanOrEqualTo(50, Cases().Count());
        Assert.IsGreaterThanOrEqualTo(10, CorrectInputs().Count());
    }

    [TestMethod]
    public void TheDemoChartIsCleanWithoutAnyFinding()
    {
        using var directory = new TemporaryDirectory();
        var files = DemoChart.Files();
        var chart = DemoChart.Write(directory.Path, files);

        var report = ChartValidator.Validate(chart, ValidationSettings.Default with { BaseDirectory = directory.Path }, DemoChart.Renderer(files));

        Assert.IsEmpty(report.Findings, string.Join("\n", report.Diagnostics));
        Assert.AreEqual(6, report.RenderedDocuments);
    }

    [TestMethod]
    public void NoChartFoundIsReported()
    {
        using var directory = new TemporaryDirectory();

        var report = ChartValidator.Validate(directory.Path, ValidationSettings.Default with { BaseDirectory = directory.Path }, DemoChart.Renderer(new Dictionary<string, string>()));

        var diagnostic = report.Diagnostics.Single();
        Assert.AreEqual("WT3021", diagnostic.Code);
        Assert.AreEqual(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.AreEqual(".", diagnostic.File);
        Assert.AreEqual((0, 0), (diagnostic.Line, diagnostic.Column));
        Assert.IsTrue(report.HasErrors);
    }

    [TestMethod]
    public void ARendererErrorIsForwardedAndSummarised()
    {
        using var directory = new TemporaryDirectory();
        var files = DemoChart.Files();
        var chart = DemoChart.Write(directory.Path, files);
        var renderError = Diagnostic.Create(DiagnosticCodes.WT4001, DiagnosticSeverity.Error, new SourceLocation(Path.Combine(chart, "templates", "deployment.yaml"), 12, 7), "x");
        var renderer = new FailingRenderer(new ChartRenderOutcome([], [renderError with { Message = "function \"nope\" not defined" }]));

        var report = ChartValidator.Validate(chart, ValidationSettings.Default with { BaseDirectory = directory.Path }, renderer);

        var forwarded = report.Diagnostics.Single(d => d.Code == "WT4001");
        Assert.AreEqual("charts/demo/templates/deployment.yaml", forwarded.File);
        Assert.AreEqual(12, forwarded.Line);
        var summary = report.Diagnostics.Single(d => d.Code == "WT3020");
        Assert.AreEqual(DiagnosticSeverity.Error, summary.Severity);
        Assert.AreEqual("charts/demo/Chart.yaml", summary.File);
        Assert.AreEqual((0, 0), (summary.Line, summary.Column), "the whole chart: no position");
        StringAssert.Contains(summary.Message, "function \"nope\" not defined");
    }

    [TestMethod]
    public void ARendererExceptionIsReportedAsWT3020()
    {
        using var directory = new TemporaryDirectory();
        var files = DemoChart.Files();
        var chart = DemoChart.Write(directory.Path, files);

        var report = ChartValidator.Validate(chart, ValidationSettings.Default with { BaseDirectory = directory.Path }, new FailingRenderer(null));

        var diagnostic = report.Diagnostics.Single(d => d.Code == "WT3020");
        Assert.AreEqual(DiagnosticSeverity.Error, diagnostic.Severity);
        StringAssert.Contains(diagnostic.Message, "engine exploded");
    }

    [TestMethod]
    public void PositionsAreMappedThroughTheSourceMapWithTheValuesPath()
    {
        using var directory = new TemporaryDirectory();
        var files = DemoChart.Files();
        var chart = DemoChart.Write(directory.Path, files);
        var deployment = files[Deployment].Replace("replicas: 2", "replicas: \"2\"", StringComparison.Ordinal);
        var template = Path.Combine(chart, "templates", "deployment.yaml");
        var values = Path.Combine(chart, "values.yaml");
        var documents = DemoChart.Renderer(files).Render(chart, [], ValidationSettings.Default).Documents
            .Select(d => d.TemplatePath == template
                ? d with
                {
                    Text = deployment,
                    // The engine would say: line 8 of the output came from line 9, column 13 of the template, which
                    // printed .Values.replicaCount (values.yaml line 1).
                    MapToSource = (line, column) => line == 8 ? new SourceMapping(new SourceLocation(template, 9, 13 + column - 13), "replicaCount") : null,
                }
                : d)
            .ToList();

        var report = ChartValidator.Validate(chart, ValidationSettings.Default with { BaseDirectory = directory.Path }, new FailingRenderer(new ChartRenderOutcome(documents, [])));

        var finding = report.Findings.Single(f => f.Code == "WT3110");
        Assert.AreEqual("charts/demo/templates/deployment.yaml", finding.Diagnostic.File);
        Assert.AreEqual(9, finding.Diagnostic.Line);
        Assert.AreEqual(13, finding.Diagnostic.Column);
        Assert.AreEqual("replicaCount", finding.ValuesPath);
        StringAssert.Contains(finding.Diagnostic.Message, "(values: replicaCount)");
        Assert.AreEqual("Deployment/demo", finding.ObjectReference);
    }

    [TestMethod]
    public void EveryProblemOfADocumentIsReportedInOnePass()
    {
        using var directory = new TemporaryDirectory();
        var files = DemoChart.Files();
        files[Deployment] = files[Deployment]
            .Replace("replicas: 2", "replicas: \"2\"", StringComparison.Ordinal)
            .Replace("imagePullPolicy: IfNotPresent", "imagePullPolicyy: IfNotPresent", StringComparison.Ordinal)
            .Replace("memory: 256Mi", "memory: 256MB", StringComparison.Ordinal)
            .Replace("        - name: app\n          image:", "        - image:", StringComparison.Ordinal);
        var chart = DemoChart.Write(directory.Path, files);

        var report = ChartValidator.Validate(chart, ValidationSettings.Default with { BaseDirectory = directory.Path }, DemoChart.Renderer(files));

        var codes = report.Diagnostics.Where(d => d.IsError).Select(d => (d.Code, d.Line)).OrderBy(c => c.Line).ToList();
        CollectionAssert.AreEqual(new[] { ("WT3110", 8), ("WT3111", 21), ("WT3109", 22), ("WT3110", 44) }, codes, string.Join("\n", report.Diagnostics));
        StringAssert.Contains(report.Diagnostics.Single(d => d.Code == "WT3109").Message, "Did you mean 'imagePullPolicy'?");
    }

    private sealed class FailingRenderer(ChartRenderOutcome? outcome) : IChartRenderer
    {
        public ChartRenderOutcome Render(string chartDirectory, IReadOnlyList<string> extraValuesFiles, ValidationSettings settings)
            => outcome ?? throw new InvalidOperationException("engine exploded");
    }
}
