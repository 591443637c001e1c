using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Secrets.Rules;

/// <summary>
/// JSON Web Tokens. The payload is decoded: a Supabase <c>service_role</c> key (full database access, bypasses
/// row-level security) is its own error, a Supabase <c>anon</c> key (public by design) is a note, any other signed
/// token is an error. Three base64url parts whose first two do not decode to JSON objects are not a JWT.
/// </summary>
internal sealed partial class JwtRule : TokenRule
{
    public override DiagnosticCode Code => SecretCodes.Jwt;

    public override string Hint => "eyJ";

    public override bool MayMatch(string text) => base.MayMatch(text) && Pattern().IsMatch(text);

    public override IEnumerable<TokenMatch> Find(string text)
    {
        foreach (Match match in Pattern().Matches(text))
        {
            if (!TryDecodeObject(match.Groups["header"].Value, out var header) || !header.TryGetProperty("alg", out _))
            {
                continue;
            }

            if (!TryDecodeObject(match.Groups["payload"].Value, out var payload))
            {
                continue;
            }

            var role = payload.TryGetProperty("role", out var roleElement) && roleElement.ValueKind == JsonValueKind.String ? roleElement.GetString() : null;
            var (code, severity) = role switch
            {
                "service_role" => (SecretCodes.SupabaseServiceRoleJwt, DiagnosticSeverity.Error),
                "anon" => (SecretCodes.SupabaseAnonJwt, DiagnosticSeverity.Note),
                _ => (SecretCodes.Jwt, DiagnosticSeverity.Error),
            };
            yield return new TokenMatch(code, match.Index, match.Length, match.Value, severity);
        }
    }

    private static bool TryDecodeObject(string part, out JsonElement element)
    {
        element = default;
        try
        {
            var padded = part.Replace('-', '+').Replace('_', '/');
            padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", _ => string.Empty };
            var bytes = Convert.FromBase64String(padded);
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(bytes));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            element = document.RootElement.Clone();
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])(?<header>eyJ[A-Za-z0-9_-]{8,})\.(?<payload>eyJ[A-Za-z0-9_-]{8,})\.(?<signature>[A-Za-z0-9_-]{16,})(?![A-Za-z0-9_-])", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
