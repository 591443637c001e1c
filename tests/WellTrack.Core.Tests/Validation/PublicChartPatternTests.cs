using WellTrack.Core.Validation;
using WellTrack.Diagnostics;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Validation;

/// <summary>
/// Patterns of public, CI-tested charts that Helm renders without complaint, reduced to a few lines each (written
/// here, not copied): each was an error before the severity rule and must not be one now, while the broken form
/// next to it still is. Charts are rendered by the engine (<see cref="HelmChartRenderer"/>), as <c>welltrack
/// validate</c> renders them.
/// </summary>
[TestClass]
public sealed class PublicChartPatternTests
{
    private const string ChartYaml = "apiVersion: v2\nname: probe\nversion: 0.1.0\n";

    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ .Release.Name }}-probe
        spec:
          selector:
            matchLabels: {app: probe}
          template:
            metadata:
              labels: {app: probe}
            spec:
              containers:
                - name: main
                  image: "example.test/probe:1.0.0"
                  ports:
                    - {name: http, containerPort: 8080}
                  readinessProbe:
                    httpGet: {path: /ready, port: {{ .Values.probePort }}}
        {{- with .Values.secretName }}
                  envFrom:
                    - secretRef: {name: {{ . }}}
        {{- end }}
        {{- with .Values.computedSecret }}
                  env:
                    - name: TOKEN
                      valueFrom:
                        secretKeyRef: {name: "{{ $.Release.Name }}-{{ . }}", key: token}
        {{- end }}
        """;

    private const string Service = """
        apiVersion: v1
        kind: Service
        metadata:
          name: {{ .Release.Name }}-probe
        spec:
          selector: {app: probe}
          ports:
            - port: 80
              targetPort: {{ .Values.targetPort }}
        """;

    private static Dictionary<string, string> Chart(string values, params (string Path, string Text)[] more)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Chart.yaml"] = ChartYaml,
            ["values.yaml"] = values,
            ["templates/deployment.yaml"] = Deployment,
            ["templates/service.yaml"] = Service,
        };
        foreach (var (path, text) in more)
        {
            files[path] = text;
        }

        return files;
    }

    private const string Values = "probePort: http\ntargetPort: http\nsecretName: null\ncomputedSecret: null\n";

    private static ValidationReport Validate(TemporaryDirectory directory, Dictionary<string, string> files, string chartName = "probe", Func<ValidationSettings, ValidationSettings>? settings = null)
    {
        var chart = Path.Combine(directory.Path, "charts", chartName);
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(chart, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        var configured = ValidationSettings.Default with { BaseDirectory = directory.Path };
        return ChartValidator.Validate(chart, settings?.Invoke(configured) ?? configured, new HelmChartRenderer());
    }

    private static string Describe(ValidationReport report) => string.Join("\n", report.Diagnostics);

    private static Diagnostic Single(ValidationReport report, string code)
    {
        var found = report.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.HasCount(1, found, Describe(report));
        return found[0];
    }

    [TestMethod]
    public void TheReducedChartIsClean()
    {
        using var directory = new TemporaryDirectory();
        var report = Validate(directory, Chart(Values));
        Assert.IsFalse(report.Diagnostics.Any(d => d.Severity >= DiagnosticSeverity.Warning && !d.Code.StartsWith("WT33", StringComparison.Ordinal)), Describe(report));
    }

    [TestMethod]
    public void UndeclaredNumericPortsAreWarningsAndUnknownNamedPortsErrors()
    {
        using var directory = new TemporaryDirectory();
        var numeric = Validate(directory, Chart("probePort: 10254\ntargetPort: 9090\nsecretName: null\ncomputedSecret: null\n"));
        Assert.AreEqual(DiagnosticSeverity.Warning, Single(numeric, "WT3220").Severity);
        Assert.AreEqual(DiagnosticSeverity.Warning, Single(numeric, "WT3221").Severity);
        Assert.IsFalse(numeric.Diagnostics.Any(d => d.IsError), Describe(numeric));

        using var other = new TemporaryDirectory();
        var named = Validate(other, Chart("probePort: metrics\ntargetPort: web\nsecretName: null\ncomputedSecret: null\n"));
        Assert.AreEqual(DiagnosticSeverity.Error, Single(named, "WT3203").Severity);
        Assert.AreEqual(DiagnosticSeverity.Error, Single(named, "WT3210").Severity);
    }

    [TestMethod]
    public void ASecretNamedByAValueIsAWarningWithTheValuesPath()
    {
        using var directory = new TemporaryDirectory();
        var report = Validate(directory, Chart("probePort: http\ntargetPort: http\nsecretName: team-credentials\ncomputedSecret: null\n"));
        var finding = Single(report, "WT3222");
        Assert.AreEqual(DiagnosticSeverity.Warning, finding.Severity);
        Assert.Contains("secretName", finding.Message);
        Assert.IsFalse(report.Diagnostics.Any(d => d.IsError), Describe(report));
    }

    [TestMethod]
    public void ASecretTheTemplateNamesAndNothingCreatesIsAnError()
    {
        using var directory = new TemporaryDirectory();
        var report = Validate(directory, Chart("probePort: http\ntargetPort: http\nsecretName: null\ncomputedSecret: token\n"));
        Assert.AreEqual(DiagnosticSeverity.Error, Single(report, "WT3207").Severity);
    }

    [TestMethod]
    public void ASecretARoleOfTheReleaseMayCreateIsAWarning()
    {
        const string role = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: {{ .Release.Name }}-certgen
            rules:
              - apiGroups: [""]
                resources: [secrets]
                verbs: [get, create, update]
            """;
        using var directory = new TemporaryDirectory();
        var report = Validate(directory, Chart("probePort: http\ntargetPort: http\nsecretName: null\ncomputedSecret: token\n", ("templates/role.yaml", role)));
        Assert.IsFalse(report.Diagnostics.Any(d => d.Code == "WT3207"), Describe(report));
        Assert.Contains("Role/release-name-certgen", Single(report, "WT3222").Message);
    }

    [TestMethod]
    public void TheStrictFormMakesAnOutsideSecretAnError()
    {
        using var directory = new TemporaryDirectory();
        var report = Validate(directory, Chart("probePort: http\ntargetPort: http\nsecretName: team-credentials\ncomputedSecret: null\n"),
            settings: s => s with { Rules = new Dictionary<string, RuleSetting> { ["WT3222"] = new(RuleSeverity.Error) } });
        Assert.AreEqual(DiagnosticSeverity.Error, Single(report, "WT3222").Severity);
    }

    [TestMethod]
    public void ChartsRenderWithTheTargetClustersApiVersions()
    {
        // The pattern: pick apiregistration.k8s.io/v1 when the cluster has it, else the beta removed in 1.22.
        const string apiService = """
            {{- if .Capabilities.APIVersions.Has "apiregistration.k8s.io/v1" }}
            apiVersion: apiregistration.k8s.io/v1
            {{- else }}
            apiVersion: apiregistration.k8s.io/v1beta1
            {{- end }}
            kind: APIService
            metadata:
              name: v1beta1.metrics.example.test
            spec:
              group: metrics.example.test
              version: v1beta1
              groupPriorityMinimum: 100
              versionPriority: 100
              service: {name: {{ .Release.Name }}-probe, namespace: default}
            {{- if .Capabilities.APIVersions.Has "monitoring.example.test/v1/Probe" }}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: Probe_Monitoring_On
            {{- end }}
            """;
        using var directory = new TemporaryDirectory();
        var files = Chart(Values, ("templates/apiservice.yaml", apiService));
        var report = Validate(directory, files);
        Assert.IsFalse(report.Diagnostics.Any(d => d.IsError), Describe(report));

        // A custom resource API the cluster serves (validation.apiVersions) is visible to the templates too; the
        // ConfigMap rendered only then has a name the API server refuses, which shows it was rendered.
        using var configured = new TemporaryDirectory();
        var withCustom = Validate(configured, files, settings: s => s with { ApiVersions = ["monitoring.example.test/v1/Probe"] });
        Assert.AreEqual(DiagnosticSeverity.Error, Single(withCustom, "WT3108").Severity);
    }

    [TestMethod]
    [DataRow("http://json-schema.org/draft-07/schema#")]
    [DataRow("http://json-schema.org/draft-07/schema")]
    [DataRow("https://json-schema.org/schema#")]
    [DataRow("http://json-schema.org/schema#")]
    [DataRow("http://json-schema.org/draft-04/schema#")]
    [DataRow("http://json-schema.org/draft-06/schema#")]
    public void ValuesSchemasHelmAcceptsAreUsable(string dialect)
    {
        var schema = $$"""
            {
              "$schema": "{{dialect}}",
              "type": "object",
              "properties": {
                "probePort": { "type": ["integer", "string"] },
                "replicas": { "type": "integer", "minimum": 1 }
              }
            }
            """;
        using var directory = new TemporaryDirectory();
        var report = Validate(directory, Chart(Values + "replicas: 0\n", ("values.schema.json", schema)));
        Assert.IsFalse(report.Diagnostics.Any(d => d.Code == "WT3016"), Describe(report));
        Assert.AreEqual(DiagnosticSeverity.Error, Single(report, "WT3017").Severity);
    }

    [TestMethod]
    public void Draft04ExclusiveBoundsKeepTheirMeaning()
    {
        const string schema = """
            {
              "$schema": "http://json-schema.org/draft-04/schema#",
              "type": "object",
              "properties": { "replicas": { "type": "integer", "minimum": 1, "exclusiveMinimum": true } }
            }
            """;
        using var directory = new TemporaryDirectory();
        var atBound = Validate(directory, Chart(Values + "replicas: 1\n", ("values.schema.json", schema)));
        Assert.AreEqual(DiagnosticSeverity.Error, Single(atBound, "WT3017").Severity);

        using var other = new TemporaryDirectory();
        var above = Validate(other, Chart(Values + "replicas: 2\n", ("values.schema.json", schema)));
        Assert.IsFalse(above.Diagnostics.Any(d => d.Code is "WT3016" or "WT3017"), Describe(above));
    }

    [TestMethod]
    public void AChartInADirectoryOfAnotherNameIsAWarning()
    {
        using var directory = new TemporaryDirectory();
        var report = Validate(directory, Chart(Values), chartName: "probe-chart");
        Assert.AreEqual(DiagnosticSeverity.Warning, Single(report, "WT3006").Severity);
        Assert.IsFalse(report.Diagnostics.Any(d => d.IsError), Describe(report));
    }

    [TestMethod]
    public void SubchartsAreMatchedByTheirChartYamlNameAsHelmMatchesThem()
    {
        using var directory = new TemporaryDirectory();
        var files = Chart(Values, ("charts/database/Chart.yaml", "apiVersion: v2\nname: db\nversion: 0.2.0\n"), ("charts/cache/Chart.yaml", "apiVersion: v2\nname: store\nversion: 0.1.0\n"));
        files["Chart.yaml"] = ChartYaml + "dependencies:\n  - name: db\n    version: 0.2.0\n  - name: cache\n    version: 0.1.0\n";
        var report = Validate(directory, files);

        Assert.IsFalse(report.Diagnostics.Any(d => d.Code == "WT3012" && d.Message.Contains("'db'", StringComparison.Ordinal)), Describe(report));
        Assert.Contains("'cache'", Single(report, "WT3012").Message);
        Assert.AreEqual("charts/probe/charts/cache", Single(report, "WT3013").File);
    }

    [TestMethod]
    public void ASubchartsSchemaIsEnforcedOnTheValuesTheParentPassesIt()
    {
        const string subchartSchema = """{"$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "properties": {"size": {"type": "integer"}}}""";
        using var directory = new TemporaryDirectory();
        var files = Chart(Values + "store:\n  size: large\n", ("charts/store/Chart.yaml", "apiVersion: v2\nname: store\nversion: 0.1.0\n"),
            ("charts/store/values.yaml", "size: 1\n"), ("charts/store/values.schema.json", subchartSchema));
        files["Chart.yaml"] = ChartYaml + "dependencies:\n  - name: store\n    version: 0.1.0\n";
        var report = Validate(directory, files);

        var schemaError = Single(report, "WT4014");
        Assert.AreEqual("charts/probe/charts/store/values.schema.json", schemaError.File);
        Assert.Contains("store:\n- size:", schemaError.Message);
        Assert.AreEqual(DiagnosticSeverity.Error, Single(report, "WT3020").Severity);

        using var valid = new TemporaryDirectory();
        files["values.yaml"] = Values + "store:\n  size: 2\n";
        Assert.IsFalse(Validate(valid, files).Diagnostics.Any(d => d.IsError), "a conforming section renders");
    }

    [TestMethod]
    public void TheClustersRootCertificateConfigMapAlwaysExists()
    {
        var files = Chart(Values);
        files["templates/deployment.yaml"] = Deployment.Replace("      containers:",
            "      volumes:\n        - name: ca\n          projected:\n            sources:\n              - configMap: {name: kube-root-ca.crt}\n      containers:", StringComparison.Ordinal);
        using var directory = new TemporaryDirectory();
        var report = Validate(directory, files);
        Assert.IsFalse(report.Diagnostics.Any(d => d.Code is "WT3208" or "WT3222" or "WT3101"), Describe(report));
    }

    [TestMethod]
    public void ABlockScalarWhoseFirstLineIsBlankButIndentedIsReadAsGoReadsIt()
    {
        const string configMap = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: probe-config
            data:
              config.yaml: |
                {{ toYaml .Values.extra | nindent 4 }}
            """;
        using var directory = new TemporaryDirectory();
        var report = Validate(directory, Chart(Values + "extra: {}\n", ("templates/configmap.yaml", configMap)));
        Assert.IsFalse(report.Diagnostics.Any(d => d.Code is "WT3101"), Describe(report));
    }

    [TestMethod]
    public void HelmTestPodsAreNotHeldToWorkloadPractice()
    {
        const string testPod = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: {{ .Release.Name }}-connection-test
              annotations:
                "helm.sh/hook": test
            spec:
              restartPolicy: Never
              containers:
                - name: wget
                  image: busybox
                  command: [wget, "{{ .Release.Name }}-probe:80"]
            """;
        using var directory = new TemporaryDirectory();
        var report = Validate(directory, Chart(Values, ("templates/tests/connection.yaml", testPod)));
        Assert.IsFalse(report.Diagnostics.Any(d => d.Code.StartsWith("WT33", StringComparison.Ordinal) && d.File!.Contains("tests/", StringComparison.Ordinal)), Describe(report));
        Assert.IsTrue(report.Diagnostics.Any(d => d.Code == "WT3303" && d.File!.EndsWith("deployment.yaml", StringComparison.Ordinal)), "the workload is still checked");
    }

    [TestMethod]
    public void TemplateErrorsNameTheFileByItsPath()
    {
        using var directory = new TemporaryDirectory();
        var files = Chart(Values);
        files["templates/service.yaml"] = Service + "\n  clusterIP: {{ .Values.missing.deeper }}\n";
        var report = Validate(directory, files, chartName: "probe-chart");
        var templateError = report.Diagnostics.First(d => d.Code.StartsWith("WT4", StringComparison.Ordinal));
        Assert.AreEqual("charts/probe-chart/templates/service.yaml", templateError.File, Describe(report));
        Assert.IsTrue(File.Exists(Path.Combine(directory.Path, templateError.File!)));
    }

    [TestMethod]
    public void AChartPathWithATrailingSlashNamesTheChart()
    {
        using var directory = new TemporaryDirectory();
        var files = Chart(Values);
        files["Chart.yaml"] = "apiVersion: v2\nname: other\nversion: 0.1.0\n";
        Validate(directory, files);
        var report = ChartValidator.Validate(Path.Combine(directory.Path, "charts", "probe") + Path.DirectorySeparatorChar,
            ValidationSettings.Default with { BaseDirectory = directory.Path }, new HelmChartRenderer());
        Assert.AreEqual("probe", report.Charts.Single());
        Assert.Contains("'probe'", Single(report, "WT3006").Message);
    }
}
