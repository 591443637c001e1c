using System.Globalization;
using System.Text;

namespace WellTrack.Benchmarks;

/// <summary>
/// Writes a GitOps-shaped tree of mixed file types for the secrets scan's speed test (issue 16: 20,000 files under
/// 5 s on 2 cores): charts (Chart.yaml, values, templates), and under each chart's files/ the kinds a chart ships —
/// .env, INI, properties, TOML, shell, Markdown, JSON, extension-less env files, PNG images and .tgz archives. One
/// file in fifty holds a fake credential of generated shape. Deterministic for a given count.
/// </summary>
public static class MixedTreeGenerator
{
    private const int FilesPerChart = 20;

    public static int Generate(string root, int files)
    {
        var random = new Random(20_000);
        var written = 0;
        for (var chart = 0; written < files; chart++)
        {
            var dir = Path.Combine(root, "charts", string.Create(CultureInfo.InvariantCulture, $"svc-{chart:D4}"));
            Directory.CreateDirectory(Path.Combine(dir, "templates"));
            Directory.CreateDirectory(Path.Combine(dir, "files"));
            for (var i = 0; i < FilesPerChart && written < files; i++, written++)
            {
                var plant = random.Next(50) == 0;
                var (name, content) = Make(i, chart, plant, random);
                var path = Path.Combine(dir, name);
                if (content is byte[] bytes)
                {
                    File.WriteAllBytes(path, bytes);
                }
                else
                {
                    File.WriteAllText(path, (string)content);
                }
            }
        }

        return written;
    }

    private static (string Name, object Content) Make(int index, int chart, bool plant, Random random)
    {
        string Secret() => plant ? Random(random, 24) : "${SECRET_FROM_VAULT}";
        return index switch
        {
            0 => ("Chart.yaml", $"apiVersion: v2\nname: svc-{chart}\nversion: 1.0.{chart}\nappVersion: \"1.{chart}\"\n"),
            1 => ("values.yaml", $"replicaCount: 2\nimage:\n  repository: ghcr.io/welltrack/svc-{chart}\n  tag: \"1.{chart}.0\"\nservice:\n  port: 8080\nenv:\n  LOG_LEVEL: info\n  DB_PASSWORD: \"{Secret()}\"\nresources:\n  limits:\n    cpu: 500m\n    memory: 256Mi\n"),
            2 => ("templates/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  replicas: {{ .Values.replicaCount }}\n  template:\n    spec:\n      containers:\n        - name: app\n          image: \"{{ .Values.image.repository }}:{{ .Values.image.tag }}\"\n          env:\n          {{- range $k, $v := .Values.env }}\n            - name: {{ $k }}\n              value: {{ $v | quote }}\n          {{- end }}\n"),
            3 => ("templates/service.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  ports:\n    - port: {{ .Values.service.port }}\n"),
            4 => ("templates/_helpers.tpl", "{{- define \"svc.name\" -}}\n{{ .Chart.Name | trunc 63 }}\n{{- end }}\n"),
            5 => ("templates/configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  run.sh: |\n    #!/bin/sh\n    exec /app/server --port 8080\n"),
            6 => ("files/app.env", $"APP_NAME=svc\nDB_HOST=db\nDB_PASSWORD={Secret()}\nCOMMIT={Hex(random, 40)}\n"),
            7 => ("files/settings.ini", $"[server]\nport = 8080\n[database]\nuser = app\npassword = {Secret()}\n"),
            8 => ("files/application.properties", $"spring.datasource.url=jdbc:postgresql://db/app\nspring.datasource.password={Secret()}\n"),
            9 => ("files/config.toml", $"[database]\nhost = \"db\"\npassword = \"{Secret()}\"\n"),
            10 => ("files/entrypoint.sh", "#!/bin/sh\nset -e\nexport DB_PASSWORD=\"$(cat /run/secrets/db)\"\nexec /app/server\n"),
            11 => ("README.md", $"# svc-{chart}\n\nDeploy with Argo CD. Secrets come from Vault through ExternalSecrets.\n" + Lorem(random, 40)),
            12 => ("files/dashboard.json", $"{{\"title\": \"svc-{chart}\", \"uid\": \"{Hex(random, 12)}\", \"panels\": [{{\"id\": 1, \"type\": \"graph\"}}]}}\n"),
            13 => ("files/secrets", $"API_URL=https://api.example.org\nAPI_TOKEN={Secret()}\n"),
            14 => ("files/logo.png", Png(random)),
            15 => ("charts.tgz", new byte[] { 0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0, 3 }),
            16 => ("files/nginx.conf", "server {\n  listen 80;\n  location / { proxy_pass http://127.0.0.1:8080; }\n}\n"),
            17 => ("files/notes.txt", Lorem(random, 60)),
            18 => ("values-ci.yaml", $"env:\n  LOG_LEVEL: debug\n  SESSION_SALT: {(plant ? Random(random, 40) : "from-vault")}\n"),
            _ => (".helmignore", ".git/\n*.tmp\n"),
        };
    }

    private static byte[] Png(Random random)
    {
        var bytes = new byte[512];
        random.NextBytes(bytes);
        byte[] header = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        header.CopyTo(bytes, 0);
        return bytes;
    }

    private static string Random(Random random, int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var sb = new StringBuilder("Aa1");
        while (sb.Length < length)
        {
            sb.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return sb.ToString();
    }

    private static string Hex(Random random, int length)
    {
        var sb = new StringBuilder();
        while (sb.Length < length)
        {
            sb.Append("0123456789abcdef"[random.Next(16)]);
        }

        return sb.ToString();
    }

    private static string Lorem(Random random, int words)
    {
        string[] pool = ["chart", "values", "release", "cluster", "ingress", "service", "deploy", "vault", "secret", "rollout", "canary", "metrics"];
        var sb = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            sb.Append(pool[random.Next(pool.Length)]).Append(i % 12 == 11 ? '\n' : ' ');
        }

        return sb.Append('\n').ToString();
    }
}
