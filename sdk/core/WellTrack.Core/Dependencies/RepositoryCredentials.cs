using System.Net.Http.Headers;
using System.Text;

namespace WellTrack.Core.Dependencies;

/// <summary>
/// The Authorization header of a repository, built from the environment variables its settings name: a bearer token
/// when <c>tokenVariable</c> is set, else basic authentication from <c>usernameVariable</c>/<c>passwordVariable</c>.
/// The values live only in the header; they are never logged.
/// </summary>
public static class RepositoryCredentials
{
    public static AuthenticationHeaderValue? Header(RepositorySettings? settings, Func<string, string?> environment)
    {
        if (settings is null)
        {
            return null;
        }

        if (settings.TokenVariable is { Length: > 0 } tokenVariable && environment(tokenVariable) is { Length: > 0 } token)
        {
            return new AuthenticationHeaderValue("Bearer", token);
        }

        if (settings.UsernameVariable is { Length: > 0 } userVariable && environment(userVariable) is { Length: > 0 } user)
        {
            var password = settings.PasswordVariable is { Length: > 0 } p ? environment(p) ?? string.Empty : string.Empty;
            return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));
        }

        return null;
    }

    /// <summary>The variables <paramref name="settings"/> names that the environment does not set (WT3423).</summary>
    public static IEnumerable<string> Unset(RepositorySettings settings, Func<string, string?> environment)
        => new[] { settings.TokenVariable, settings.UsernameVariable, settings.PasswordVariable }
            .OfType<string>()
            .Where(v => v.Length > 0 && string.IsNullOrEmpty(environment(v)));
}
