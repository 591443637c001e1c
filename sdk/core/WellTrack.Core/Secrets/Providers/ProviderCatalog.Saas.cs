namespace WellTrack.Core.Secrets.Providers;

public static partial class ProviderCatalog
{
    private const string SaasFamily = "saas";

    private static ProviderFormat[] Saas =>
    [
        Prefixed("linear-api-key", "Linear", SaasFamily, "personal API key", "lin_api_", $"{Alnum}{{40}}", "Revoke it under Settings > Security & access > Personal API keys."),
        Prefixed("linear-oauth-token", "Linear", SaasFamily, "OAuth access token", "lin_oauth_", $"{Hex}{{64}}", "Revoke the OAuth application's access in Linear."),
        Prefixed("notion-integration-token", "Notion", SaasFamily, "internal integration secret", "ntn_", $"{Alnum}{{46}}", "Refresh the secret under the integration's Configuration tab."),
        Prefixed("notion-legacy-integration-token", "Notion", SaasFamily, "internal integration secret (legacy secret_)", "secret_", $"{Alnum}{{43}}",
            "Refresh the secret under the integration's Configuration tab."),
        Shaped("airtable-personal-access-token", "Airtable", SaasFamily, "personal access token", ["pat"], $"pat(?<body>{Alnum}{{14}}\\.{Hex}{{64}})", "Delete it in the Builder Hub under Personal access tokens."),
        Prefixed("figma-personal-access-token", "Figma", SaasFamily, "personal access token", "figd_", $"{Base64Url}{{40,64}}", "Revoke it under Settings > Security > Personal access tokens."),
        Shaped("hubspot-private-app-token", "HubSpot", SaasFamily, "private app access token", ["pat-na1-", "pat-eu1-"], $"pat-(?:na|eu)1-(?<body>{Uuid})", "Rotate the token on the private app's Auth tab."),
        Prefixed("typeform-personal-access-token", "Typeform", SaasFamily, "personal access token", "tfp_", @"[A-Za-z0-9_.=-]{40,64}", "Delete it under Account > Personal tokens."),
        Prefixed("contentful-personal-access-token", "Contentful", SaasFamily, "personal access token", "CFPAT-", $"{Base64Url}{{43}}", "Revoke it under Settings > CMA tokens."),
        Prefixed("dropbox-access-token", "Dropbox", SaasFamily, "short-lived access token", "sl.", @"[A-Za-z0-9_=-]{130,}", "Revoke it (auth/token/revoke) and the app's refresh token."),
        Keyworded("zendesk-api-token", "Zendesk", SaasFamily, "API token", ["zendesk"], $"{Alnum}{{40}}", "Delete it in the Admin Center under Apps and integrations > Zendesk API."),
        Shaped("mapbox-secret-token", "Mapbox", SaasFamily, "secret access token", ["sk.eyJ"], @"sk\.(?<body>eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{22,})", "Delete it on the account's Access tokens page."),
        Keyworded("algolia-admin-api-key", "Algolia", SaasFamily, "admin API key", ["algolia"], $"{Hex}{{32}}", "Regenerate the Admin API key under Settings > API Keys."),
        Prefixed("readme-api-key", "ReadMe", SaasFamily, "API key", "rdme_", "[a-z0-9]{70}", "Revoke it in the project's API Keys."),
        Prefixed("frameio-api-token", "Frame.io", SaasFamily, "developer token", "fio-u-", @"[A-Za-z0-9_=-]{64}", "Delete it on the developer site's Tokens page."),
        Prefixed("prefect-api-key", "Prefect", SaasFamily, "API key", "pnu_", $"{Alnum}{{36}}", "Delete it under Profile > API keys."),
        Shaped("postman-api-key", "Postman", SaasFamily, "API key", ["PMAK-"], $"PMAK-(?<body>{Hex}{{24}}-{Hex}{{34}})", "Revoke it under Settings > API keys."),
        Keyworded("okta-api-token", "Okta", SaasFamily, "API token", ["okta"], @"00[A-Za-z0-9_-]{40}", "Revoke it under Security > API > Tokens."),
        Shaped("salesforce-access-token", "Salesforce", SaasFamily, "session or access token", ["00D"], @"00D[A-Za-z0-9]{12,15}!(?<body>[A-Za-z0-9._]{80,})", "Revoke the session (Setup > Session Management) or the connected app's tokens."),
        Prefixed("asana-personal-access-token", "Asana", SaasFamily, "personal access token", "2/", $"\\d{{16}}/\\d{{16}}:{Hex}{{32}}", "Revoke it under My settings > Apps > Developer apps."),
    ];
}
