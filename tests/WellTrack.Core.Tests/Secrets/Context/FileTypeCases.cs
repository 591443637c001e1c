using WellTrack.Core.Tests.Secrets.Breadth;

namespace WellTrack.Core.Tests.Secrets.Context;

/// <summary>Family "files": credentials in every file type a chart ships (.env, INI, properties, TOML, shell, .netrc, key stores), and their look-alikes.</summary>
internal sealed class FileTypeCases : ILabelledCaseSource
{
    private const string Family = "files";

    public IEnumerable<LabelledCase> Cases(Random random)
    {
        var f = new ContextFakes(random);
        for (var variant = 0; variant < 3; variant++)
        {
            var pw = f.Password(16 + variant * 4);
            yield return Flag("env", ".env", $"# local settings\nDB_HOST=db\nDB_PASSWORD={pw}\n", 3);
            yield return Flag("env-export-quoted", "app.env", $"export API_TOKEN=\"{f.Password(32)}\"\nexport LOG_LEVEL=info\n", 1);
            yield return Flag("env-single-quoted", ".env.production", $"REDIS_HOST=cache\nREDIS_PASSWORD='{pw}' # rotated in May\n", 2);
            yield return Flag("ini", "config.ini", $"[server]\nport = 8080\n\n[database]\nuser = app\npassword = {pw}\n", 6);
            yield return Flag("mysql-cnf", "my.cnf", $"[client]\nuser=root\npassword={pw}\n", 3);
            yield return Flag("properties", "application.properties", $"spring.datasource.url=jdbc:postgresql://db/app\nspring.datasource.username=app\nspring.datasource.password={pw}\n", 3);
            yield return Flag("properties-colon", "app.properties", $"# mail\nmail.smtp.password: {pw}\n", 2);
            yield return Flag("toml", "settings.toml", $"title = \"api\"\n\n[database]\nuser = \"app\"\npassword = \"{pw}\"\n", 5);
            yield return Flag("toml-inline-table", "config.toml", $"[servers]\ndb = {{ host = \"db\", password = \"{pw}\" }}\n", 2);
            yield return Flag("shell", "start.sh", $"#!/bin/sh\nset -e\nexport DB_PASSWORD='{pw}'\nexec /app/server\n", 3);
            yield return Flag("shell-no-extension", "entrypoint", $"#!/bin/bash\nreadonly ADMIN_SECRET={f.Password(24)}\nexec app\n", 2);
            yield return Flag("conf", "service.conf", $"listen = 0.0.0.0:9000\nauth_password = {pw}\n", 2);
            yield return Flag("netrc", ".netrc", $"machine git.example.org\n  login ci\n  password {pw}\n", 3);
            yield return Flag("pypirc", ".pypirc", $"[pypi]\nusername = __token__\npassword = {pw}\n", 3);
            yield return Flag("env-no-extension", "secrets", $"DB_USER=app\nDB_PASSWORD={pw}\nDB_NAME=app\n", 2);
            yield return Flag("txt-notes", "NOTES.txt", $"Connect with:\n  password: {pw}\n", 2);
        }

        foreach (var store in new[] { "keystore.p12", "client.pfx", "truststore.jks", "server.jceks" })
        {
            // A key store is found by its extension whatever its bytes; the magic numbers are unit-tested with binary files.
            yield return Flag("key-store", "files/" + store, "key store body " + f.Password(), 1);
        }

        for (var variant = 0; variant < 3; variant++)
        {
            yield return Alike("env-reference", ".env", "DB_HOST=db\nDB_PASSWORD=${DB_PASSWORD}\n");
            yield return Alike("env-placeholder", "app.env", "API_TOKEN=changeme\nSMTP_PASSWORD=<your-smtp-password>\n");
            yield return Alike("ini-reference", "config.ini", "[database]\nuser = app\npassword = %(DB_PASSWORD)s\n");
            yield return Alike("properties-reference", "application.properties", "spring.datasource.password=${DB_PASSWORD}\nspring.datasource.username=app\n");
            yield return Alike("toml-template", "settings.toml", "[database]\npassword = \"{{ .Values.db.password }}\"\nport = 5432\n");
            yield return Alike("toml-lock-checksum", "Cargo.lock", $"[[package]]\nname = \"serde\"\nversion = \"1.0.{variant}\"\nchecksum = \"{f.Hex(64)}\"\n");
            yield return Alike("shell-reference", "start.sh", "#!/bin/sh\nexport DB_PASSWORD=\"$(cat /run/secrets/db-password)\"\nexec app --password-file /run/secrets/db-password\n");
            yield return Alike("netrc-reference", ".netrc", "machine git.example.org login ci password $NETRC_PASSWORD\n");
            yield return Alike("certificate", "files/ca.crt", "-----BEGIN CERTIFICATE-----\n" + string.Join('\n', Enumerable.Range(0, 6).Select(_ => f.Base64(64))) + "\n-----END CERTIFICATE-----\n");
            yield return Alike("ssh-public-key", "files/id_ed25519.pub", $"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{f.Base64(43)} ci@welltrack\n");
            yield return Alike("readme", "README.md", "# api\n\nSet `DB_PASSWORD` in Vault under `secret/welltrack/api`; the ExternalSecret reads it.\n");
            yield return Alike("nginx-conf", "nginx.conf", "server {\n  listen 80;\n  location / { proxy_pass http://api:8080; }\n}\n");
            yield return Alike("go-sum", "go.sum", $"golang.org/x/net v0.{variant}.0 h1:{f.Base64(43)}=\n");
            yield return Alike("env-ids", "build.env", $"COMMIT={f.Hex(40)}\nBUILD_ID={f.Uuid()}\nIMAGE=ghcr.io/welltrack/api@sha256:{f.Hex(64)}\n");
        }
    }

    private static LabelledCase Flag(string format, string file, string text, int line) => new(Family, format, file, text, MustFlag: true, line);

    private static LabelledCase Alike(string format, string file, string text) => new(Family, format, file, text, MustFlag: false);
}
