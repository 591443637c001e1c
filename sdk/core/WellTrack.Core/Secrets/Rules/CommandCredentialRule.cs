using System.Text;
using System.Text.RegularExpressions;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Secrets.Rules;

/// <summary>
/// Credentials on command lines and in HTTP headers, wherever a script or an argument list is written: curl's
/// <c>-u user:pass</c> / <c>--user</c>, <c>--password=</c> / <c>--token</c> style flags, <c>mysql -pSECRET</c>,
/// <c>PGPASSWORD=... psql</c> style variables, and <c>Authorization: Basic</c> / <c>Bearer</c> headers (or a probe
/// header's value alone). References (<c>$DB_PASSWORD</c>, <c>$(cat /run/secrets/x)</c>) and narrow placeholders are
/// not findings; default passwords are weak credentials (WT5033).
/// </summary>
internal sealed partial class CommandCredentialRule : TokenRule
{
    public override DiagnosticCode Code => SecretCodes.CommandCredential;

    public override string Hint => string.Empty;

    public bool AllowPlaceholders { get; init; } = true;

    public override bool MayMatch(string text)
        => (text.Contains("-u", StringComparison.Ordinal) || text.Contains("--", StringComparison.Ordinal) || text.Contains(" -p", StringComparison.Ordinal)
            || text.Contains("Basic ", StringComparison.Ordinal) || text.Contains("Bearer ", StringComparison.Ordinal) || text.Contains("PASSWORD=", StringComparison.Ordinal)
            || text.Contains("_PWD=", StringComparison.Ordinal) || text.Contains("_AUTH=", StringComparison.Ordinal) || text.Contains("SSHPASS=", StringComparison.Ordinal)
            || text.Contains("oken ", StringComparison.Ordinal) || text.Contains("pass:", StringComparison.Ordinal))
           && (CurlUser().IsMatch(text) || SecretFlag().IsMatch(text) || MysqlPassword().IsMatch(text) || ClientVariable().IsMatch(text) || Header().IsMatch(text) || HeaderValue().IsMatch(text)
               || OpenSslPass().IsMatch(text) || FromLiteral().IsMatch(text));

    public override IEnumerable<TokenMatch> Find(string text)
    {
        var found = new List<TokenMatch>();
        Collect(found, CurlUser().Matches(text), numericUserIsId: true);
        Collect(found, SecretFlag().Matches(text));
        Collect(found, MysqlPassword().Matches(text));
        Collect(found, ClientVariable().Matches(text));
        Collect(found, OpenSslPass().Matches(text));
        foreach (Match literal in FromLiteral().Matches(text))
        {
            if (CredentialHeuristics.ClassifyKey(literal.Groups["key"].Value) == KeyKind.Secret)
            {
                var value = literal.Groups["value"];
                Add(found, value.Index, value.Value.Trim('"', '\''));
            }
        }

        foreach (Match header in Header().Matches(text))
        {
            AddHeader(found, header);
        }

        foreach (Match header in HeaderValue().Matches(text))
        {
            AddHeader(found, header);
        }

        return found;
    }

    private void Collect(List<TokenMatch> found, MatchCollection matches, bool numericUserIsId = false)
    {
        foreach (Match match in matches)
        {
            var value = match.Groups["value"];
            // docker run -u 1000:1000 names a user and group, not credentials.
            if (numericUserIsId && value.Value.All(char.IsAsciiDigit))
            {
                continue;
            }

            Add(found, value.Index, value.Value.Trim('"', '\''));
        }
    }

    private void AddHeader(List<TokenMatch> found, Match header)
    {
        var value = header.Groups["value"];
        if (header.Groups["scheme"].Value.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            // Basic carries base64 of user:password; anything else is not a Basic credential.
            var decoded = DecodeBasic(value.Value);
            var colon = decoded?.IndexOf(':') ?? -1;
            if (decoded is null || colon < 1)
            {
                return;
            }

            var password = decoded[(colon + 1)..];
            if (!Accept(password, out var weak))
            {
                return;
            }

            found.Add(new TokenMatch(weak ? SecretCodes.WeakCredential : Code, value.Index, value.Length, value.Value, weak ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error));
            return;
        }

        if (LooksRandom(value.ValueSpan))
        {
            Add(found, value.Index, value.Value);
        }
    }

    private void Add(List<TokenMatch> found, int index, string secret)
    {
        if (!Accept(secret, out var weak) || found.Any(f => f.Index == index))
        {
            return;
        }

        found.Add(new TokenMatch(weak ? SecretCodes.WeakCredential : Code, index, secret.Length, secret, weak ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error));
    }

    private bool Accept(string secret, out bool weak)
    {
        weak = CredentialHeuristics.IsWeakDefault(secret);
        return secret.Length >= 3 && secret[0] != '-' && !secret.StartsWith('$') && !secret.StartsWith('`') && !secret.StartsWith('@')
               && !CredentialHeuristics.IsReference(secret)
               && !KeyValueSpec().IsMatch(secret)
               && !secret.Contains("{{", StringComparison.Ordinal)
               && !(AllowPlaceholders && CredentialHeuristics.IsPlaceholder(secret));
    }

    private static string? DecodeBasic(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) ? Encoding.UTF8.GetString(buffer, 0, written) : null;
    }

    // curl/wget -u user:pass, --user user:pass, --user=user:pass (the password is what is reported).
    [GeneratedRegex(@"(?<![\w-])(?:-u|--user|--proxy-user)(?:\s+|=)[""']?[^\s:""'$]+:(?<value>[^\s""'@]+)", RegexOptions.CultureInvariant)]
    private static partial Regex CurlUser();

    // --password=x, --password x, --db-password x, --token x, --api-key x, --client-secret x (not --password-file, --password-stdin).
    [GeneratedRegex(@"(?<![\w-])--?(?:[a-z0-9]+[-_])*(?:password|passwd|pass|pwd|token|secret|api[-_]?key|access[-_]key|secret[-_]key|auth[-_]token|credentials?)(?:=|\s+)(?<value>""[^""\s]+""|'[^'\s]+'|[^\s""'|;&]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SecretFlag();

    // mysql/mysqldump/mysqladmin/mariadb -pSECRET (no space: with a space, -p prompts).
    [GeneratedRegex(@"\b(?:mysql|mysqldump|mysqladmin|mariadb|mariadb-dump|mysqlimport|mysqlcheck)\b[^\n;|&]*?\s-p(?<value>[^\s""';|&]+)", RegexOptions.CultureInvariant)]
    private static partial Regex MysqlPassword();

    // Variables that database and tool clients read their password from, set inline or exported.
    [GeneratedRegex(@"(?<![\w$])(?:PGPASSWORD|MYSQL_PWD|REDISCLI_AUTH|SSHPASS|MONGO_PASSWORD|RCLONE_CONFIG_PASS|ANSIBLE_BECOME_PASS)=(?<value>""[^""\s]+""|'[^'\s]+'|[^\s""'|;&]+)", RegexOptions.CultureInvariant)]
    private static partial Regex ClientVariable();

    // openssl -passin pass:x / -passout pass:x / -password pass:x.
    [GeneratedRegex(@"(?<![\w-])-pass(?:in|out|word)?\s+pass:(?<value>[^\s""';|&]+)", RegexOptions.CultureInvariant)]
    private static partial Regex OpenSslPass();

    // kubectl create secret generic x --from-literal=password=s3cr3t.
    [GeneratedRegex(@"--from-literal[=\s]+[""']?(?<key>[A-Za-z0-9_.-]+)=(?<value>[^\s""';|&]+)", RegexOptions.CultureInvariant)]
    private static partial Regex FromLiteral();

    // BuildKit's --secret id=npm,src=... and the like name a secret, they do not hold one.
    [GeneratedRegex(@"^[a-z]+=", RegexOptions.CultureInvariant)]
    private static partial Regex KeyValueSpec();

    // Authorization: Basic/Bearer/Token in a script, a curl -H, a config line.
    [GeneratedRegex(@"(?i:authorization|proxy-authorization)[""']?\s*[:=]\s*[""']?(?<scheme>Basic|Bearer|Token)\s+(?<value>[A-Za-z0-9+/=._~-]{12,})", RegexOptions.CultureInvariant)]
    private static partial Regex Header();

    // A header's value alone, as in a probe's httpHeaders: {name: Authorization, value: "Bearer ..."}.
    [GeneratedRegex(@"^\s*(?<scheme>Basic|Bearer)\s+(?<value>[A-Za-z0-9+/=._~-]{12,})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderValue();
}
