using System.Text.RegularExpressions;

namespace WellTrack.Core.Secrets;

/// <summary>
/// Credentials in an argument list whose items are separate strings (a container's <c>command</c>/<c>args</c>): the
/// item after a secret flag (<c>"--password", "s3cr3t"</c>), and a MySQL client's <c>-pSECRET</c>. A flag with its value
/// in one item (<c>--password=s3cr3t</c>) is the command rule's, like any text.
/// </summary>
internal static partial class ArgumentCredentials
{
    /// <param name="items">The list's items; null for one that is not a string.</param>
    public static IEnumerable<(int Index, string Secret, bool Weak)> Find(IReadOnlyList<string?> items, bool allowPlaceholders)
    {
        var mysql = items.Any(i => i is not null && MysqlClient().IsMatch(i));
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is null)
            {
                continue;
            }

            string? secret = null;
            if (SecretFlag().IsMatch(item) && i + 1 < items.Count && items[i + 1] is { } next)
            {
                secret = next;
                i++;
            }
            else if (mysql && item.Length > 2 && item.StartsWith("-p", StringComparison.Ordinal) && !item.StartsWith("-p=", StringComparison.Ordinal))
            {
                secret = item[2..];
            }

            if (secret is not null && Accept(secret, allowPlaceholders))
            {
                yield return (i, secret, CredentialHeuristics.IsWeakDefault(secret));
            }
        }
    }

    private static bool Accept(string secret, bool allowPlaceholders)
        => secret.Length >= 3 && secret[0] is not ('-' or '$') && !secret.Any(char.IsWhiteSpace)
           && !CredentialHeuristics.IsReference(secret) && !(allowPlaceholders && CredentialHeuristics.IsPlaceholder(secret))
           && !secret.StartsWith('/') && !secret.Contains("{{", StringComparison.Ordinal);

    [GeneratedRegex(@"^--?(?:[a-z0-9]+[-_])*(?:password|passwd|pwd|token|secret|api[-_]?key|access[-_]key|secret[-_]key|auth[-_]token|client[-_]secret)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SecretFlag();

    [GeneratedRegex(@"(?:^|/)(?:mysql|mysqldump|mysqladmin|mariadb|mariadb-dump|mysqlimport|mysqlcheck)$", RegexOptions.CultureInvariant)]
    private static partial Regex MysqlClient();
}
