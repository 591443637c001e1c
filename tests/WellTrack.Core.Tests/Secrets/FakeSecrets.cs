using System.Text;
using System.Text.RegularExpressions;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Secrets;

/// <summary>
/// Makes fake credentials with the right shape at run time, so no file in the repository holds anything a push
/// protection or a scanner would take for a real secret. Corpus files say <c>@@FAKE:kind@@</c> (or
/// <c>@@FAKE:kind#n@@</c> to reuse one value); <see cref="Expand"/> replaces each marker, indenting multi-line values
/// (PEM keys) to the marker's column. Every value made is remembered, so tests can prove none is ever printed.
/// </summary>
internal sealed partial class FakeSecrets(int seed)
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";
    private const string Alnum = Upper + Lower + Digits;
    private const string Base64Url = Alnum + "-_";

    private readonly Random _random = new(seed);
    private readonly Dictionary<string, string> _named = new(StringComparer.Ordinal);

    /// <summary>Every secret made so far (single-line values, and each line of multi-line ones).</summary>
    public List<string> Generated { get; } = [];

    public static IReadOnlyList<string> Kinds { get; } =
    [
        "jwt-service-role", "jwt-anon", "jwt", "gocspx", "aiza", "akia", "asia", "aws-secret", "ghp", "gho", "ghs", "ghr", "ghu",
        "github-pat", "xoxb", "xoxp", "slack-webhook", "sk-live", "rk-live", "sendgrid", "resend", "openai", "openai-legacy",
        "npm", "pem-rsa", "pem-ec", "pem-openssh", "pem-pkcs8", "password", "b64secret", "random32", "cert", "pubkey", "hex40",
    ];

    public string Expand(string text)
    {
        var output = new StringBuilder();
        var lineStart = 0;
        var last = 0;
        foreach (Match match in Marker().Matches(text))
        {
            output.Append(text, last, match.Index - last);
            lineStart = text.LastIndexOf('\n', Math.Max(0, match.Index - 1)) + 1;
            var column = match.Index - lineStart;
            var name = match.Groups["kind"].Value + (match.Groups["n"].Success ? "#" + match.Groups["n"].Value : string.Empty);
            var value = match.Groups["n"].Success && _named.TryGetValue(name, out var known) ? known : Make(match.Groups["kind"].Value);
            if (match.Groups["n"].Success)
            {
                _named[name] = value;
            }

            // Inside a JSON string a line break is written \n; in YAML a block scalar's lines are indented to the marker.
            var inJsonString = match.Index > 0 && text[match.Index - 1] == '"';
            output.Append(value.Replace("\n", inJsonString ? "\\n" : "\n" + new string(' ', column), StringComparison.Ordinal));
            last = match.Index + match.Length;
        }

        output.Append(text, last, text.Length - last);
        return output.ToString();
    }

    public string Make(string kind)
    {
        var value = kind switch
        {
            "jwt-service-role" => Jwt($$"""{"iss":"supabase","ref":"{{Chars(Lower, 20)}}","role":"service_role","iat":1700000000,"exp":2015576000}"""),
            "jwt-anon" => Jwt($$"""{"iss":"supabase","ref":"{{Chars(Lower, 20)}}","role":"anon","iat":1700000000,"exp":2015576000}"""),
            "jwt" => Jwt($$"""{"sub":"{{Guid()}}","name":"ci-bot","iat":1700000000}"""),
            "gocspx" => "GOCSPX-" + Mixed(Base64Url, 28),
            "aiza" => "AIza" + Mixed(Base64Url, 35),
            "akia" => "AKIA" + Chars(Upper + "234567", 16),
            "asia" => "ASIA" + Chars(Upper + "234567", 16),
            "aws-secret" => Mixed(Alnum + "/+", 40),
            "ghp" or "gho" or "ghs" or "ghr" or "ghu" => FakeCrc32Token.Make(kind + "_", _random),
            "github-pat" => "github_pat_" + Mixed(Alnum, 22) + "_" + Mixed(Alnum, 59),
            "xoxb" or "xoxp" => $"{kind}-{Chars(Digits, 11)}-{Chars(Digits, 12)}-{Mixed(Alnum, 24)}",
            "slack-webhook" => $"https://hooks.slack.com/services/T{Chars(Upper + Digits, 8)}/B{Chars(Upper + Digits, 10)}/{Mixed(Alnum, 24)}",
            "sk-live" => "sk_live_" + Mixed(Alnum, 24),
            "rk-live" => "rk_live_" + Mixed(Alnum, 24),
            "sendgrid" => "SG." + Mixed(Base64Url, 22) + "." + Mixed(Base64Url, 43),
            "resend" => "re_" + Mixed(Alnum, 8) + "_" + Mixed(Alnum, 24),
            "openai" => "sk-proj-" + Mixed(Alnum, 56),
            "openai-legacy" => "sk-" + Mixed(Alnum, 48),
            "npm" => FakeCrc32Token.Make("npm_", _random),
            "pem-rsa" => Pem("RSA PRIVATE KEY", 12),
            "pem-ec" => Pem("EC PRIVATE KEY", 3),
            "pem-openssh" => Pem("OPENSSH PRIVATE KEY", 6),
            "pem-pkcs8" => Pem("PRIVATE KEY", 10),
            "cert" => Pem("CERTIFICATE", 8),
            "pubkey" => Pem("PUBLIC KEY", 4),
            "password" => Mixed(Alnum, 20),
            "random32" => Mixed(Alnum, 32),
            "b64secret" => Convert.ToBase64String(Encoding.UTF8.GetBytes(Mixed(Alnum, 24))),
            "hex40" => Chars("0123456789abcdef", 40),
            _ => throw new ArgumentException($"unknown fake kind '{kind}'", nameof(kind)),
        };
        foreach (var line in value.Split('\n'))
        {
            if (line.Length >= 16 && !line.StartsWith("-----", StringComparison.Ordinal))
            {
                Generated.Add(line);
            }
        }

        if (!value.Contains('\n', StringComparison.Ordinal))
        {
            Generated.Add(value);
        }

        return value;
    }

    /// <summary>Random characters from <paramref name="alphabet"/>.</summary>
    public string Chars(string alphabet, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[_random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>Random characters with at least one upper-case letter, lower-case letter and digit when the alphabet has them.</summary>
    public string Mixed(string alphabet, int length)
    {
        while (true)
        {
            var value = Chars(alphabet, length);
            if ((!alphabet.Any(char.IsUpper) || value.Any(char.IsUpper)) && (!alphabet.Any(char.IsLower) || value.Any(char.IsLower)) && (!alphabet.Any(char.IsDigit) || value.Any(char.IsDigit)))
            {
                return value;
            }
        }
    }

    private string Guid()
    {
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private string Jwt(string payload)
    {
        static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{Encode("""{"alg":"HS256","typ":"JWT"}""")}.{Encode(payload)}.{Mixed(Base64Url, 43)}";
    }

    private string Pem(string label, int lines)
    {
        var builder = new StringBuilder($"-----BEGIN {label}-----");
        for (var i = 0; i < lines; i++)
        {
            builder.Append('\n').Append(i == 0 && label.Contains("PRIVATE", StringComparison.Ordinal) ? "MII" + Mixed(Alnum + "+/", 61) : Mixed(Alnum + "+/", 64));
        }

        builder.Append('\n').Append(Mixed(Alnum + "+/", 20)).Append("==\n-----END ").Append(label).Append("-----");
        return builder.ToString();
    }

    [GeneratedRegex(@"@@FAKE:(?<kind>[a-z0-9-]+)(?:#(?<n>\d+))?@@", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();
}
