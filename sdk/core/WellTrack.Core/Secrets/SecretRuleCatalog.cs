using WellTrack.Diagnostics;

namespace WellTrack.Core.Secrets;

/// <summary>A scan rule as documented: its code, a stable id, a title, an example and the fix.</summary>
public sealed record SecretRule(DiagnosticCode Code, string Id, string Title, DiagnosticSeverity Severity, string Example, string Fix)
{
    /// <summary>Help text for SARIF and docs: the example, the fix and the ExternalSecret snippet.</summary>
    public string HelpText => $"{Title}.\n\nExample:\n{Example}\n\nFix: {Fix}\n\n{SecretRuleCatalog.ExternalSecretSnippet}";
}

/// <summary>Every WT5xxx rule with its help; SARIF output and docs/diagnostics.md use the same texts.</summary>
public static class SecretRuleCatalog
{
    public const string ExternalSecretSnippet = """
        Move the value to Vault (vault kv put secret/welltrack/backend/api-keys resend-api-key=...), then let the
        External Secrets Operator create the Kubernetes Secret:

        apiVersion: external-secrets.io/v1
        kind: ExternalSecret
        metadata:
          name: welltrack-backend-api-keys
        spec:
          refreshInterval: 1h
          secretStoreRef:
            name: vault-backend
            kind: ClusterSecretStore
          target:
            name: welltrack-backend-api-keys
          data:
            - secretKey: RESEND_API_KEY
              remoteRef:
                key: welltrack/backend/api-keys
                property: resend-api-key

        and read it in the pod with envFrom: [{secretRef: {name: welltrack-backend-api-keys}}]. Rotate the exposed
        value: it stays in git history.
        """;

    private const string Vault = "Rotate it, store the new value in Vault and reference it with an ExternalSecret.";

    public static IReadOnlyList<SecretRule> All { get; } =
    [
        new(SecretCodes.SecretManifestLiteral, "secret-manifest-literal", "A Kubernetes Secret with literal data or stringData", DiagnosticSeverity.Error,
            "kind: Secret\nstringData:\n  DB_PASSWORD: s3cr3t-…", "Delete the Secret manifest; " + Vault),
        new(SecretCodes.SecretTemplateFromValues, "secret-template-from-values", "A Helm template that turns values into a Secret (b64enc, toYaml, range over .Values)", DiagnosticSeverity.Error,
            "kind: Secret\ndata:\n{{- range $k, $v := .Values.envSecrets }}\n  {{ $k }}: {{ $v | b64enc }}\n{{- end }}",
            "Replace the Secret template with an ExternalSecret template whose data names Vault keys (see the chart's externalsecret.yaml), and remove the values."),
        new(SecretCodes.ValueFeedsSecretTemplate, "value-feeds-secret-template", "A credential in a values file that a template turns into a Secret", DiagnosticSeverity.Error,
            "envSecrets:\n  NEXTAUTH_SECRET: Zm9v…", "Remove the entry from the values file; " + Vault),
        new(SecretCodes.SecretLikeKey, "secret-like-key", "A literal credential under a secret-like key (password, secret, token, apiKey, *_KEY, clientSecret, ...)", DiagnosticSeverity.Error,
            "database:\n  password: hunter2…", "Reference an existing Secret (existingSecret, secretKeyRef) instead; " + Vault),
        new(SecretCodes.Jwt, "jwt", "A JSON Web Token", DiagnosticSeverity.Error, "API_TOKEN: eyJhbGciOi…", Vault),
        new(SecretCodes.SupabaseServiceRoleJwt, "supabase-service-role-jwt", "A Supabase service_role key (a JWT that bypasses row-level security)", DiagnosticSeverity.Error,
            "SUPABASE_SERVICE_ROLE_KEY: eyJhbGciOi…", "Roll the project's JWT secret in Supabase (this invalidates the key), then store the new key in Vault and reference it with an ExternalSecret."),
        new(SecretCodes.SupabaseAnonJwt, "supabase-anon-jwt", "A Supabase anon key (public by design; a note)", DiagnosticSeverity.Note,
            "NEXT_PUBLIC_SUPABASE_ANON_KEY: eyJhbGciOi…", "Nothing is required; keeping it in Vault beside the service key makes rotation one step."),
        new(SecretCodes.GoogleOAuthClientSecret, "google-oauth-client-secret", "A Google OAuth client secret (GOCSPX-)", DiagnosticSeverity.Error,
            "GOOGLE_CLIENT_SECRET: GOCSPX-…", "Reset the client secret in the Google Cloud console; " + Vault),
        new(SecretCodes.GoogleApiKey, "google-api-key", "A Google API key (AIza)", DiagnosticSeverity.Error, "mapsApiKey: AIza…", "Regenerate the key and restrict it; " + Vault),
        new(SecretCodes.AwsAccessKeyId, "aws-access-key-id", "An AWS access key id (AKIA, ASIA)", DiagnosticSeverity.Error, "AWS_ACCESS_KEY_ID: AKIA…", "Deactivate the key in IAM; prefer IRSA or Pod Identity; " + Vault),
        new(SecretCodes.AwsSecretAccessKey, "aws-secret-access-key", "An AWS secret access key", DiagnosticSeverity.Error, "aws_secret_access_key: wJal…", "Deactivate the key pair in IAM; " + Vault),
        new(SecretCodes.GitHubToken, "github-token", "A GitHub token (ghp_, gho_, ghu_, ghs_, ghr_, github_pat_)", DiagnosticSeverity.Error, "GITHUB_TOKEN: ghp_…", "Revoke the token on GitHub; " + Vault),
        new(SecretCodes.SlackToken, "slack-token", "A Slack token (xoxb-, xoxp-, xapp-, ...)", DiagnosticSeverity.Error, "slackToken: xoxb-…", "Revoke the token in the Slack app settings; " + Vault),
        new(SecretCodes.SlackWebhook, "slack-webhook", "A Slack incoming webhook URL", DiagnosticSeverity.Error, "webhook: https://hooks.slack.com/services/T…/B…/…", "Regenerate the webhook; " + Vault),
        new(SecretCodes.StripeKey, "stripe-live-key", "A Stripe live secret or restricted key (sk_live_, rk_live_)", DiagnosticSeverity.Error, "STRIPE_KEY: sk_live_…", "Roll the key in the Stripe dashboard; " + Vault),
        new(SecretCodes.SendGridKey, "sendgrid-api-key", "A SendGrid API key (SG.)", DiagnosticSeverity.Error, "SENDGRID_API_KEY: SG.…", "Delete the key in SendGrid; " + Vault),
        new(SecretCodes.ResendKey, "resend-api-key", "A Resend API key (re_)", DiagnosticSeverity.Error, "RESEND_API_KEY: re_…", "Revoke the key in Resend; " + Vault),
        new(SecretCodes.OpenAiKey, "openai-api-key", "An OpenAI API key (sk-, sk-proj-)", DiagnosticSeverity.Error, "OPENAI_API_KEY: sk-proj-…", "Revoke the key in the OpenAI dashboard; " + Vault),
        new(SecretCodes.NpmToken, "npm-token", "An npm access token (npm_, _authToken=)", DiagnosticSeverity.Error, "//registry.npmjs.org/:_authToken=npm_…", "Revoke the token (npm token revoke); " + Vault),
        new(SecretCodes.PemPrivateKey, "pem-private-key", "A PEM private key", DiagnosticSeverity.Error, "tls.key: |\n  -----BEGIN " + "PRIVATE KEY-----\n  MIIE…" /* split so that no scanner mistakes this example for a key */,
            "For TLS, let cert-manager issue the certificate into a Secret; otherwise store the key in Vault and reference it with an ExternalSecret. Replace the key pair."),
        new(SecretCodes.UrlCredentials, "url-credentials", "Basic-auth credentials in a URL (https://user:password@host)", DiagnosticSeverity.Error, "repoURL: https://ci:hunt…@git.example.org/x.git",
            "Remove the credentials from the URL and give them through a Secret the consumer reads (Argo CD repository secret from an ExternalSecret); rotate the password."),
        new(SecretCodes.ConnectionStringPassword, "connection-string-password", "A database connection string with a password (PostgreSQL, MySQL, MongoDB, Redis)", DiagnosticSeverity.Error,
            "DATABASE_URL: postgres://app:s3cr…@db:5432/app", "Build the connection string in the pod from a Secret (ExternalSecret target template, or $(DB_PASSWORD) in env); rotate the password."),
        new(SecretCodes.ProviderToken, "provider-token", "A token of a known provider (GitLab, Anthropic, Vault, Hugging Face, ...; docs/secret-rules.md lists every format)", DiagnosticSeverity.Error,
            "GITLAB_TOKEN: glpat-…", "Revoke it where the provider issued it (each format's rule says where); " + Vault),
        new(SecretCodes.KeyStore, "committed-key-store", "A binary key store (PKCS#12 .p12/.pfx, Java .jks/.jceks) committed to git", DiagnosticSeverity.Error,
            "files/keystore.p12", "Remove the key store from the repository and its history, replace its keys, and mount it from a Secret created by an ExternalSecret (Vault holds it base64-encoded)."),
        new(SecretCodes.RandomValue, "random-value", "A random-looking value (hex, base64 or alphanumeric above the entropy threshold of its alphabet) under a key that says nothing", DiagnosticSeverity.Warning,
            "SESSION_SALT=Zk3q…", "If it is a credential: " + Vault + " If it is not: # welltrack:allow-secret <reason>."),
        new(SecretCodes.CommandCredential, "command-credential", "A credential on a command line or in an HTTP header (curl -u, --password=, mysql -p, PGPASSWORD=, Authorization: Basic/Bearer)", DiagnosticSeverity.Error,
            "curl -u deploy:hunt… https://…", "Read the credential from an environment variable filled from a Secret (--password=\"$(DB_PASSWORD)\", curl --netrc-file on a mounted Secret); " + Vault),
        new(SecretCodes.WeakCredential, "weak-credential", "A weak or default credential (admin:password in a URL, password: admin, a dictionary word under a secret key)", DiagnosticSeverity.Warning,
            "NEXTAUTH_SECRET: muys…", "Generate a strong value; " + Vault),
        new(SecretCodes.SuppressionWithoutReason, "suppression-without-reason", "An allow-secret comment without a reason", DiagnosticSeverity.Warning,
            "password: hunter2 # welltrack:allow-secret", "Give the reason: # welltrack:allow-secret public test fixture"),
        new(SecretCodes.BaselineUnreadable, "baseline-unreadable", "The baseline file could not be read", DiagnosticSeverity.Error, "--baseline missing.json",
            "Give an existing baseline file written by 'welltrack scan --update-baseline'."),
        new(SecretCodes.DirectoryMissing, "directory-missing", "The directory to scan does not exist", DiagnosticSeverity.Error, "welltrack scan ./nope", "Give an existing directory."),
        new(SecretCodes.FileUnreadable, "file-unreadable", "A file could not be read", DiagnosticSeverity.Warning, "permission denied", "Make the file readable, or exclude it."),
        new(SecretCodes.FileTooLarge, "file-too-large", "A file over the size limit was not scanned", DiagnosticSeverity.Note, "bundle.js (12 MiB)", "Exclude it in welltrack.yaml (secrets.exclude) when it is generated."),
        new(SecretCodes.BinaryFileSkipped, "binary-file-skipped", "A binary file of unknown kind was not scanned", DiagnosticSeverity.Note, "files/blob.bin", "Exclude it in welltrack.yaml (secrets.exclude) when it is expected."),
        new(SecretCodes.ArchiveNotOpened, "archive-not-opened", "An archive (gzip, zip) whose files were not scanned", DiagnosticSeverity.Note, "charts/redis-18.0.0.tgz", "Commit the files unpacked, or exclude the archive in welltrack.yaml (secrets.exclude)."),
        new(SecretCodes.ConfigurationInvalid, "secrets-configuration-invalid", "The secrets section of welltrack.yaml is malformed", DiagnosticSeverity.Error, "secrets: { exclude: docs/ }",
            "Write secrets.exclude as a list of globs, gitignore and helmignore as true or false."),
    ];

    public static SecretRule? Find(string code) => All.FirstOrDefault(rule => rule.Code.Is(code));

    public static SecretRule? Find(DiagnosticCode code) => All.FirstOrDefault(rule => rule.Code == code);
}
