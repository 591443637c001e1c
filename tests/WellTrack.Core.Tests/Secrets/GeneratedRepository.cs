using System.Globalization;

namespace WellTrack.Core.Tests.Secrets;

/// <summary>
/// A generated GitOps repository for the benchmark: charts of ten files each (Chart.yaml, three values files, a CI
/// values file, five templates) shaped like the WellTrack charts, with fake secrets planted in some of them.
/// expected.tsv beside it lists every planted finding (file, line, code).
/// </summary>
internal static class GeneratedRepository
{
    private static readonly (string Kind, string Code)[] Planted =
    [
        ("ghp", "WT5017"), ("gocspx", "WT5013"), ("sk-live", "WT5020"), ("aiza", "WT5014"), ("xoxb", "WT5018"),
        ("sendgrid", "WT5021"), ("npm", "WT5024"), ("akia", "WT5015"), ("openai", "WT5023"), ("resend", "WT5022"),
        ("jwt-service-role", "WT5011"), ("postgres", "WT5027"), ("pem-rsa", "WT5025"), ("slack-webhook", "WT5019"),
    ];

    public static void Write(string root, int fileCount)
    {
        var fakes = new FakeSecrets(20261126);
        var expected = new List<string> { "file\tline\tcode" };
        var charts = Math.Max(1, fileCount / 10);
        for (var i = 0; i < charts; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"svc-{i:D4}");
            var dir = Path.Combine(root, "charts", name);
            Directory.CreateDirectory(Path.Combine(dir, "templates"));
            Directory.CreateDirectory(Path.Combine(dir, "ci"));
            var secretTemplate = i % 20 == 11;
            File.WriteAllText(Path.Combine(dir, "Chart.yaml"), $"apiVersion: v2\nname: {name}\ndescription: WellTrack service {i}\ntype: application\nversion: 0.{i % 9}.0\nappVersion: \"1.{i % 7}.0\"\n");
            Write(dir, "values.yaml", Values(name, i, fakes, secretTemplate), expected, root);
            Write(dir, "values-prod.yaml", Overrides(name, i, "prod", fakes, i % 10 == 3 ? Planted[(i / 10) % Planted.Length] : null), expected, root);
            Write(dir, "values-staging.yaml", Overrides(name, i, "staging", fakes, null, plantPassword: i % 25 == 7), expected, root);
            Write(dir, "ci/test-values.yaml", [("ingress:", null), ("  enabled: false", null), ("autoscaling:", null), ("  enabled: true", null), ("  minReplicas: 2", null)], expected, root);
            Write(dir, "templates/deployment.yaml", Lines(Deployment(name)), expected, root);
            Write(dir, "templates/service.yaml", Lines(Service(name)), expected, root);
            Write(dir, "templates/ingress.yaml", Lines(Ingress(name)), expected, root);
            Write(dir, "templates/externalsecret.yaml", Lines(ExternalSecret(name)), expected, root);
            Write(dir, secretTemplate ? "templates/secret.yaml" : "templates/configmap.yaml", secretTemplate ? SecretTemplate(name) : Lines(ConfigMap(name)), expected, root);
        }

        File.WriteAllLines(Path.Combine(root, "expected.tsv"), expected);
    }

    private static void Write(string dir, string relative, List<(string Text, string? Code)> lines, List<string> expected, string root)
    {
        var path = Path.Combine(dir, relative);
        var file = Path.GetRelativePath(root, path).Replace('\\', '/');
        var text = new List<string>();
        foreach (var (line, code) in lines)
        {
            if (code is not null)
            {
                expected.Add(string.Create(CultureInfo.InvariantCulture, $"{file}\t{text.Count + 1}\t{code}"));
            }

            text.AddRange(line.Split('\n'));
        }

        File.WriteAllText(path, string.Join('\n', text) + "\n");
    }

    private static List<(string, string?)> Lines(string text) => text.Split('\n').Select(l => (l, (string?)null)).ToList();

    private static List<(string, string?)> Values(string name, int i, FakeSecrets fakes, bool secretTemplate)
    {
        var lines = Lines($$"""
            # Default values for {{name}}.
            # Non-secret settings only: secrets come from Vault through ExternalSecret objects.
            nameOverride: ""
            fullnameOverride: ""
            replicaCount: {{1 + i % 3}}
            image:
              repository: ghcr.io/welltrack/{{name}}
              tag: {{fakes.Chars("0123456789abcdef", 7)}} # Updated by CI
              digest: ""
              pullPolicy: IfNotPresent
            imagePullSecrets:
              - name: ghcr-pull
            serviceAccount:
              create: true
              name: ""
              annotations: {}
            podAnnotations:
              checksum/config: {{fakes.Chars("0123456789abcdef", 64)}}
            podSecurityContext:
              runAsNonRoot: true
              runAsUser: 1654
              fsGroup: 1654
            service:
              type: ClusterIP
              port: {{3000 + i % 50}}
            ingress:
              enabled: true
              className: nginx
              annotations:
                cert-manager.io/cluster-issuer: selfsigned-cluster-issuer
              hosts:
                - host: {{name}}.welltrack.local
                  paths:
                    - path: /
                      pathType: Prefix
              tls:
                - hosts:
                    - {{name}}.welltrack.local
                  secretName: {{name}}-tls
            config:
              ASPNETCORE_ENVIRONMENT: Production
              TENANT_ID: {{Guid.NewGuid()}}
              PUBLIC_URL: https://{{name}}.welltrack.local
            resources:
              requests:
                cpu: 100m
                memory: 128Mi
              limits:
                memory: 256Mi
            externalSecrets:
              secretStoreRef:
                name: vault-backend
                kind: ClusterSecretStore
              refreshInterval: 1h
            databaseCredentials:
              enabled: true
              existingSecret: ""
              remoteKey: welltrack/{{name}}/database
              keys:
                - secretKey: DB_PASSWORD
                  property: password
                - secretKey: DB_USER
                  property: username
            nodeSelector: {}
            tolerations: []
            affinity: {}
            """);
        if (secretTemplate)
        {
            lines.Add(("envSecrets:", null));
            lines.Add(("  PUBLIC_API_URL: https://api.welltrack.local", null));
            lines.Add(($"  GOOGLE_CLIENT_SECRET: {fakes.Make("gocspx")}", "WT5013"));
            lines.Add(($"  NEXTAUTH_SECRET: {fakes.Make("random32")}", "WT5003"));
        }

        return lines;
    }

    private static List<(string, string?)> Overrides(string name, int i, string environment, FakeSecrets fakes, (string Kind, string Code)? planted, bool plantPassword = false)
    {
        var lines = Lines($"""
            # {environment} overrides for {name}
            replicaCount: {(environment == "prod" ? 3 : 1)}
            image:
              tag: {fakes.Make("hex40")}
              digest: sha256:{fakes.Chars("0123456789abcdef", 64)}
            ingress:
              hosts:
                - host: {name}.{environment}.welltrack.app
            resources:
              limits:
                memory: {256 + i % 4 * 128}Mi
            """);
        if (planted is { } p)
        {
            lines.Add(("extraConfig:", null));
            if (p.Kind == "pem-rsa")
            {
                lines.Add(("  SIGNING_KEY: |", null));
                lines.Add(("    " + fakes.Make("pem-rsa").Replace("\n", "\n    ", StringComparison.Ordinal), p.Code));
            }
            else
            {
                var value = p.Kind == "postgres" ? $"postgres://app:{fakes.Make("password")}@postgres:5432/app" : fakes.Make(p.Kind);
                lines.Add(($"  INTEGRATION_{p.Kind.ToUpperInvariant().Replace('-', '_')}: {value}", p.Code));
            }
        }

        if (plantPassword)
        {
            lines.Add(("database:", null));
            lines.Add(($"  password: {fakes.Make("password")}", "WT5004"));
        }

        return lines;
    }

    private static List<(string, string?)> SecretTemplate(string name)
    {
        var lines = Lines($$"""
            apiVersion: v1
            kind: Secret
            metadata:
              name: {{name}}-env
            type: Opaque
            data:
            """);
        lines.Add(("  {{- range $key, $value := .Values.envSecrets }}", "WT5002"));
        lines.AddRange(Lines("""
              {{ $key }}: {{ $value | b64enc | quote }}
              {{- end }}
            """));
        return lines;
    }

    private static string Deployment(string name) => $$$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ include "{{{name}}}.fullname" . }}
          labels:
            {{- include "{{{name}}}.labels" . | nindent 4 }}
        spec:
          replicas: {{ .Values.replicaCount }}
          selector:
            matchLabels:
              {{- include "{{{name}}}.selectorLabels" . | nindent 6 }}
          template:
            metadata:
              annotations:
                checksum/config: {{ include (print $.Template.BasePath "/configmap.yaml") . | sha256sum }}
            spec:
              serviceAccountName: {{ include "{{{name}}}.serviceAccountName" . }}
              containers:
                - name: {{{name}}}
                  image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
                  ports:
                    - name: http
                      containerPort: {{ .Values.service.port }}
                  envFrom:
                    - configMapRef:
                        name: {{ include "{{{name}}}.fullname" . }}
                    - secretRef:
                        name: {{ include "{{{name}}}.fullname" . }}-database
                  env:
                    - name: DB_PASSWORD
                      valueFrom:
                        secretKeyRef:
                          name: {{ include "{{{name}}}.fullname" . }}-database
                          key: DB_PASSWORD
                  resources:
                    {{- toYaml .Values.resources | nindent 12 }}
        """;

    private static string Service(string name) => $$$"""
        apiVersion: v1
        kind: Service
        metadata:
          name: {{ include "{{{name}}}.fullname" . }}
        spec:
          type: {{ .Values.service.type }}
          ports:
            - port: {{ .Values.service.port }}
              targetPort: http
              name: http
          selector:
            {{- include "{{{name}}}.selectorLabels" . | nindent 4 }}
        """;

    private static string Ingress(string name) => $$$"""
        {{- if .Values.ingress.enabled }}
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: {{ include "{{{name}}}.fullname" . }}
        spec:
          ingressClassName: {{ .Values.ingress.className }}
          tls:
            {{- range .Values.ingress.tls }}
            - hosts: {{ toYaml .hosts | nindent 8 }}
              secretName: {{ .secretName }}
            {{- end }}
        {{- end }}
        """;

    private static string ExternalSecret(string name) => $$$"""
        apiVersion: external-secrets.io/v1
        kind: ExternalSecret
        metadata:
          name: {{ include "{{{name}}}.fullname" . }}-database
        spec:
          refreshInterval: {{ .Values.externalSecrets.refreshInterval | quote }}
          secretStoreRef:
            name: {{ .Values.externalSecrets.secretStoreRef.name }}
            kind: {{ .Values.externalSecrets.secretStoreRef.kind }}
          target:
            name: {{ include "{{{name}}}.fullname" . }}-database
          data:
            {{- range .Values.databaseCredentials.keys }}
            - secretKey: {{ .secretKey }}
              remoteRef:
                key: {{ $.Values.databaseCredentials.remoteKey }}
                property: {{ .property }}
            {{- end }}
        """;

    private static string ConfigMap(string name) => $$$"""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ include "{{{name}}}.fullname" . }}
        data:
          {{- range $key, $value := .Values.config }}
          {{ $key }}: {{ $value | quote }}
          {{- end }}
        """;
}
