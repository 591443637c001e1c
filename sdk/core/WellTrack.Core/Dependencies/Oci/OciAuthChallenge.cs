using System.Net.Http.Headers;
using System.Text;

namespace WellTrack.Core.Dependencies.Oci;

/// <summary>
/// A registry's <c>WWW-Authenticate</c> answer to an unauthenticated request (RFC 7235 auth-params):
/// <c>Bearer realm="https://auth.example/token",service="registry.example",scope="repository:x:pull"</c>, or
/// <c>Basic realm="…"</c>.
/// </summary>
internal sealed record OciAuthChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    public bool IsBearer => string.Equals(Scheme, "Bearer", StringComparison.OrdinalIgnoreCase);

    public bool IsBasic => string.Equals(Scheme, "Basic", StringComparison.OrdinalIgnoreCase);

    public string? Realm => Parameters.GetValueOrDefault("realm");

    public string? Service => Parameters.GetValueOrDefault("service");

    /// <summary>The Bearer challenge of a response if it has one, else its first challenge, else null.</summary>
    public static OciAuthChallenge? From(HttpResponseHeaders headers)
    {
        var challenges = headers.WwwAuthenticate.Select(h => new OciAuthChallenge(h.Scheme, Parse(h.Parameter ?? string.Empty))).ToList();
        return challenges.FirstOrDefault(c => c.IsBearer) ?? challenges.FirstOrDefault();
    }

    /// <summary>Comma-separated <c>name=value</c> pairs, values bare or quoted with backslash escapes.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string parameters)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < parameters.Length)
        {
            while (i < parameters.Length && (parameters[i] == ',' || char.IsWhiteSpace(parameters[i])))
            {
                i++;
            }

            var nameStart = i;
            while (i < parameters.Length && parameters[i] != '=' && parameters[i] != ',')
            {
                i++;
            }

            var name = parameters[nameStart..i].Trim();
            if (i >= parameters.Length || parameters[i] != '=')
            {
                continue;
            }

            i++;
            var value = new StringBuilder();
            if (i < parameters.Length && parameters[i] == '"')
            {
                i++;
                while (i < parameters.Length && parameters[i] != '"')
                {
                    if (parameters[i] == '\\' && i + 1 < parameters.Length)
                    {
                        i++;
                    }

                    value.Append(parameters[i++]);
                }

                i++;
            }
            else
            {
                while (i < parameters.Length && parameters[i] != ',')
                {
                    value.Append(parameters[i++]);
                }
            }

            if (name.Length > 0)
            {
                result[name] = value.ToString().Trim();
            }
        }

        return result;
    }
}
