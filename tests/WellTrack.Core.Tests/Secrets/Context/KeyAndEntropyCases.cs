using WellTrack.Core.Tests.Secrets.Breadth;

namespace WellTrack.Core.Tests.Secrets.Context;

/// <summary>
/// Family "context": key-name signals and value entropy per alphabet over parsed YAML, JSON, .env and INI; the
/// look-alikes are identifiers, hashes, digests, checksums, public keys, base64 of text, templates and references.
/// </summary>
internal sealed class KeyAndEntropyCases : ILabelledCaseSource
{
    private const string Family = "context";

    public IEnumerable<LabelledCase> Cases(Random random)
    {
        var f = new ContextFakes(random);
        for (var variant = 0; variant < 3; variant++)
        {
            yield return Flag("entropy-base64-env", "config.env", $"APP_NAME=api\nSESSION_SALT={f.Base64(40)}\n", 2);
            yield return Flag("entropy-alnum-env", ".env", $"FEATURE_FLAGS=beta\nAPP_SIGNATURE_SEED={f.Password(32)}\n", 2);
            yield return Flag("entropy-hex-ini", "app.ini", $"[session]\ncookie_seed = {f.Hex(64)}\n", 2);
            yield return Flag("entropy-yaml", "values.yaml", $"app:\n  config:\n    cipherSeed: {f.Base64(44)}\n", 3);
            yield return Flag("entropy-json", "appsettings.json", $"{{\n  \"Jwt\": {{\n    \"Issuer\": \"api\",\n    \"SigningMaterial\": \"{f.Base64(48)}\"\n  }}\n}}\n", 4);
            yield return Flag("key-password-yaml", "values.yaml", $"postgresql:\n  auth:\n    password: {f.Password()}\n", 3);
            yield return Flag("key-client-secret-json", "oauth.json", $"{{\"client_id\": \"api\", \"client_secret\": \"{f.Password(32)}\"}}\n", 1);
            yield return Flag("key-api-key-env", ".env", $"MAPS_API_KEY={f.Password(28)}\n", 1);
            yield return Flag("key-private-key-toml", "deploy.toml", $"[signer]\nprivate_key = \"{f.Base64(44)}\"\n", 2);
            yield return Flag("key-credentials-ini", "tool.cfg", $"[remote]\ncredentials = {f.Password(30)}\n", 2);
            yield return Flag("entropy-properties", "app.properties", $"app.name=api\napp.crypto.seed={f.Password(36)}\n", 2);
            yield return Flag("block-scalar-env", "configmap.yaml",
                $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: api\ndata:\n  app.env: |\n    # session salt, rotated yearly\n    APP_NAME=api\n    SESSION_SALT={f.Base64(40)}\n", 9);
        }

        for (var variant = 0; variant < 3; variant++)
        {
            yield return Alike("git-sha", "build.env", $"COMMIT={f.Hex(40)}\nGIT_SHA={f.Hex(40)}\n");
            yield return Alike("uuid", ".env", $"ID={f.Uuid()}\nTENANT_ID={f.Uuid()}\n");
            yield return Alike("image-digest", "values.yaml", $"image:\n  repository: ghcr.io/welltrack/api\n  digest: sha256:{f.Hex(64)}\n");
            yield return Alike("image-tag-sha", "values.yaml", $"image:\n  tag: {f.Hex(40)}\n");
            yield return Alike("npm-integrity", "package-lock.json", $"{{\"packages\": {{\"node_modules/a\": {{\"version\": \"1.0.{variant}\", \"integrity\": \"sha512-{f.Base64(86)}==\"}}}}}}\n");
            yield return Alike("checksum-annotation", "deployment.yaml", $"spec:\n  template:\n    metadata:\n      annotations:\n        checksum/config: {f.Hex(64)}\n");
            yield return Alike("public-key", "values.yaml", $"jwt:\n  publicKey: {f.Base64(88)}\n");
            yield return Alike("base64-of-text", "values.yaml", $"branding:\n  banner: {ContextFakes.Base64Of("Welcome to WellTrack " + f.Word() + " edition")}\n");
            yield return Alike("ca-bundle", "webhook.yaml", $"webhooks:\n  - name: v.welltrack.io\n    clientConfig:\n      caBundle: {ContextFakes.Base64Of("-----BEGIN CERTIFICATE-----\n" + f.Password(40) + "\n-----END CERTIFICATE-----\n")}\n");
            yield return Alike("camel-identifier", "values.yaml", "features:\n  mode: ProxyHttp2ConfigurationV2\n  handler: io.welltrack.api.v1.Handler\n");
            yield return Alike("pod-name", "values.yaml", $"debug:\n  pod: api-7d9f8c6b5-{f.Lowercase(5)}\n");
            yield return Alike("vault-path", "values.yaml", "database:\n  password: vault:secret/data/welltrack/api#password\n  apiKey: ref+vault://secret/welltrack/api#/key\n");
            yield return Alike("external-secret", "externalsecret.yaml",
                "apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n  name: api\nspec:\n  data:\n    - secretKey: DB_PASSWORD\n      remoteRef:\n        key: welltrack/api\n        property: db-password\n");
            yield return Alike("secret-key-ref", "deployment.yaml",
                "spec:\n  containers:\n    - name: api\n      env:\n        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef:\n              name: api-db\n              key: password\n");
            yield return Alike("helm-template-value", "values.yaml", "api:\n  token: \"{{ .Values.global.token }}\"\n  secret: ${API_SECRET}\n");
            yield return Alike("random-annotation", "values.yaml", $"podAnnotations:\n  rollme: {f.Password(30)}\n");
            yield return Alike("versions", "Chart.yaml", $"apiVersion: v2\nname: api\nversion: 1.{variant}.0\nappVersion: \"2.4.{variant}\"\n");
        }
    }

    private static LabelledCase Flag(string format, string file, string text, int line) => new(Family, format, file, text, MustFlag: true, line);

    private static LabelledCase Alike(string format, string file, string text) => new(Family, format, file, text, MustFlag: false);
}
