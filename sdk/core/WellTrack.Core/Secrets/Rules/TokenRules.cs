namespace WellTrack.Core.Secrets.Rules;

/// <summary>
/// Every known credential format, most specific first. Where two matches overlap (a GitHub token used as the
/// password of a URL) the earlier rule wins, so each secret is reported once, under its most precise code.
/// </summary>
internal sealed class TokenRules
{
    private readonly TokenRule[] _rules;

    public TokenRules(bool allowPlaceholders)
    {
        _rules =
        [
            new PemPrivateKeyRule(),
            new JwtRule(),
            new GoogleOAuthClientSecretRule(),
            new GoogleApiKeyRule(),
            new AwsAccessKeyIdRule(),
            new GitHubTokenRule(),
            new SlackWebhookRule(),
            new SlackTokenRule(),
            new StripeKeyRule(),
            new SendGridKeyRule(),
            new ResendKeyRule(),
            new OpenAiKeyRule(),
            new NpmTokenRule(),
            new ConnectionStringRule { AllowPlaceholders = allowPlaceholders },
            new UrlCredentialsRule { AllowPlaceholders = allowPlaceholders },
        ];
    }

    public List<TokenMatch> Find(string text)
    {
        List<TokenMatch>? found = null;
        if (text.Length < 12)
        {
            return [];
        }

        foreach (var rule in _rules)
        {
            foreach (var match in rule.Find(text))
            {
                found ??= [];
                if (!found.Any(existing => existing.Index < match.Index + match.Length && match.Index < existing.Index + existing.Length))
                {
                    found.Add(match);
                }
            }
        }

        if (found is null)
        {
            return [];
        }

        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        return found;
    }
}
