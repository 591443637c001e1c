using System.Text.RegularExpressions;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Secrets.Rules;

/// <summary>The verdict on a password found inside a URL or a connection string, shared by the rules that find one.</summary>
internal static class Credentials
{
    /// <summary>
    /// Null for a reference or a narrow placeholder; a weak credential (WT5033, a warning) for a default such as
    /// <c>admin:password@</c>; otherwise a finding under <paramref name="code"/>.
    /// </summary>
    public static TokenMatch? Judge(DiagnosticCode code, Group password, bool allowPlaceholders)
    {
        var value = password.Value;
        if (value.Length < 3 || CredentialHeuristics.IsReference(value) || allowPlaceholders && CredentialHeuristics.IsPlaceholder(value))
        {
            return null;
        }

        return CredentialHeuristics.IsWeakDefault(value)
            ? new TokenMatch(SecretCodes.WeakCredential, password.Index, password.Length, value, DiagnosticSeverity.Warning)
            : new TokenMatch(code, password.Index, password.Length, value);
    }
}
