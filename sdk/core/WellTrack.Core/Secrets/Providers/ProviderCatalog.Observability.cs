namespace WellTrack.Core.Secrets.Providers;

public static partial class ProviderCatalog
{
    private const string ObservabilityFamily = "observability";

    private static ProviderFormat[] Observability =>
    [
        Keyworded("datadog-api-key", "Datadog", ObservabilityFamily, "API key", ["datadog", "dd_api_key", "dd-api-key"], $"{Hex}{{32}}",
            "Revoke it under Organization Settings > API Keys; the Datadog Operator and agent chart read it from a Secret (apiKeyExistingSecret)."),
        Keyworded("datadog-application-key", "Datadog", ObservabilityFamily, "application key", ["datadog", "dd_app_key", "dd-application-key", "dd_application_key"], $"{Hex}{{40}}",
            "Revoke it under Organization Settings > Application Keys."),
        Prefixed("newrelic-user-api-key", "New Relic", ObservabilityFamily, "user API key", "NRAK-", "[A-Z0-9]{27}", "Delete it under API keys in New Relic."),
        Prefixed("newrelic-insert-key", "New Relic", ObservabilityFamily, "Insights insert key", "NRII-", $"{Base64Url}{{32}}", "Delete it under API keys (Insights insert keys)."),
        Shaped("newrelic-license-key", "New Relic", ObservabilityFamily, "ingest license key", ["NRAL"], $"(?<body>{Hex}{{36}})NRAL", "Delete the ingest key under API keys and create a new one."),
        Shaped("grafana-service-account-token", "Grafana", ObservabilityFamily, "service account token", ["glsa_"], $"glsa_(?<body>{Alnum}{{32}}_[A-Fa-f0-9]{{8}})",
            "Delete the token under Administration > Service accounts."),
        Prefixed("grafana-cloud-access-policy-token", "Grafana Cloud", ObservabilityFamily, "access policy token", "glc_", @"[A-Za-z0-9+/]{32,}={0,2}",
            "Delete the token under the stack's Access Policies."),
        Prefixed("grafana-api-key", "Grafana", ObservabilityFamily, "API key (legacy)", "eyJrIjoi", @"[A-Za-z0-9+/]{60,}={0,2}", "Delete the API key and migrate to a service account token."),
        Prefixed("sentry-user-auth-token", "Sentry", ObservabilityFamily, "user auth token", "sntryu_", $"{Hex}{{64}}", "Revoke it under User Settings > Auth Tokens."),
        Shaped("sentry-org-auth-token", "Sentry", ObservabilityFamily, "organization auth token", ["sntrys_"], @"sntrys_(?<body>eyJ[A-Za-z0-9+/=]{60,}_[A-Za-z0-9+/]{43})",
            "Revoke it under Settings > Developer Settings > Organization Tokens."),
        Keyworded("honeycomb-api-key", "Honeycomb", ObservabilityFamily, "configuration API key", ["honeycomb"], $"{Alnum}{{22}}", "Delete it under Environment settings > API Keys."),
        Shaped("honeycomb-ingest-key", "Honeycomb", ObservabilityFamily, "ingest key", ["hcaik_", "hcxik_"], "hc[ax]ik_(?<body>[a-z0-9]{20,})", "Delete it under Environment settings > API Keys."),
        Shaped("dynatrace-api-token", "Dynatrace", ObservabilityFamily, "API token", ["dt0c01."], @"dt0c01\.(?<body>[A-Z0-9]{24}\.[A-Z0-9]{64})", "Delete it under Access tokens."),
        Keyworded("splunk-hec-token", "Splunk", ObservabilityFamily, "HTTP Event Collector token", ["splunk", "hec_token"], Uuid, "Delete or regenerate the token under Settings > Data inputs > HTTP Event Collector."),
        Keyworded("pagerduty-api-key", "PagerDuty", ObservabilityFamily, "API key", ["pagerduty"], @"[A-Za-z0-9_+-]{20}", "Delete it under Integrations > API Access Keys."),
        Keyworded("opsgenie-api-key", "Opsgenie", ObservabilityFamily, "API key", ["opsgenie"], Uuid, "Delete the integration's or the account's API key."),
        Keyworded("rollbar-access-token", "Rollbar", ObservabilityFamily, "access token", ["rollbar"], $"{Hex}{{32}}", "Disable it under the project's Settings > Project Access Tokens."),
        Keyworded("bugsnag-api-key", "Bugsnag", ObservabilityFamily, "API key or auth token", ["bugsnag"], $"{Hex}{{32}}", "Regenerate it in the project's settings."),
        Shaped("axiom-api-token", "Axiom", ObservabilityFamily, "API or personal token", ["xaat-", "xapt-"], $"xa[ap]t-(?<body>{Uuid})", "Delete it under Settings > API tokens."),
        Prefixed("posthog-personal-api-key", "PostHog", ObservabilityFamily, "personal API key", "phx_", $"{Alnum}{{43}}", "Delete it under Personal settings > Personal API keys."),
        Shaped("launchdarkly-access-token", "LaunchDarkly", ObservabilityFamily, "API access token", ["api-"], $"api-(?<body>{Uuid})", "Delete it under Organization settings > Authorization.", ["launchdarkly", "ld_"]),
        Shaped("launchdarkly-sdk-key", "LaunchDarkly", ObservabilityFamily, "server-side SDK key", ["sdk-"], $"sdk-(?<body>{Uuid})", "Reset the environment's SDK key (it can expire the old one after a grace period)."),
    ];
}
