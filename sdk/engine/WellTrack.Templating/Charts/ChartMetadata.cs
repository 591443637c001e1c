using System.Globalization;
using WellTrack.Templating.Semver;
using WellTrack.Templating.Serialization;
using WellTrack.Templating.Values;

namespace WellTrack.Templating.Charts;

/// <summary>
/// Chart.yaml as Helm's chart.Metadata reads it: its fields, Go types and zero values, Helm's sanitising and
/// validation, and the <c>.Chart</c> object templates see.
/// </summary>
public sealed class ChartMetadata
{
    private static readonly string[] StringFields =
        ["name", "home", "version", "description", "icon", "apiVersion", "condition", "tags", "appVersion", "kubeVersion", "type"];

    private readonly Dictionary<string, object?> _raw;

    private ChartMetadata(Dictionary<string, object?> raw)
    {
        _raw = raw;
    }

    public string Name => Str("name");

    public string Version => Str("version");

    public string ApiVersion => Str("apiVersion");

    public string AppVersion => Str("appVersion");

    public string KubeVersion => Str("kubeVersion");

    public string Type => Str("type");

    public string Description => Str("description");

    /// <summary>Chart.yaml's dependencies: which subcharts to use, under which name, and when.</summary>
    public IReadOnlyList<ChartDependency> Dependencies =>
        _raw.TryGetValue("dependencies", out var d) && d is List<object?> list
            ? list.OfType<Dictionary<string, object?>>().Select(ChartDependency.From).ToList()
            : [];

    private string Str(string key) => _raw.TryGetValue(key, out var v) && v is string s ? s : string.Empty;

    /// <summary>Parses and validates Chart.yaml text as Helm's loader does.</summary>
    /// <exception cref="ChartLoadException">With Helm's message.</exception>
    public static ChartMetadata Parse(string text)
    {
        Dictionary<string, object?> map;
        try
        {
            map = Serialization.GoYamlLoader.LoadMap(text);
        }
        catch (Serialization.YamlLoadException e)
        {
            throw new ChartLoadException("cannot load Chart.yaml: " + e.Message, "Chart.yaml", e.Line, e.Column);
        }

        foreach (var field in StringFields)
        {
            if (map.TryGetValue(field, out var v) && JsonTargetString.TryConvert(v, out var converted))
            {
                map[field] = converted;
            }
            else if (map.TryGetValue(field, out v) && v is not null and not string)
            {
                throw new ChartLoadException(
                    $"cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {JsonKind(v)} into Go struct field Metadata.{field} of type string",
                    "Chart.yaml");
            }
        }

        if (map.TryGetValue("deprecated", out var deprecated) && deprecated is not null and not bool)
        {
            throw new ChartLoadException(
                $"cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {JsonKind(deprecated)} into Go struct field Metadata.deprecated of type bool",
                "Chart.yaml");
        }

        var md = new ChartMetadata(map);
        if (md.ApiVersion.Length == 0)
        {
            map["apiVersion"] = "v1";
        }

        md.Validate();
        return md;
    }

    /// <summary>
    /// requirements.yaml as Helm's loader reads it (any apiVersion, though v2 charts are told to move it): unmarshaled
    /// over the metadata, so its dependencies replace Chart.yaml's.
    /// </summary>
    /// <exception cref="ChartLoadException">With Helm's message.</exception>
    public void ApplyRequirements(string text)
    {
        Dictionary<string, object?> map;
        try
        {
            map = Serialization.GoYamlLoader.LoadMap(text);
        }
        catch (Serialization.YamlLoadException e)
        {
            throw new ChartLoadException("cannot load requirements.yaml: " + e.Message, "requirements.yaml", e.Line, e.Column);
        }

        if (map.TryGetValue("dependencies", out var dependencies))
        {
            _raw["dependencies"] = dependencies;
            ValidateDependencies();
        }
    }

    private static string JsonKind(object? v) => v switch
    {
        double => "number",
        bool => "bool",
        string => "string",
        List<object?> => "array",
        Dictionary<string, object?> => "object",
        _ => "value",
    };

    private void Validate()
    {
        foreach (var field in new[] { "name", "description", "home", "icon", "condition", "tags", "appVersion", "kubeVersion" })
        {
            if (_raw.TryGetValue(field, out var v) && v is string s)
            {
                _raw[field] = Sanitize(s);
            }
        }

        foreach (var field in new[] { "sources", "keywords" })
        {
            if (_raw.TryGetValue(field, out var v) && v is List<object?> list)
            {
                _raw[field] = list.Select(x => x is string s ? (object?)Sanitize(s) : x).ToList();
            }
        }

        if (Name.Length == 0)
        {
            throw new ChartLoadException("validation: chart.metadata.name is required", "Chart.yaml");
        }

        if (Name.Contains('/') || Name is "." or "..")
        {
            throw new ChartLoadException($"validation: chart.metadata.name {GoStrconv.Quote(Name)} is invalid", "Chart.yaml");
        }

        if (Version.Length == 0)
        {
            throw new ChartLoadException("validation: chart.metadata.version is required", "Chart.yaml");
        }

        if (!SemanticVersion.TryParse(Version, out _))
        {
            throw new ChartLoadException($"validation: chart.metadata.version {GoStrconv.Quote(Version)} is invalid", "Chart.yaml");
        }

        if (Type is not ("" or "application" or "library"))
        {
            throw new ChartLoadException("validation: chart.metadata.type must be application or library", "Chart.yaml");
        }

        if (_raw.TryGetValue("maintainers", out var m) && m is List<object?> maintainers && maintainers.Exists(x => x is null))
        {
            throw new ChartLoadException("validation: maintainers must not contain empty or null nodes", "Chart.yaml");
        }

        ValidateDependencies();
    }

    /// <summary>
    /// Helm's Metadata.Validate over dependencies: no null entries, aliases of letters, digits, '.', '_' and '-',
    /// and no two dependencies under one name (the alias when given, else the name): the loader refuses the chart.
    /// </summary>
    private void ValidateDependencies()
    {
        if (!_raw.TryGetValue("dependencies", out var d) || d is not List<object?> list)
        {
            return;
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in list)
        {
            if (entry is not Dictionary<string, object?> map)
            {
                throw new ChartLoadException("validation: dependencies must not contain empty or null nodes", "Chart.yaml");
            }

            var dependency = ChartDependency.From(map);
            var name = Sanitize(dependency.Name);
            if (dependency.Alias.Length > 0 && !dependency.Alias.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                throw new ChartLoadException($"validation: dependency {GoStrconv.Quote(name)} has disallowed characters in the alias", "Chart.yaml");
            }

            var key = dependency.Alias.Length > 0 ? dependency.Alias : name;
            if (!keys.Add(key))
            {
                throw new ChartLoadException($"validation: more than one dependency with name or alias {GoStrconv.Quote(key)}", "Chart.yaml");
            }
        }
    }

    /// <summary>Helm's sanitizeString: white space becomes a space, unprintable characters are dropped.</summary>
    private static string Sanitize(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        foreach (var r in s.EnumerateRunes())
        {
            if (System.Text.Rune.IsWhiteSpace(r))
            {
                sb.Append(' ');
            }
            else if (GoStrconv.IsPrint(r.Value))
            {
                sb.Append(r.ToString());
            }
        }

        return sb.ToString();
    }

    private TypedList StringList(string key) => TypedList.Strings(_raw.TryGetValue(key, out var v) && v is List<object?> l ? l.Select(x => x as string ?? string.Empty) : []);

    /// <summary>The <c>.Chart</c> value: Helm's Metadata fields plus IsRoot, with Go zero values.</summary>
    public GoObject ToTemplateObject(bool isRoot = true, string? nameOverride = null)
    {
        var maintainers = _raw.TryGetValue("maintainers", out var m) && m is List<object?> ml
            ? new TypedList("*main.Maintainer", ml.Select(x => (object?)Person(x as Dictionary<string, object?>)))
            : new TypedList("*main.Maintainer", []);
        var dependencies = _raw.TryGetValue("dependencies", out var d) && d is List<object?> dl
            ? new TypedList("*main.Dependency", dl.Select(x => (object?)Dependency(x as Dictionary<string, object?>)))
            : new TypedList("*main.Dependency", []);
        var annotations = _raw.TryGetValue("annotations", out var a) && a is Dictionary<string, object?> am
            ? new GoStringMap(am.ToDictionary(kv => kv.Key, kv => (object?)(kv.Value as string ?? GoFormatter.FormatValue(kv.Value)), StringComparer.Ordinal))
            : new GoStringMap(null);
        var metadata = new GoStruct(
            "main.Metadata",
            [
                Field("Name", nameOverride ?? Name, "name"), Field("Home", Str("home"), "home"), Field("Sources", StringList("sources"), "sources"),
                Field("Version", Version, "version"), Field("Description", Description, "description"),
                Field("Keywords", StringList("keywords"), "keywords"), Field("Maintainers", maintainers, "maintainers"),
                Field("Icon", Str("icon"), "icon"), Field("APIVersion", ApiVersion, "apiVersion"), Field("Condition", Str("condition"), "condition"),
                Field("Tags", Str("tags"), "tags"), Field("AppVersion", AppVersion, "appVersion"),
                Field("Deprecated", _raw.TryGetValue("deprecated", out var dep) && dep is true, "deprecated"),
                Field("Annotations", annotations, "annotations"), Field("KubeVersion", KubeVersion, "kubeVersion"),
                Field("Dependencies", dependencies, "dependencies"), Field("Type", Type, "type"),
            ]);

        // Helm's engine gives templates struct{ chart.Metadata; IsRoot bool }: fields promoted, printed nested.
        return new GoStruct(
            "struct { main.Metadata; IsRoot bool }",
            [new GoField("Metadata", metadata, Embedded: true), new GoField("IsRoot", isRoot)]);
    }

    /// <summary>A field with Helm's json tag "NAME,omitempty".</summary>
    private static GoField Field(string name, object? value, string json) => new(name, value, json, OmitEmpty: true);

    private static GoStruct Person(Dictionary<string, object?>? p) => new(
        "*main.Maintainer",
        [Field("Name", Sanitize(Get(p, "name")), "name"), Field("Email", Sanitize(Get(p, "email")), "email"), Field("URL", Sanitize(Get(p, "url")), "url")]);

    private static GoStruct Dependency(Dictionary<string, object?>? p) => new(
        "*main.Dependency",
        [
            new GoField("Name", Get(p, "name"), "name"), Field("Version", Get(p, "version"), "version"),
            new GoField("Repository", Get(p, "repository"), "repository"), Field("Condition", Get(p, "condition"), "condition"),
            Field("Tags", p?.GetValueOrDefault("tags") as List<object?>, "tags"), Field("Enabled", p?.GetValueOrDefault("enabled") is true, "enabled"),
            Field("ImportValues", p?.GetValueOrDefault("import-values") as List<object?>, "import-values"), Field("Alias", Get(p, "alias"), "alias"),
        ]);

    private static string Get(Dictionary<string, object?>? map, string key)
        => map is not null && map.TryGetValue(key, out var v) && v is not null ? v as string ?? Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty : string.Empty;
}

/// <summary>One entry of Chart.yaml's dependencies.</summary>
public sealed record ChartDependency(string Name, string Version, string Alias, string Condition, IReadOnlyList<string> Tags)
{
    /// <summary><c>import-values</c>: strings (<c>exports.NAME</c> of the child) and <c>{child, parent}</c> maps.</summary>
    public IReadOnlyList<object?> ImportValues { get; init; } = [];

    /// <summary>Where the chart comes from: a repository URL, <c>oci://…</c>, <c>file://…</c>, <c>@name</c> or
    /// <c>alias:name</c>; empty for a chart kept in charts/.</summary>
    public string Repository { get; init; } = string.Empty;

    /// <summary>Chart.yaml's rarely written <c>enabled</c> field (part of Helm's lock digest).</summary>
    public bool Enabled { get; init; }

    /// <summary>The name the subchart's values live under in the parent: the alias when given.</summary>
    public string Key => Alias.Length > 0 ? Alias : Name;

    internal static ChartDependency From(Dictionary<string, object?> d)
    {
        string S(string key) => d.TryGetValue(key, out var v) && v is string s ? s : string.Empty;
        var tags = d.TryGetValue("tags", out var t) && t is List<object?> l ? l.OfType<string>().ToList() : [];
        var imports = d.TryGetValue("import-values", out var i) && i is List<object?> il ? il : [];
        return new ChartDependency(S("name"), S("version"), S("alias"), S("condition"), tags) { ImportValues = imports, Repository = S("repository"), Enabled = d.TryGetValue("enabled", out var e) && e is true };
    }
}
