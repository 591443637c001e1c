namespace WellTrack.Core.Secrets.Providers;

public static partial class ProviderCatalog
{
    private const string MessagingFamily = "messaging";

    private static ProviderFormat[] Messaging =>
    [
        Shaped("slack-app-level-token", "Slack", MessagingFamily, "app-level token", ["xapp-"], $"xapp-\\d-(?<body>[A-Z0-9]{{9,12}}-\\d{{10,14}}-{Hex}{{60,64}})",
            "Revoke it under the app's Basic Information > App-Level Tokens."),
        Shaped("slack-rotating-token", "Slack", MessagingFamily, "rotating (token rotation) access token", ["xoxe.xox"], @"xoxe\.xox[bp]-\d-(?<body>[A-Za-z0-9]{150,})",
            "Revoke it (auth.revoke) and rotate the app's refresh token."),
        Shaped("slack-refresh-token", "Slack", MessagingFamily, "refresh token", ["xoxe-"], @"xoxe-\d-(?<body>[A-Za-z0-9]{140,})",
            "Revoke the app's tokens under OAuth & Permissions and reinstall it."),
        Shaped("discord-bot-token", "Discord", MessagingFamily, "bot token", [], @"(?<body>[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38})",
            "Reset the token under the application's Bot page in the Developer Portal.", ["discord"]),
        Shaped("discord-webhook-url", "Discord", MessagingFamily, "webhook URL", ["/api/webhooks/"], @"https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/\d{17,20}/(?<body>[A-Za-z0-9_-]{60,68})",
            "Delete the webhook under the channel's Integrations > Webhooks."),
        Shaped("telegram-bot-token", "Telegram", MessagingFamily, "bot token", [":AA"], @"(?<body>\d{8,10}:AA[A-Za-z0-9_-]{33})", "Revoke it with @BotFather (/revoke)."),
        Keyworded("twilio-auth-token", "Twilio", MessagingFamily, "auth token or API key secret", ["twilio"], $"{Alnum}{{32}}",
            "Rotate the auth token (promote the secondary) or delete the API key in the Twilio Console."),
        Prefixed("mailgun-private-api-key", "Mailgun", MessagingFamily, "private API key", "key-", $"{Hex}{{32}}", "Delete it under Settings > API Security."),
        Keyworded("mailgun-api-key", "Mailgun", MessagingFamily, "API key", ["mailgun"], $"{Hex}{{32}}-{Hex}{{8}}-{Hex}{{8}}", "Delete it under Settings > API Security."),
        Shaped("mailchimp-api-key", "Mailchimp", MessagingFamily, "API key", ["-us"], $"(?<body>{Hex}{{32}})-us\\d{{1,2}}", "Disable it under Profile > Extras > API keys."),
        Keyworded("postmark-server-token", "Postmark", MessagingFamily, "server or account token", ["postmark"], Uuid, "Reset it under the server's API Tokens."),
        Keyworded("mandrill-api-key", "Mailchimp Transactional (Mandrill)", MessagingFamily, "API key", ["mandrill"], $"{Base64Url}{{22}}", "Delete it under Settings > SMTP & API Info."),
        Shaped("brevo-api-key", "Brevo (Sendinblue)", MessagingFamily, "API key", ["xkeysib-"], $"xkeysib-(?<body>{Hex}{{64}}-{Alnum}{{16}})", "Delete it under SMTP & API > API Keys."),
        Shaped("teams-incoming-webhook", "Microsoft Teams", MessagingFamily, "incoming webhook URL", [".webhook.office.com/"],
            $"https://[a-z0-9-]+\\.webhook\\.office\\.com/webhookb2/{Uuid}@{Uuid}/IncomingWebhook/(?<body>{Hex}{{32}})/{Uuid}",
            "Remove the Incoming Webhook connector from the channel and add a new one."),
        Shaped("twitter-bearer-token", "X (Twitter)", MessagingFamily, "app bearer token", ["AAAAAAAAAAAAAAAAAAAAA"], @"A{21,22}(?<body>[A-Za-z0-9%]{70,})",
            "Regenerate it under the app's Keys and tokens in the developer portal."),
        Shaped("facebook-access-token", "Meta (Facebook)", MessagingFamily, "access token", ["EAA"], @"EAA[B-Z](?<body>[A-Za-z0-9]{100,})",
            "Invalidate it (change the app secret or remove the app's access) in Meta for Developers."),
    ];
}
