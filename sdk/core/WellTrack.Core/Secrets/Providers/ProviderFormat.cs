using WellTrack.Diagnostics;

namespace WellTrack.Core.Secrets.Providers;

/// <summary>
/// One documented token format of one provider: what it looks like, how to tell it from a look-alike, and what to
/// do when one is committed. <see cref="Pattern"/> is the whole token; its group <c>body</c> (or the whole match) is
/// the random part that must look random.
/// </summary>
/// <param name="Id">Stable rule id, reported as the finding's rule and the SARIF rule (<c>gitlab-personal-access-token</c>).</param>
/// <param name="Provider">Who issues it (<c>GitLab</c>).</param>
/// <param name="Family">cloud, vcs-ci, ai, payments, messaging, observability, registries, infra or saas.</param>
/// <param name="Title">What it is, after the provider's name (<c>personal access token</c>).</param>
/// <param name="Hints">Literal text (ordinal) of which at least one is in every token: the cheap pre-filter. Empty for keyword-only formats.</param>
/// <param name="Keywords">When not empty, one of them (ignoring case) must be on the same line or in the key path: formats with no distinctive prefix (a 32-hex key) need it so they do not fire on every hash.</param>
/// <param name="Pattern">The token as a .NET regular expression, without the boundaries <see cref="ProviderTokenRule"/> adds.</param>
/// <param name="Revoke">Where to revoke or rotate it.</param>
/// <param name="Severity">Error for anything that grants access; warning for test-mode keys.</param>
/// <param name="Validator">A check of the whole token beyond its shape (a checksum, a decoded header); null when there is none.</param>
public sealed record ProviderFormat(
    string Id,
    string Provider,
    string Family,
    string Title,
    IReadOnlyList<string> Hints,
    IReadOnlyList<string> Keywords,
    string Pattern,
    string Revoke,
    DiagnosticSeverity Severity = DiagnosticSeverity.Error,
    Func<string, bool>? Validator = null)
{
    /// <summary>"GitLab personal access token".</summary>
    public string Name => $"{Provider} {Title}";
}
