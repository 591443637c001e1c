using System.Text.RegularExpressions;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Secrets.Rules;

/// <summary>
/// Database connection strings that carry a password: URL form (<c>postgres://user:pass@host</c>, MySQL, MariaDB,
/// MongoDB, Redis, AMQP, SQL Server, JDBC) and key-value form (<c>Host=db;Password=...</c>, JDBC <c>;password=</c> and
/// <c>?password=</c>). A password given as a reference
/// (<c>${DB_PASSWORD}</c>, <c>$(DB_PASSWORD)</c>, <c>{{ ... }}</c>) or a placeholder is not a finding.
/// </summary>
internal sealed partial class ConnectionStringRule : TokenRule
{
    public override DiagnosticCode Code => SecretCodes.ConnectionStringPassword;

    public override string Hint => string.Empty;

    public bool AllowPlaceholders { get; init; } = true;

    public override bool MayMatch(string text)
        => MayBeUrlForm(text) && UrlForm().IsMatch(text) || MayBeKeyValueForm(text) && KeyValueForm().IsMatch(text);

    public override IEnumerable<TokenMatch> Find(string text)
    {
        if (MayBeUrlForm(text))
        {
            foreach (Match match in UrlForm().Matches(text))
            {
                if (Credential(match.Groups["password"]) is { } found)
                {
                    yield return found;
                }
            }
        }

        if (MayBeKeyValueForm(text))
        {
            foreach (Match match in KeyValueForm().Matches(text))
            {
                if (Credential(match.Groups["password"]) is { } found)
                {
                    yield return found;
                }
            }
        }
    }

    private static bool MayBeUrlForm(string text) => text.Contains("://", StringComparison.Ordinal);

    // A connection string separates its properties (';' in ADO.NET and JDBC, '?'/'&' in a JDBC URL's query); a lone
    // "password = x" line of an INI or properties file is a setting, which the context rules report as such.
    private static bool MayBeKeyValueForm(string text)
        => text.Contains('=', StringComparison.Ordinal) && (text.Contains("assword", StringComparison.OrdinalIgnoreCase) || text.Contains("pwd", StringComparison.OrdinalIgnoreCase))
           && text.AsSpan().IndexOfAny(';', '&', '?') >= 0;

    private TokenMatch? Credential(Group password) => Credentials.Judge(Code, password, AllowPlaceholders);

    public static bool IsDatabaseScheme(string scheme) => DatabaseSchemes.Contains(scheme);

    private static readonly HashSet<string> DatabaseSchemes = new(StringComparer.OrdinalIgnoreCase)
    {
        "postgres", "postgresql", "mysql", "mariadb", "mongodb", "mongodb+srv", "redis", "rediss", "amqp", "amqps", "mssql", "sqlserver", "jdbc:postgresql", "jdbc:mysql",
    };

    [GeneratedRegex(@"(?<![A-Za-z0-9+.-])(?:jdbc:)?(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver)://(?<user>[^:/\s@""']*):(?<password>[^@\s/""']+)@", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex UrlForm();

    // ADO.NET and JDBC properties: Host=db;Password=..., jdbc:sqlserver://db;password=..., jdbc:mysql://db/app?user=a&password=...
    [GeneratedRegex(@"(?:^|[;\s""'?&])(?:Password|Pwd)\s*=\s*(?<password>[^;&""'\s]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex KeyValueForm();
}
