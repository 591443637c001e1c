using System.Globalization;
using System.Text;
using WellTrack.Templating.Values;

namespace WellTrack.Templating.Functions;

/// <summary>Sprig's urlParse and urlJoin over a port of the parts of Go's net/url they use.</summary>
internal static class SprigUrl
{
    public static void Register(FunctionTableBuilder f)
    {
        f.Add("urlParse", P.Str, a => Parse((string)a[0]!));
        f.Add("urlJoin", P.Map, a => Join((Dictionary<string, object?>)a[0]!));
    }

    private enum Mode
    {
        Path,
        Host,
        UserPassword,
        QueryComponent,
        Fragment,
    }

    private sealed class GoUrl
    {
        public string Scheme = string.Empty;
        public string Opaque = string.Empty;
        public string? Username;
        public string? Password;
        public string Host = string.Empty;
        public string Path = string.Empty;
        public string RawQuery = string.Empty;
        public string Fragment = string.Empty;
        public bool ForceQuery;
    }

    private static Dictionary<string, object?> Parse(string raw)
    {
        GoUrl u;
        try
        {
            u = ParseUrl(raw);
        }
        catch (FormatException e)
        {
            throw new TemplateFunctionException($"unable to parse url: parse {GoStrconv.Quote(raw)}: {e.Message}");
        }

        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["scheme"] = u.Scheme,
            ["host"] = u.Host,
            ["hostname"] = Hostname(u.Host),
            ["path"] = u.Path,
            ["query"] = u.RawQuery,
            ["opaque"] = u.Opaque,
            ["fragment"] = u.Fragment,
            ["userinfo"] = u.Username is null ? string.Empty : UserString(u),
        };
    }

    private static GoUrl ParseUrl(string raw)
    {
        var hash = raw.IndexOf('#');
        var rest = hash >= 0 ? raw[..hash] : raw;
        var u = new GoUrl();
        if (rest.Any(c => c < 0x20 || c == 0x7f))
        {
            throw new FormatException("net/url: invalid control character in URL");
        }

        if (rest.Length > 0 && rest != "*")
        {
            (u.Scheme, rest) = GetScheme(rest);
            u.Scheme = u.Scheme.ToLowerInvariant();
            if (rest.EndsWith('?') && rest.Count(c => c == '?') == 1)
            {
                u.ForceQuery = true;
                rest = rest[..^1];
            }
            else
            {
                var q = rest.IndexOf('?');
                if (q >= 0)
                {
                    u.RawQuery = rest[(q + 1)..];
                    rest = rest[..q];
                }
            }

            if (!rest.StartsWith('/'))
            {
                if (u.Scheme.Length > 0)
                {
                    u.Opaque = rest;
                    rest = string.Empty;
                }
                else if (rest.Split('/')[0].Contains(':'))
                {
                    throw new FormatException("first path segment in URL cannot contain colon");
                }
            }

            if (rest.StartsWith("//", StringComparison.Ordinal) && (u.Scheme.Length > 0 || !rest.StartsWith("///", StringComparison.Ordinal)))
            {
                var authority = rest[2..];
                rest = string.Empty;
                var slash = authority.IndexOf('/');
                if (slash >= 0)
                {
                    rest = authority[slash..];
                    authority = authority[..slash];
                }

                ParseAuthority(u, authority);
            }

            u.Path = Unescape(rest);
        }
        else
        {
            u.Path = rest;
        }

        if (hash >= 0)
        {
            u.Fragment = Unescape(raw[(hash + 1)..]);
        }

        return u;
    }

    private static (string Scheme, string Remainder) GetScheme(string raw)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (char.IsAsciiLetter(c))
            {
                continue;
            }

            if (char.IsAsciiDigit(c) || c is '+' or '-' or '.')
            {
                if (i == 0)
                {
                    return (string.Empty, raw);
                }

                continue;
            }

            if (c == ':')
            {
                if (i == 0)
                {
                    throw new FormatException("missing protocol scheme");
                }

                return (raw[..i], raw[(i + 1)..]);
            }

            return (string.Empty, raw);
        }

        return (string.Empty, raw);
    }

    private static void ParseAuthority(GoUrl u, string authority)
    {
        var at = authority.LastIndexOf('@');
        var host = at < 0 ? authority : authority[(at + 1)..];
        u.Host = ParseHost(host);
        if (at < 0)
        {
            return;
        }

        var userinfo = authority[..at];
        var colon = userinfo.IndexOf(':');
        if (colon < 0)
        {
            u.Username = Unescape(userinfo);
        }
        else
        {
            u.Username = Unescape(userinfo[..colon]);
            u.Password = Unescape(userinfo[(colon + 1)..]);
        }
    }

    private static string ParseHost(string host)
    {
        if (host.StartsWith('['))
        {
            var close = host.LastIndexOf(']');
            if (close < 0)
            {
                throw new FormatException("missing ']' in host");
            }

            var port = host[(close + 1)..];
            if (port.Length > 0 && !ValidPort(port))
            {
                throw new FormatException($"invalid port {GoStrconv.Quote(port)} after host");
            }

            return host;
        }

        var i = host.LastIndexOf(':');
        if (i >= 0 && !ValidPort(host[i..]))
        {
            throw new FormatException($"invalid port {GoStrconv.Quote(host[i..])} after host");
        }

        return Unescape(host);
    }

    private static bool ValidPort(string port) => port.Length > 0 && port[0] == ':' && port[1..].All(char.IsAsciiDigit);

    private static string Hostname(string host)
    {
        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']');
            return close > 0 ? host[1..close] : host;
        }

        var colon = host.LastIndexOf(':');
        return colon >= 0 && ValidPort(host[colon..]) ? host[..colon] : host;
    }

    private static string UserString(GoUrl u)
    {
        var s = Escape(u.Username!, Mode.UserPassword);
        return u.Password is null ? s : s + ":" + Escape(u.Password, Mode.UserPassword);
    }

    private static string Join(Dictionary<string, object?> d)
    {
        string Get(string key)
        {
            if (!d.TryGetValue(key, out var v))
            {
                return string.Empty;
            }

            return v as string ?? throw new TemplateFunctionException($"unable to parse {key} key, must be of type string, but {GoTypes.KindName(v)} found");
        }

        var u = new GoUrl
        {
            Scheme = Get("scheme"), Host = Get("host"), Path = Get("path"), RawQuery = Get("query"), Opaque = Get("opaque"), Fragment = Get("fragment"),
        };
        var userinfo = Get("userinfo");
        if (userinfo.Length > 0)
        {
            try
            {
                var temp = ParseUrl($"proto://{userinfo}@host");
                u.Username = temp.Username;
                u.Password = temp.Password;
            }
            catch (FormatException e)
            {
                throw new TemplateFunctionException($"unable to parse userinfo in dict: parse {GoStrconv.Quote($"proto://{userinfo}@host")}: {e.Message}");
            }
        }

        return Format(u);
    }

    /// <summary>Go's URL.String().</summary>
    private static string Format(GoUrl u)
    {
        var sb = new StringBuilder();
        if (u.Scheme.Length > 0)
        {
            sb.Append(u.Scheme).Append(':');
        }

        if (u.Opaque.Length > 0)
        {
            sb.Append(u.Opaque);
        }
        else
        {
            if (u.Scheme.Length > 0 || u.Host.Length > 0 || u.Username is not null)
            {
                if (u.Host.Length > 0 || u.Path.Length > 0 || u.Username is not null)
                {
                    sb.Append("//");
                }

                if (u.Username is not null)
                {
                    sb.Append(UserString(u)).Append('@');
                }

                if (u.Host.Length > 0)
                {
                    sb.Append(Escape(u.Host, Mode.Host));
                }
            }

            var path = Escape(u.Path, Mode.Path);
            if (path.Length > 0 && path[0] != '/' && u.Host.Length > 0)
            {
                sb.Append('/');
            }

            if (sb.Length == 0 && path.Split('/')[0].Contains(':'))
            {
                sb.Append("./");
            }

            sb.Append(path);
        }

        if (u.ForceQuery || u.RawQuery.Length > 0)
        {
            sb.Append('?').Append(u.RawQuery);
        }

        if (u.Fragment.Length > 0)
        {
            sb.Append('#').Append(Escape(u.Fragment, Mode.Fragment));
        }

        return sb.ToString();
    }

    /// <summary>net/url's shouldEscape.</summary>
    private static bool ShouldEscape(byte c, Mode mode)
    {
        if (char.IsAsciiLetterOrDigit((char)c))
        {
            return false;
        }

        if (mode == Mode.Host && c is (byte)'!' or (byte)'$' or (byte)'&' or (byte)'\'' or (byte)'(' or (byte)')' or (byte)'*' or (byte)'+'
            or (byte)',' or (byte)';' or (byte)'=' or (byte)':' or (byte)'[' or (byte)']' or (byte)'<' or (byte)'>' or (byte)'"')
        {
            return false;
        }

        switch (c)
        {
            case (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~':
                return false;
            case (byte)'$' or (byte)'&' or (byte)'+' or (byte)',' or (byte)'/' or (byte)':' or (byte)';' or (byte)'=' or (byte)'?' or (byte)'@':
                return mode switch
                {
                    Mode.Path => c == '?',
                    Mode.UserPassword => c is (byte)'@' or (byte)'/' or (byte)'?' or (byte)':',
                    Mode.QueryComponent => true,
                    Mode.Fragment => false,
                    _ => true,
                };
        }

        if (mode == Mode.Fragment && c is (byte)'!' or (byte)'(' or (byte)')' or (byte)'*')
        {
            return false;
        }

        return true;
    }

    private static string Escape(string s, Mode mode)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            if (b >= 0x80 && mode == Mode.Host)
            {
                sb.Append((char)b);
            }
            else if (ShouldEscape(b, mode))
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append((char)b);
            }
        }

        return mode == Mode.Host ? Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(sb.ToString())) : sb.ToString();
    }

    private static string Unescape(string s)
    {
        if (!s.Contains('%'))
        {
            return s;
        }

        var bytes = new List<byte>();
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '%')
            {
                if (i + 2 >= s.Length || !Uri.IsHexDigit(s[i + 1]) || !Uri.IsHexDigit(s[i + 2]))
                {
                    var bad = s[i..Math.Min(i + 3, s.Length)];
                    throw new FormatException($"invalid URL escape {GoStrconv.Quote(bad)}");
                }

                bytes.Add(byte.Parse(s.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
                continue;
            }

            bytes.AddRange(Encoding.UTF8.GetBytes(s[i].ToString()));
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
