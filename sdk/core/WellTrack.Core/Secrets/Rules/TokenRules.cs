using WellTrack.Core.Secrets.Providers;

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
            ProviderTokenRule.Default,
            new ConnectionStringRule { AllowPlaceholders = allowPlaceholders },
            new CommandCredentialRule { AllowPlaceholders = allowPlaceholders },
            new UrlCredentialsRule { AllowPlaceholders = allowPlaceholders },
        ];
    }

    /// <summary>The credentials in <paramref name="text"/>, by position; an empty list (not allocated) when none.</summary>
    public IReadOnlyList<TokenMatch> Find(string text) => Find(text, null);

    /// <summary>As <see cref="Find(string)"/>; <paramref name="context"/> (a key path) can name the provider of a token without prefix.</summary>
    public IReadOnlyList<TokenMatch> Find(string text, string? context)
    {
        if (text.Length < 12)
        {
            return [];
        }

        List<TokenMatch>? found = null;
        foreach (var rule in _rules)
        {
            if (!rule.MayMatch(text, context))
            {
                continue;
            }

            foreach (var match in rule.Find(text, context))
            {
                found ??= [];
                if (!Overlaps(found, match))
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

    private static bool Overlaps(List<TokenMatch> found, TokenMatch match)
    {
        foreach (var existing in found)
        {
            if (existing.Index < match.Index + match.Length && match.Index < existing.Index + existing.Length)
            {
                return true;
            }
        }

        return false;
    }
}
