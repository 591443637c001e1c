namespace WellTrack.Core.Secrets.Providers;

public static partial class ProviderCatalog
{
    private const string InfraFamily = "infra";
    private const string VaultRevoke = "Revoke it (vault token revoke -accessor …) and let the workload log in with the Kubernetes auth method instead.";

    private static ProviderFormat[] Infra =>
    [
        Prefixed("vault-service-token", "HashiCorp Vault", InfraFamily, "service token", "hvs.", $"{Base64Url}{{24,}}", VaultRevoke),
        Prefixed("vault-batch-token", "HashiCorp Vault", InfraFamily, "batch token", "hvb.", $"{Base64Url}{{24,}}", "Batch tokens cannot be revoked: wait for the TTL and rotate what it reached; " + VaultRevoke),
        Prefixed("vault-recovery-token", "HashiCorp Vault", InfraFamily, "recovery token", "hvr.", $"{Base64Url}{{24,}}", "Revoke it and generate recovery tokens only when needed."),
        // No hint: "s." ends every plural before a dot (.Values.x) and would wake the rule on most template lines.
        Shaped("vault-legacy-token", "HashiCorp Vault", InfraFamily, "service token (before 1.10)", [], $"s\\.(?<body>{Alnum}{{24}})", VaultRevoke, ["vault"]),
        Prefixed("1password-service-account-token", "1Password", InfraFamily, "service account token", "ops_eyJ", @"[A-Za-z0-9+/=_-]{250,}", "Revoke it under Developer Tools > Service Accounts."),
        Shaped("1password-secret-key", "1Password", InfraFamily, "account Secret Key", ["A3-"], @"A3-(?<body>[A-Z0-9]{6}-[A-Z0-9]{6}-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})",
            "Regenerate the Secret Key in the account's settings (it needs the account password too, so change that as well)."),
        Prefixed("doppler-personal-token", "Doppler", InfraFamily, "personal token", "dp.pt.", $"{Alnum}{{40,44}}", "Revoke it under Tokens > Personal."),
        Prefixed("doppler-service-token", "Doppler", InfraFamily, "service token", "dp.st.", @"(?:[a-z0-9_-]{2,35}\.)?[A-Za-z0-9]{40,44}", "Revoke it under the config's Access > Service tokens."),
        Prefixed("doppler-service-account-token", "Doppler", InfraFamily, "service account token", "dp.sa.", $"{Alnum}{{40,44}}", "Revoke it under Team > Service Accounts."),
        Prefixed("doppler-cli-token", "Doppler", InfraFamily, "CLI token", "dp.ct.", $"{Alnum}{{40,44}}", "Revoke it with doppler logout --revoke or under Tokens > CLI."),
        Prefixed("doppler-scim-token", "Doppler", InfraFamily, "SCIM token", "dp.scim.", $"{Alnum}{{40,44}}", "Revoke it under Team > SCIM."),
        Prefixed("doppler-audit-token", "Doppler", InfraFamily, "audit token", "dp.audit.", $"{Alnum}{{40,44}}", "Revoke it under Team > Audit tokens."),
        Prefixed("pulumi-access-token", "Pulumi", InfraFamily, "access token", "pul-", $"{Hex}{{40}}", "Delete it under Settings > Access Tokens in Pulumi Cloud."),
        Shaped("terraform-cloud-api-token", "HCP Terraform", InfraFamily, "API token", [".atlasv1."], @"[A-Za-z0-9]{14}\.atlasv1\.(?<body>[A-Za-z0-9_=-]{60,70})",
            "Delete it under User settings > Tokens (or the team's/organization's API tokens)."),
        Shaped("tailscale-auth-key", "Tailscale", InfraFamily, "auth key", ["tskey-auth-"], @"tskey-auth-(?<body>[A-Za-z0-9]{10,}-[A-Za-z0-9]{20,})", "Revoke it under Settings > Keys in the admin console."),
        Shaped("tailscale-api-key", "Tailscale", InfraFamily, "API access token", ["tskey-api-"], @"tskey-api-(?<body>[A-Za-z0-9]{10,}-[A-Za-z0-9]{20,})", "Revoke it under Settings > Keys."),
        Shaped("tailscale-oauth-client-secret", "Tailscale", InfraFamily, "OAuth client secret", ["tskey-client-"], @"tskey-client-(?<body>[A-Za-z0-9]{10,}-[A-Za-z0-9]{20,})",
            "Revoke the OAuth client under Settings > OAuth clients; the Tailscale operator reads it from a Secret."),
        Shaped("tailscale-webhook-secret", "Tailscale", InfraFamily, "webhook secret", ["tskey-webhook-"], @"tskey-webhook-(?<body>[A-Za-z0-9]{10,}-[A-Za-z0-9]{20,})", "Rotate the webhook's secret under Settings > Webhooks."),
        Shaped("tailscale-scim-key", "Tailscale", InfraFamily, "SCIM API key", ["tskey-scim-"], @"tskey-scim-(?<body>[A-Za-z0-9]{10,}-[A-Za-z0-9]{20,})", "Revoke it under Settings > User management."),
        Prefixed("flyio-access-token", "Fly.io", InfraFamily, "access token", "fo1_", $"{Base64Url}{{43}}", "Revoke it with fly tokens revoke or in the dashboard under Tokens."),
        Shaped("flyio-macaroon-token", "Fly.io", InfraFamily, "deploy or org token (macaroon)", ["fm2_", "fm1r_", "fm1a_"], @"(?:fm2|fm1[ar])_(?<body>[A-Za-z0-9+/=_-]{100,})",
            "Revoke it with fly tokens revoke."),
        Prefixed("digitalocean-personal-access-token", "DigitalOcean", InfraFamily, "personal access token", "dop_v1_", $"{Hex}{{64}}", "Delete it under API > Tokens."),
        Prefixed("digitalocean-oauth-token", "DigitalOcean", InfraFamily, "OAuth access token", "doo_v1_", $"{Hex}{{64}}", "Revoke the OAuth application's access under API > OAuth Applications."),
        Prefixed("digitalocean-refresh-token", "DigitalOcean", InfraFamily, "OAuth refresh token", "dor_v1_", $"{Hex}{{64}}", "Revoke the OAuth application's access under API > OAuth Applications."),
        Prefixed("age-secret-key", "age", InfraFamily, "secret key (SOPS)", "AGE-SECRET-KEY-1", "[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}",
            "Generate a new key pair, re-encrypt every SOPS file for the new recipient, and keep the private key out of git."),
        Keyworded("ngrok-authtoken", "ngrok", InfraFamily, "authtoken", ["ngrok"], $"[1-9]{Alnum}{{26}}_{Alnum}{{21}}", "Reset it under Your Authtoken in the ngrok dashboard."),
        Keyworded("consul-acl-token", "HashiCorp Consul", InfraFamily, "ACL token", ["consul_http_token", "consul-token", "consul_token"], Uuid, "Delete the token (consul acl token delete) and create a new one."),
        Prefixed("infracost-api-key", "Infracost", InfraFamily, "API key", "ico-", $"{Alnum}{{32}}", "Rotate it under Org settings > API keys."),
    ];
}
