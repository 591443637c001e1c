using WellTrack.Diagnostics;

namespace WellTrack.Core.Secrets;

/// <summary>
/// One plain secret found by <see cref="SecretScanner"/>. Nothing here carries the secret itself: the diagnostic's
/// message and <see cref="RedactedExcerpt"/> show at most its first characters, and <see cref="Fingerprint"/> is a
/// SHA-256 of rule, file and secret, which the baseline stores.
/// </summary>
/// <param name="Diagnostic">The coded diagnostic (WT5xxx) with file, line and column.</param>
/// <param name="RuleId">The rule's name, for example <c>google-oauth-client-secret</c>.</param>
/// <param name="KeyPath">Where the value sits: a YAML key path (<c>envSecrets.GOOGLE_CLIENT_SECRET</c>), or the key on the line.</param>
/// <param name="RedactedExcerpt">The first characters of the secret followed by <c>…[redacted]</c>.</param>
/// <param name="Fingerprint">Lowercase hex SHA-256 of code, repository-relative file and secret.</param>
/// <param name="RelativePath">The file relative to the scanned directory, with '/' separators.</param>
public sealed record SecretFinding(
    Diagnostic Diagnostic,
    string RuleId,
    string KeyPath,
    string RedactedExcerpt,
    string Fingerprint,
    string RelativePath)
{
    public string Code => Diagnostic.Code;
}
