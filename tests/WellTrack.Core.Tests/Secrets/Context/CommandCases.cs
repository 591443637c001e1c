using WellTrack.Core.Tests.Secrets.Breadth;

namespace WellTrack.Core.Tests.Secrets.Context;

/// <summary>Family "commands": credentials on command lines and in HTTP headers, in scripts, ConfigMaps, args and probes.</summary>
internal sealed class CommandCases : ILabelledCaseSource
{
    private const string Family = "commands";

    public IEnumerable<LabelledCase> Cases(Random random)
    {
        var f = new ContextFakes(random);
        for (var variant = 0; variant < 3; variant++)
        {
            var pw = f.Password(18 + variant);
            var user = f.User();
            yield return Flag("curl-u", "upload.sh", $"#!/bin/sh\nset -eu\ncurl -fsS -u {user}:{pw} https://artifacts.example.org/upload\n", 3);
            yield return Flag("curl-user-long", "hook.sh", $"#!/bin/sh\ncurl --user={user}:{pw} -X POST https://ci.example.org/hook\n", 2);
            yield return Flag("configmap-script-curl", "configmap.yaml",
                $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: hook\ndata:\n  run: |\n    #!/bin/sh\n    # curl -u is used below\n    curl -u {user}:{pw} https://artifacts.example.org/\n", 9);
            yield return Flag("bearer-header-script", "sync.sh", $"#!/bin/sh\ncurl -H \"Authorization: Bearer {f.Password(40)}\" https://api.example.org/sync\n", 2);
            yield return Flag("basic-header", "probe.sh", $"#!/bin/sh\nwget --header='Authorization: Basic {ContextFakes.Base64Of(user + ":" + pw)}' -qO- http://api:8080/health\n", 2);
            yield return Flag("probe-http-headers", "deployment.yaml",
                $"spec:\n  containers:\n    - name: api\n      livenessProbe:\n        httpGet:\n          path: /health\n          port: 8080\n          httpHeaders:\n            - name: Authorization\n              value: Bearer {f.Password(36)}\n", 10);
            yield return Flag("password-flag-args", "job.yaml",
                $"spec:\n  containers:\n    - name: migrate\n      image: flyway/flyway\n      args:\n        - migrate\n        - --password={pw}\n", 7);
            yield return Flag("password-flag-pair", "cronjob.yaml",
                $"spec:\n  containers:\n    - name: backup\n      command: [\"pg_dump\", \"--host\", \"db\", \"--password\", \"{pw}\"]\n", 4);
            yield return Flag("mysql-p", "backup.sh", $"#!/bin/sh\nmysqldump -h db -uroot -p{pw} app > /backup/app.sql\n", 2);
            yield return Flag("mysql-p-args", "job.yaml",
                $"spec:\n  containers:\n    - name: dump\n      command:\n        - mysql\n        - -uroot\n        - -p{pw}\n", 7);
            yield return Flag("pgpassword", "restore.sh", $"#!/bin/sh\nPGPASSWORD={pw} psql -h db -U app -f /restore.sql\n", 2);
            yield return Flag("token-flag", "deploy.sh", $"#!/bin/sh\nargocd login argocd.example.org --username admin --auth-token {f.Password(32)}\n", 2);
            yield return Flag("helm-repo-password", "repos.sh", $"#!/bin/sh\nhelm repo add internal https://charts.example.org --username ci --password {pw}\n", 2);
            yield return Flag("kubectl-from-literal", "bootstrap.sh", $"#!/bin/sh\nkubectl create secret generic db --from-literal=password={pw}\n", 2);
            yield return Flag("openssl-passin", "pack.sh", $"#!/bin/sh\nopenssl pkcs12 -export -in tls.crt -inkey tls.key -out tls.p12 -passout pass:{pw}\n", 2);
        }

        for (var variant = 0; variant < 3; variant++)
        {
            yield return Alike("curl-u-variables", "upload.sh", "#!/bin/sh\ncurl -fsS -u \"$UPLOAD_USER:$UPLOAD_PASSWORD\" https://artifacts.example.org/upload\n");
            yield return Alike("curl-u-braces", "upload.sh", "#!/bin/sh\ncurl -u admin:${ADMIN_PASSWORD} https://grafana.example.org/api/health\n");
            yield return Alike("password-file", "start.sh", "#!/bin/sh\nexec app --password-file /run/secrets/db --token-file=/var/run/secrets/token\n");
            yield return Alike("password-stdin", "login.sh", "#!/bin/sh\necho \"$REGISTRY_PASSWORD\" | docker login ghcr.io -u ci --password-stdin\n");
            yield return Alike("mysql-prompt", "shell.sh", "#!/bin/sh\nmysql -h db -u root -p\nmysql -h db -uroot -p\"$MYSQL_PASSWORD\" app\n");
            yield return Alike("pgpassword-from-file", "restore.sh", "#!/bin/sh\nPGPASSWORD=$(cat /run/secrets/pg) psql -h db -U app\n");
            yield return Alike("bearer-variable", "sync.sh", "#!/bin/sh\ncurl -H \"Authorization: Bearer $API_TOKEN\" https://api.example.org/sync\n");
            yield return Alike("bearer-braces", "sync.sh", "#!/bin/sh\ncurl -H \"Authorization: Bearer ${API_TOKEN}\" https://api.example.org/sync\n");
            yield return Alike("docker-user-ids", "run.sh", $"#!/bin/sh\ndocker run -u 1000:1000 -v /data:/data ghcr.io/welltrack/api:1.{variant}.0\n");
            yield return Alike("buildkit-secret", "build.sh", "#!/bin/sh\ndocker build --secret id=npm,src=$HOME/.npmrc -t api .\n");
            yield return Alike("template-flag", "job.yaml", "spec:\n  containers:\n    - name: migrate\n      args: [\"--password\", \"{{ .Values.db.password }}\"]\n");
            yield return Alike("env-var-flag", "job.yaml", "spec:\n  containers:\n    - name: migrate\n      args: [\"--password=$(DB_PASSWORD)\", \"--user=app\"]\n");
            yield return Alike("placeholder-header", "README.md", "Call the API with `curl -H \"Authorization: Bearer <your-token>\" https://api.example.org`.\n");
            yield return Alike("probe-no-auth", "deployment.yaml", "spec:\n  containers:\n    - name: api\n      readinessProbe:\n        httpGet:\n          path: /ready\n          port: 8080\n          httpHeaders:\n            - name: Accept\n              value: application/json\n");
            yield return Alike("basic-user-only", "probe.sh", $"#!/bin/sh\nwget --header='Authorization: Basic {ContextFakes.Base64Of("healthcheck-user-without-colon")}' http://api:8080/health\n");
        }
    }

    private static LabelledCase Flag(string format, string file, string text, int line) => new(Family, format, file, text, MustFlag: true, line);

    private static LabelledCase Alike(string format, string file, string text) => new(Family, format, file, text, MustFlag: false);
}
