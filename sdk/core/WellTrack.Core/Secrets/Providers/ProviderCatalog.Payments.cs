using WellTrack.Diagnostics;

namespace WellTrack.Core.Secrets.Providers;

public static partial class ProviderCatalog
{
    private const string PaymentsFamily = "payments";

    private static ProviderFormat[] Payments =>
    [
        // Test-mode keys move no money but read and write the account's test data and its settings: a warning.
        Prefixed("stripe-test-secret-key", "Stripe", PaymentsFamily, "test-mode secret key", "sk_test_", $"{Alnum}{{24,247}}",
            "Roll the key under Developers > API keys (test mode).", DiagnosticSeverity.Warning),
        Prefixed("stripe-restricted-test-key", "Stripe", PaymentsFamily, "test-mode restricted key", "rk_test_", $"{Alnum}{{24,247}}",
            "Roll the key under Developers > API keys (test mode).", DiagnosticSeverity.Warning),
        Prefixed("stripe-webhook-secret", "Stripe", PaymentsFamily, "webhook signing secret", "whsec_", $"{Alnum}{{32,}}", "Roll the endpoint's signing secret under Developers > Webhooks."),
        Prefixed("square-access-token", "Square", PaymentsFamily, "access token", "EAAA", $"{Base64Url}{{60}}", "Revoke it in the Developer Dashboard (Credentials) and replace it."),
        Prefixed("square-legacy-access-token", "Square", PaymentsFamily, "legacy access token", "sq0atp-", $"{Base64Url}{{22}}", "Replace it in the Developer Dashboard under Credentials."),
        Prefixed("square-oauth-secret", "Square", PaymentsFamily, "application secret", "sq0csp-", $"{Base64Url}{{43}}", "Replace the application secret under OAuth in the Developer Dashboard."),
        Shaped("braintree-access-token", "PayPal Braintree", PaymentsFamily, "access token", ["access_token$"], $"access_token\\$(?:production|sandbox)\\$(?<body>[0-9a-z]{{16}}\\${Hex}{{32}})",
            "Revoke it in the Braintree Control Panel (API > API Keys) and generate a new one."),
        Keyworded("adyen-api-key", "Adyen", PaymentsFamily, "API key", ["adyen"], @"AQE[A-Za-z0-9+/=_.-]{80,}", "Generate a new key for the API credential in the Customer Area and revoke the old one."),
        Prefixed("shopify-access-token", "Shopify", PaymentsFamily, "Admin API access token", "shpat_", $"{Alnum}{{32,64}}", "Uninstall or rotate the custom app's credentials in the Shopify admin."),
        Prefixed("shopify-custom-app-token", "Shopify", PaymentsFamily, "custom app access token", "shpca_", $"{Alnum}{{32,64}}", "Rotate the custom app's credentials in the Shopify admin."),
        Prefixed("shopify-private-app-token", "Shopify", PaymentsFamily, "private app access token", "shppa_", $"{Alnum}{{32,64}}", "Delete the private app and move to a custom app."),
        Prefixed("shopify-shared-secret", "Shopify", PaymentsFamily, "app shared secret", "shpss_", $"{Alnum}{{32,64}}", "Rotate the app's API secret key in the Partner Dashboard."),
        Shaped("flutterwave-secret-key", "Flutterwave", PaymentsFamily, "secret key", ["FLWSECK"], $"FLWSECK(?:_TEST)?-(?<body>{Hex}{{32}})-X", "Regenerate the API keys under Settings > API."),
        Keyworded("plaid-secret", "Plaid", PaymentsFamily, "secret", ["plaid"], $"{Hex}{{30}}", "Rotate the secret under Team Settings > Keys in the Plaid dashboard."),
        Keyworded("gocardless-access-token", "GoCardless", PaymentsFamily, "access token", ["gocardless"], @"live_[A-Za-z0-9_=-]{40}", "Revoke it under Developers > Access tokens."),
        Shaped("duffel-access-token", "Duffel", PaymentsFamily, "access token", ["duffel_"], @"duffel_(?:test|live)_(?<body>[A-Za-z0-9_=-]{43})", "Delete it under Developers > Access tokens."),
        Prefixed("easypost-api-key", "EasyPost", PaymentsFamily, "API key", "EZAK", $"{Alnum}{{54}}", "Delete the key under Account settings > API keys."),
        Shaped("shippo-api-token", "Shippo", PaymentsFamily, "API token", ["shippo_"], $"shippo_(?:live|test)_(?<body>{Hex}{{40}})", "Regenerate it under Settings > API."),
    ];
}
