using System.Text;
using System.Text.RegularExpressions;
using WellTrack.Core.Tests.Secrets.Breadth;

namespace WellTrack.Core.Tests.Secrets.Providers;

/// <summary>
/// The provider formats' share of the breadth corpus: every shape of <see cref="ProviderShapes"/> in five settings a
/// GitOps repository has (a values key, JSON, a ConfigMap block scalar, a shell export in a template, a URL query),
/// and look-alikes: placeholders and truncated tokens of every prefixed format, keyword-only shapes without their
/// provider's name, and each family's public keys, IDs, hashes and digests.
/// </summary>
internal sealed partial class ProviderCaseSource : ILabelledCaseSource
{
    public IEnumerable<LabelledCase> Cases(Random random)
    {
        var maker = new FakeProviderToken(random);
        foreach (var shape in ProviderShapes.All)
        {
            foreach (var labelled in MustFlag(shape, shape.Make(maker)))
            {
                yield return labelled;
            }

            foreach (var labelled in LookAlikes(shape, maker))
            {
                yield return labelled;
            }
        }

        foreach (var labelled in FamilyLookAlikes(maker))
        {
            yield return labelled;
        }
    }

    /// <summary>The settings a token is committed in, each with the line the finding must be on.</summary>
    public static IEnumerable<LabelledCase> MustFlag(ProviderShape shape, string token)
    {
        LabelledCase Case(string file, string text, int line) => new(shape.Family, shape.Id, file, text, MustFlag: true, line);

        yield return Case("values.yaml", $"# {shape.Id}\napp:\n  {shape.Key}: \"{token}\"\n", 3);
        yield return Case("config.json", $"{{\n  \"app\": {{\n    \"{shape.Key}\": \"{token}\"\n  }}\n}}\n", 3);
        yield return Case("configmap.yaml", $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n  app.env: |\n    LOG_LEVEL=info\n    {shape.Key}={token}\n", 8);
        yield return Case("scripts.tpl", $"{{{{- define \"app.bootstrap\" -}}}}\n#!/bin/sh\nexport {shape.Key}=\"{token}\"\n{{{{- end }}}}\n", 3);
        if (!token.Contains("://", StringComparison.Ordinal) && !token.Contains(';', StringComparison.Ordinal))
        {
            yield return Case("notifier.yaml", $"notifier:\n  endpoint: \"https://hooks.example.com/notify?{shape.Key.ToLowerInvariant()}={token}&channel=ops\"\n", 2);
        }
    }

    private static IEnumerable<LabelledCase> LookAlikes(ProviderShape shape, FakeProviderToken maker)
    {
        LabelledCase Case(string kind, string key, string value) => new(shape.Family, $"{shape.Id}/{kind}", "docs-values.yaml", $"docs:\n  {key}: \"{value}\"\n", MustFlag: false);

        if (shape.NeedsKeyword)
        {
            // The same value with no provider named near it: a hash, an ID, a nonce.
            yield return Case("no-keyword", "checksum", shape.Make(maker));
            yield break;
        }

        if (shape.Build is not null)
        {
            yield break;
        }

        // Documentation writes the shape with a filler character; "xxxx" bodies are no token.
        yield return Case("placeholder", "sample", Run().Replace(shape.Shape, m => m.Groups["kind"].Value == "uuid"
            ? "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"
            : new string('x', int.Parse(m.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture))));

        // A token cut short (a log line, a redacted paste) is not one the provider issued.
        var prefix = shape.Shape[..shape.Shape.IndexOf('{', StringComparison.Ordinal)];
        if (prefix.Length > 0)
        {
            yield return Case("truncated", "sample", prefix + maker.Chars("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 8));
        }
    }

    private static IEnumerable<LabelledCase> FamilyLookAlikes(FakeProviderToken m)
    {
        LabelledCase Case(string family, string format, string text) => new(family, format, "public-values.yaml", text, MustFlag: false);

        yield return Case("payments", "stripe-publishable-live", $"stripe:\n  publishableKey: pk_live_{m.Make("{a:24}")}\n");
        yield return Case("payments", "stripe-publishable-test", $"stripe:\n  publishableKey: pk_test_{m.Make("{a:99}")}\n");
        yield return Case("payments", "square-application-id", $"square:\n  applicationId: sq0idp-{m.Make("{u:22}")}\n");
        yield return Case("payments", "braintree-merchant-id", $"braintree:\n  merchantId: {m.Make("{z:16}")}\n");
        yield return Case("payments", "stripe-price-id", $"stripe:\n  priceId: price_{m.Make("{a:24}")}\n");
        yield return Case("cloud", "supabase-publishable-key", $"supabase:\n  publishableKey: sb_publishable_{m.Make("{u:31}")}\n");
        yield return Case("cloud", "azure-tenant-id", $"azure:\n  tenantId: {m.Uuid()}\n  clientId: {m.Uuid()}\n");
        yield return Case("cloud", "aws-documented-example", "aws:\n  exampleAccessKeyId: AKIAIOSFODNN7EXAMPLE\n");
        yield return Case("cloud", "gcp-project-number", $"gcp:\n  projectNumber: \"{m.Make("{d:12}")}\"\n  serviceAccount: deployer@welltrack-prod.iam.gserviceaccount.com\n");
        yield return Case("cloud", "heroku-app-id-without-keyword", $"app:\n  releaseId: {m.Uuid()}\n");
        yield return Case("ai", "langfuse-public-key", $"langfuse:\n  publicKey: pk-lf-{m.Uuid()}\n");
        yield return Case("ai", "model-revision", $"model:\n  name: welltrack/summarizer\n  revision: {m.Make("{h:40}")}\n");
        yield return Case("ai", "openai-organization-id", $"openai:\n  organization: org-{m.Make("{a:24}")}\n");
        yield return Case("ai", "huggingface-model-name", "model:\n  repository: hf_internal_testing_tiny_random_bert_model\n");
        yield return Case("observability", "posthog-project-key", $"posthog:\n  projectKeyPublic: phc_{m.Make("{a:43}")}\n");
        yield return Case("observability", "sentry-dsn-public-part", $"sentry:\n  browserDsnPublic: https://{m.Make("{h:32}")}@o{m.Make("{d:6}")}.ingest.sentry.io/{m.Make("{d:7}")}\n");
        yield return Case("observability", "datadog-rum-client-token", $"datadog:\n  rum:\n    clientToken: pub{m.Make("{h:32}")}\n    applicationId: {m.Uuid()}\n");
        yield return Case("observability", "newrelic-browser-key", $"newrelic:\n  browserAgentId: NRJS-{m.Make("{h:19}")}\n");
        yield return Case("observability", "grafana-dashboard-uid", $"grafana:\n  dashboardUid: {m.Make("{a:9}")}\n");
        yield return Case("messaging", "twilio-account-sid", $"twilio:\n  accountSid: AC{m.Make("{h:32}")}\n");
        yield return Case("messaging", "slack-channel-id", $"slack:\n  channel: C{m.Make("{U:10}")}\n");
        yield return Case("messaging", "telegram-chat-id", $"telegram:\n  chatId: \"-100{m.Make("{d:10}")}\"\n");
        yield return Case("messaging", "discord-application-id", $"discord:\n  applicationId: \"{m.Make("{d:18}")}\"\n");
        yield return Case("messaging", "mailchimp-list-id", $"mailchimp:\n  listId: {m.Make("{h:10}")}\n");
        yield return Case("registries", "image-digest", $"image:\n  repository: ghcr.io/welltrack/api\n  digest: sha256:{m.Make("{h:64}")}\n");
        yield return Case("registries", "npm-integrity", $"lock:\n  integrity: sha512-{m.Make("{b:86}")}==\n");
        yield return Case("registries", "image-reference-with-digest", $"image: docker.io/welltrack/worker@sha256:{m.Make("{h:64}")}\n");
        yield return Case("registries", "chart-digest", $"dependencies:\n  - name: postgresql\n    digest: sha256:{m.Make("{h:64}")}\n");
        yield return Case("infra", "vault-path", "vault:\n  path: secret/data/welltrack/backend/api-keys\n  role: welltrack-backend\n");
        yield return Case("infra", "tailscale-node-key", $"tailscale:\n  nodeKey: nodekey:{m.Make("{h:64}")}\n");
        yield return Case("infra", "age-recipient", $"sops:\n  recipient: age1{m.Make("{z:58}")}\n");
        yield return Case("infra", "terraform-workspace-id", $"terraform:\n  workspaceId: ws-{m.Make("{a:16}")}\n");
        yield return Case("vcs-ci", "git-commit-sha", $"build:\n  commit: {m.Make("{h:40}")}\n");
        yield return Case("vcs-ci", "ci-run-id", $"build:\n  runId: \"{m.Make("{d:10}")}\"\n  pipeline: {m.Uuid()}\n");
        yield return Case("vcs-ci", "config-checksum-annotation", $"podAnnotations:\n  checksum/config: {m.Make("{h:64}")}\n");
        yield return Case("saas", "mapbox-public-token", $"maps:\n  styleAccess: pk.eyJ{m.Make("{u:60}")}.{m.Make("{u:22}")}\n");
        yield return Case("saas", "algolia-app-id", $"search:\n  appId: {m.Make("{U:10}")}\n");
        yield return Case("saas", "notion-page-id", $"notion:\n  pageId: {m.Make("{h:32}")}\n");
        yield return Case("saas", "base64-of-words", $"banner:\n  text: {Convert.ToBase64String(Encoding.UTF8.GetBytes("welcome to the welltrack staging environment"))}\n");
        yield return Case("saas", "request-id", $"trace:\n  requestId: {m.Uuid()}\n");
    }

    [GeneratedRegex(@"\{(?<kind>uuid|[ahubldUzrB]):?(?<count>\d*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Run();
}
