using WellTrack.Diagnostics;

namespace WellTrack.Core.Secrets;

/// <summary>What a key and its literal value amount to: the code and severity of the finding, if any.</summary>
internal readonly record struct ContextVerdict(DiagnosticCode Code, DiagnosticSeverity Severity, string Detail = "");

/// <summary>
/// The context rules over a key and its value, one place for every parsed format (YAML, JSON, .env, INI,
/// properties, TOML, shell): a secret-like key holding a credential (WT5004), a weak or default one (WT5033), an AWS
/// secret key (WT5016), a random-looking value under a key that says nothing (WT5031); under a values path that a
/// template turns into a Secret, any of these is WT5003. References and narrow placeholders are never findings.
/// </summary>
internal static class ContextRules
{
    /// <param name="fedTemplate">The template that turns this values path into a Secret, or null.</param>
    public static ContextVerdict? Judge(string key, string value, bool allowPlaceholders, string? fedTemplate = null)
    {
        var v = value.Trim();
        if (v.Length < 4 || CredentialHeuristics.IsReference(v) || allowPlaceholders && CredentialHeuristics.IsPlaceholder(v))
        {
            return null;
        }

        var kind = CredentialHeuristics.ClassifyKey(key);
        if (fedTemplate is not null)
        {
            var feeds = kind switch
            {
                KeyKind.Secret => CredentialHeuristics.IsCredentialValue(key, v, allowPlaceholders) || CredentialHeuristics.IsWeakLiteral(key, v, allowPlaceholders),
                KeyKind.Reference => false,
                _ => CredentialHeuristics.LooksHighEntropy(v),
            };
            return feeds ? new ContextVerdict(SecretCodes.ValueFeedsSecretTemplate, DiagnosticSeverity.Error, fedTemplate) : null;
        }

        switch (kind)
        {
            case KeyKind.Secret when CredentialHeuristics.IsAwsSecretKey(key, v):
                return new ContextVerdict(SecretCodes.AwsSecretAccessKey, DiagnosticSeverity.Error);
            case KeyKind.Secret when CredentialHeuristics.IsWeakDefault(v):
                return new ContextVerdict(SecretCodes.WeakCredential, DiagnosticSeverity.Warning);
            case KeyKind.Secret when CredentialHeuristics.IsCredentialValue(key, v, allowPlaceholders):
                return new ContextVerdict(SecretCodes.SecretLikeKey, DiagnosticSeverity.Error);
            case KeyKind.Secret when CredentialHeuristics.IsWeakLiteral(key, v, allowPlaceholders):
                return new ContextVerdict(SecretCodes.WeakCredential, DiagnosticSeverity.Warning);
            case KeyKind.None when RandomValue.Describe(key, v) is { } described:
                return new ContextVerdict(SecretCodes.RandomValue, DiagnosticSeverity.Warning, described);
            default:
                return null;
        }
    }
}
