using WellTrack.Core.Validation;

namespace WellTrack.Core.Tests.Validation;

/// <summary>
/// A small chart that passes every rule without a warning, and its pre-rendered release. The corpus breaks one or two
/// things in it at a time. Files are chart-relative ("Chart.yaml"); rendered documents are keyed "rendered/x.yaml" and
/// attributed to templates/x.yaml.
/// </summary>
internal static class DemoChart
{
    public const string Name = "demo";

    public static Dictionary<string, string> Files() => new(StringComparer.Ordinal)
    {
        ["Chart.yaml"] = """
            apiVersion: v2
            name: demo
            description: A demo service
            type: application
            version: 0.1.0
            appVersion: "1.0.0"
            kubeVersion: ">=1.30.0-0"

            """,
        ["values.yaml"] = """
            replicaCount: 2
            image:
              repository: ghcr.io/acme/demo
              tag: "1.2.3"

            """,
        ["values.schema.json"] = """
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "replicaCount": { "type": "integer", "minimum": 0 },
                "image": {
                  "type": "object",
                  "required": ["repository", "tag"],
                  "properties": {
                    "repository": { "type": "string" },
                    "tag": { "type": "string", "pattern": "^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$" }
                  }
                }
              }
            }

            """,
        ["templates/_helpers.tpl"] = "{{- define \"demo.name\" -}}demo{{- end -}}\n",
        ["templates/NOTES.txt"] = "Thanks for installing demo.\n",
        ["templates/deployment.yaml"] = "# rendered by the test renderer\n",
        ["templates/service.yaml"] = "# rendered by the test renderer\n",
        ["rendered/deployment.yaml"] = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: demo
              labels:
                app.kubernetes.io/name: demo
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app.kubernetes.io/name: demo
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: demo
                spec:
                  serviceAccountName: demo
                  securityContext:
                    runAsNonRoot: true
                  containers:
                    - name: app
                      image: ghcr.io/acme/demo:1.2.3
                      imagePullPolicy: IfNotPresent
                      ports:
                        - name: http
                          containerPort: 8080
                      envFrom:
                        - configMapRef:
                            name: demo
                        - secretRef:
                            name: demo-secrets
                      livenessProbe:
                        httpGet:
                          path: /healthz
                          port: http
                      readinessProbe:
                        httpGet:
                          path: /readyz
                          port: http
                      resources:
                        requests:
                          cpu: 100m
                          memory: 128Mi
                        limits:
                          memory: 256Mi
                      securityContext:
                        allowPrivilegeEscalation: false
                        readOnlyRootFilesystem: true
                        capabilities:
                          drop: [ALL]

            """,
        ["rendered/service.yaml"] = """
            apiVersion: v1
            kind: Service
            metadata:
              name: demo
            spec:
              type: ClusterIP
              selector:
                app.kubernetes.io/name: demo
              ports:
                - name: http
                  port: 80
                  targetPort: http

            """,
        ["rendered/serviceaccount.yaml"] = """
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: demo
            automountServiceAccountToken: false

            """,
        ["rendered/configmap.yaml"] = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: demo
            data:
              LOG_LEVEL: info
              PORT: "8080"

            """,
        ["rendered/externalsecret.yaml"] = """
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata:
              name: demo-secrets
            spec:
              refreshInterval: 1h
              secretStoreRef:
                name: vault-backend
                kind: ClusterSecretStore
              target:
                name: demo-secrets
                creationPolicy: Owner
              data:
                - secretKey: API_KEY
                  remoteRef:
                    key: demo/api
                    property: key

            """,
        ["rendered/ingress.yaml"] = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: demo
              annotations:
                cert-manager.io/cluster-issuer: letsencrypt
            spec:
              ingressClassName: nginx
              tls:
                - hosts:
                    - demo.example.com
                  secretName: demo-tls
              rules:
                - host: demo.example.com
                  http:
                    paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service:
                            name: demo
                            port:
                              number: 80

            """,
    };

    /// <summary>Writes the chart under <paramref name="root"/>/charts/demo; returns the chart directory.</summary>
    public static string Write(string root, IReadOnlyDictionary<string, string> files)
    {
        var chart = Path.Combine(root, "charts", Name);
        foreach (var (path, text) in files)
        {
            if (path.StartsWith("rendered/", StringComparison.Ordinal))
            {
                continue;
            }

            var full = Path.Combine(chart, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        if (!File.Exists(Path.Combine(chart, "templates")))
        {
            Directory.CreateDirectory(Path.Combine(chart, "templates"));
        }

        return chart;
    }

    /// <summary>A renderer returning the "rendered/" entries as documents of templates/.</summary>
    public static IChartRenderer Renderer(IReadOnlyDictionary<string, string> files) => new DocumentsRenderer(files);

    private sealed class DocumentsRenderer(IReadOnlyDictionary<string, string> files) : IChartRenderer
    {
        public ChartRenderOutcome Render(string chartDirectory, IReadOnlyList<string> extraValuesFiles, ValidationSettings settings)
            => new(files.Where(f => f.Key.StartsWith("rendered/", StringComparison.Ordinal))
                .OrderBy(f => f.Key, StringComparer.Ordinal)
                .Select(f => new RenderedDocument(Path.Combine(chartDirectory, "templates", f.Key["rendered/".Length..]), f.Value))
                .ToList(), []);
    }
}
