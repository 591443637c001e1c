namespace WellTrack.Core.Secrets.Formats;

/// <summary>The configuration languages read as keys and values (YAML and JSON have their own parser).</summary>
internal enum ConfigFormat
{
    None,
    Env,
    Shell,
    Ini,
    Properties,
    Toml,
    Netrc,
}

/// <summary>Which format a file (or a block scalar named like a file) is in, and its entries.</summary>
internal static class ConfigFormats
{
    public static ConfigFormat Detect(string relativePath, string text)
    {
        var name = Path.GetFileName(relativePath).ToLowerInvariant();
        var byName = ByName(name);
        if (byName != ConfigFormat.None)
        {
            return byName;
        }

        if (Path.GetExtension(name) is ".yaml" or ".yml" or ".json" or ".tpl" or ".md" or ".txt")
        {
            return ConfigFormat.None;
        }

        // Any other name: a shebang names a script; lines of NAME=value make an env file (Kustomize's secretGenerator
        // envs, app.env.sample, Dockerfile build args).
        if (text.StartsWith("#!", StringComparison.Ordinal))
        {
            return ConfigFormat.Shell;
        }

        return LooksLikeEnv(text) ? ConfigFormat.Env : ConfigFormat.None;
    }

    /// <summary>The format a file name says (<c>.env</c>, <c>app.env</c>, <c>.env.local</c>, <c>my.cnf</c>, <c>run.sh</c>, ...).</summary>
    public static ConfigFormat ByName(string name)
    {
        name = name.ToLowerInvariant();
        if (name is ".env" or "env" or ".envrc" || name.StartsWith(".env.", StringComparison.Ordinal) || name.EndsWith(".env", StringComparison.Ordinal))
        {
            return ConfigFormat.Env;
        }

        if (name is ".netrc" or "_netrc" or "netrc")
        {
            return ConfigFormat.Netrc;
        }

        if (name is ".npmrc" or ".pypirc" or ".yarnrc" or ".gitconfig" or ".pgpass.conf" or ".my.cnf")
        {
            return ConfigFormat.Ini;
        }

        return Path.GetExtension(name) switch
        {
            ".ini" or ".cfg" or ".conf" or ".cnf" => ConfigFormat.Ini,
            ".properties" => ConfigFormat.Properties,
            ".toml" => ConfigFormat.Toml,
            ".sh" or ".bash" or ".zsh" or ".ksh" => ConfigFormat.Shell,
            _ => ConfigFormat.None,
        };
    }

    public static IEnumerable<ConfigEntry> Entries(ConfigFormat format, string text) => format switch
    {
        ConfigFormat.Env => AssignmentParser.Parse(text, shell: false),
        ConfigFormat.Shell => AssignmentParser.Parse(text, shell: true),
        ConfigFormat.Ini => IniParser.Parse(text),
        ConfigFormat.Properties => PropertiesParser.Parse(text),
        ConfigFormat.Toml => TomlParser.Parse(text),
        ConfigFormat.Netrc => NetrcParser.Parse(text),
        _ => [],
    };

    /// <summary>Every non-comment line, or at least two and three in four, are NAME=value assignments.</summary>
    private static bool LooksLikeEnv(string text)
    {
        int assignments = 0, others = 0;
        foreach (var entry in text.AsSpan().EnumerateLines())
        {
            var line = entry.Trim();
            if (line.IsEmpty || line[0] == '#')
            {
                continue;
            }

            if (AssignmentParser.IsAssignment(line))
            {
                assignments++;
            }
            else
            {
                others++;
            }

            if (assignments + others >= 50)
            {
                break;
            }
        }

        return assignments > 0 && (others == 0 || assignments >= 2 && assignments > others * 3);
    }
}
