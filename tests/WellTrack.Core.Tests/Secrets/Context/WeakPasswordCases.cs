using WellTrack.Core.Tests.Secrets.Breadth;

namespace WellTrack.Core.Tests.Secrets.Context;

/// <summary>
/// Family "weak-passwords": default and dictionary credentials (warnings at least, never dismissed as placeholders)
/// and the narrow placeholders that are not reported.
/// </summary>
internal sealed class WeakPasswordCases : ILabelledCaseSource
{
    private const string Family = "weak-passwords";

    public IEnumerable<LabelledCase> Cases(Random random)
    {
        var f = new ContextFakes(random);
        for (var variant = 0; variant < 3; variant++)
        {
            var word = f.Word();
            yield return Flag("url-admin-password", "values.yaml", "grafana:\n  datasource: https://admin:password@grafana.monitoring.svc:3000/api\n", 2);
            yield return Flag("url-guest-guest", ".env", "AMQP_URL=amqp://guest:guest@rabbitmq:5672/\n", 1);
            yield return Flag("url-postgres-default", "values.yaml", "db:\n  url: postgres://postgres:postgres@db:5432/app\n", 2);
            yield return Flag("password-admin", "values.yaml", $"grafana:\n  adminUser: admin\n  adminPassword: {f.Pick("admin", "admin123", "password", "changeit")}\n", 3);
            yield return Flag("secret-word", "values.yaml", $"envSecrets:\n  NEXTAUTH_SECRET: {word}\n", 2);
            yield return Flag("secret-word-env", ".env", $"JWT_SECRET={word}\n", 1);
            yield return Flag("password-word-ini", "config.ini", $"[admin]\npassword = {f.Pick("letmein", "qwerty", "welcome", "secret")}\n", 2);
            yield return Flag("password-default-properties", "app.properties", "keystore.password=changeit\n", 1);
            yield return Flag("weak-password-flag", "init.sh", "#!/bin/sh\nmc alias set local http://minio:9000 minioadmin --password minioadmin\n", 2);
            yield return Flag("weak-basic-header", "probe.sh", $"#!/bin/sh\ncurl -H 'Authorization: Basic {ContextFakes.Base64Of("admin:admin")}' http://api/health\n", 2);
        }

        for (var variant = 0; variant < 3; variant++)
        {
            yield return Alike("changeme", "values.yaml", "database:\n  password: changeme\n");
            yield return Alike("angle-placeholder", "values.yaml", "smtp:\n  password: <smtp-password>\n");
            yield return Alike("dollar-brace", ".env", "DB_PASSWORD=${DB_PASSWORD}\n");
            yield return Alike("template", "values.yaml", "auth:\n  secret: \"{{ .Values.global.secret }}\"\n");
            yield return Alike("xxxx", "values.yaml", $"api:\n  token: {new string('x', 8 + variant)}\n");
            yield return Alike("same-character", "values.yaml", $"db:\n  password: \"{new string('*', 8 + variant)}\"\n");
            yield return Alike("replace-me", ".env", "SESSION_SECRET=REPLACE_ME\n");
            yield return Alike("empty", "values.yaml", "db:\n  password: \"\"\n");
            yield return Alike("existing-secret", "values.yaml", "auth:\n  existingSecret: admin\n  secretName: admin-credentials\n  passwordKey: admin-password\n");
            yield return Alike("url-without-password", "values.yaml", "repo:\n  url: https://admin@git.example.org/charts.git\n");
            yield return Alike("secret-reference-name", "values.yaml", "tls:\n  tlsSecret: api-tls\n  caSecret: root-ca\n");
            yield return Alike("boolean", "values.yaml", "auth:\n  secret: true\n  password: false\n");
        }
    }

    private static LabelledCase Flag(string format, string file, string text, int line) => new(Family, format, file, text, MustFlag: true, line);

    private static LabelledCase Alike(string format, string file, string text) => new(Family, format, file, text, MustFlag: false);
}
