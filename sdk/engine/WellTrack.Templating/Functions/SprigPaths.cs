using static WellTrack.Templating.Functions.SprigConvert;

namespace WellTrack.Templating.Functions;

/// <summary>Sprig's path functions (Go's path and path/filepath on a slash-separated system) and urlJoin/urlParse.</summary>
internal static class SprigPaths
{
    public static void Register(FunctionTableBuilder f)
    {
        foreach (var prefix in new[] { string.Empty, "os" })
        {
            f.Add(Name(prefix, "base"), P.Any, a => Base(StrVal(a[0])));
            f.Add(Name(prefix, "dir"), P.Any, a => Dir(StrVal(a[0])));
            f.Add(Name(prefix, "clean"), P.Any, a => Clean(StrVal(a[0])));
            f.Add(Name(prefix, "ext"), P.Any, a => Ext(StrVal(a[0])));
            f.Add(Name(prefix, "isAbs"), P.Any, a => StrVal(a[0]).StartsWith('/'));
        }
    }

    private static string Name(string prefix, string name) => prefix.Length == 0 ? name : prefix + char.ToUpperInvariant(name[0]) + name[1..];

    /// <summary>path.Clean: lexical processing of ., .. and repeated slashes.</summary>
    public static string Clean(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        var rooted = path[0] == '/';
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0 && parts[^1] != "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                else if (!rooted)
                {
                    parts.Add("..");
                }

                continue;
            }

            parts.Add(part);
        }

        var joined = string.Join('/', parts);
        if (rooted)
        {
            return "/" + joined;
        }

        return joined.Length == 0 ? "." : joined;
    }

    public static string Base(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        path = path.TrimEnd('/');
        if (path.Length == 0)
        {
            return "/";
        }

        var i = path.LastIndexOf('/');
        return i >= 0 ? path[(i + 1)..] : path;
    }

    public static string Dir(string path)
    {
        var i = path.LastIndexOf('/');
        return Clean(path[..(i + 1)]);
    }

    public static string Ext(string path)
    {
        for (var i = path.Length - 1; i >= 0 && path[i] != '/'; i--)
        {
            if (path[i] == '.')
            {
                return path[i..];
            }
        }

        return string.Empty;
    }
}
