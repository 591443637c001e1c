using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace WellTrack.Core.Validation;

/// <summary>What a scalar means once Kubernetes (sigs.k8s.io/yaml, YAML 1.1 resolution) reads it.</summary>
internal enum ScalarKind
{
    Null,
    Boolean,
    Integer,
    Float,
    String,
}

/// <summary>Navigation and typing helpers over YamlDotNet's representation model.</summary>
internal static partial class YamlNodes
{
    public static YamlNode? Child(this YamlNode? node, string key)
    {
        if (node is not YamlMappingNode mapping)
        {
            return null;
        }

        foreach (var (k, v) in mapping.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && name == key)
            {
                return v;
            }
        }

        return null;
    }

    public static YamlNode? Path(this YamlNode? node, params string[] keys)
    {
        foreach (var key in keys)
        {
            node = node.Child(key);
        }

        return node;
    }

    /// <summary>The key node of <paramref name="key"/> in a mapping (where "this field" is written).</summary>
    public static YamlNode? KeyNode(this YamlNode? node, string key)
        => node is YamlMappingNode mapping
            ? mapping.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: { } name } && name == key)
            : null;

    /// <summary>The scalar's text, or null for a missing node, a null scalar, a mapping or a sequence.</summary>
    public static string? Text(this YamlNode? node)
        => node is YamlScalarNode scalar && Classify(scalar) != ScalarKind.Null ? scalar.Value : null;

    public static bool IsNull(this YamlNode? node) => node is null || (node is YamlScalarNode scalar && Classify(scalar) == ScalarKind.Null);

    public static IEnumerable<YamlNode> Items(this YamlNode? node)
        => node is YamlSequenceNode sequence ? sequence.Children : [];

    public static IEnumerable<(string Key, YamlNode Value)> Entries(this YamlNode? node)
    {
        if (node is not YamlMappingNode mapping)
        {
            yield break;
        }

        foreach (var (k, v) in mapping.Children)
        {
            if (k is YamlScalarNode { Value: { } name })
            {
                yield return (name, v);
            }
        }
    }

    /// <summary>String-valued mapping (labels, selectors); non-scalar values are skipped.</summary>
    public static Dictionary<string, string> StringMap(this YamlNode? node)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in node.Entries())
        {
            if (value is YamlScalarNode scalar)
            {
                map[key] = scalar.Value ?? string.Empty;
            }
        }

        return map;
    }

    public static bool IsTrue(this YamlNode? node)
        => node is YamlScalarNode scalar && Classify(scalar) == ScalarKind.Boolean && BooleanValue(scalar.Value ?? string.Empty);

    public static bool IsFalse(this YamlNode? node)
        => node is YamlScalarNode scalar && Classify(scalar) == ScalarKind.Boolean && !BooleanValue(scalar.Value ?? string.Empty);

    /// <summary>YAML 1.1 resolution as go-yaml v2 (used by sigs.k8s.io/yaml, hence by Helm and kubectl) does it.</summary>
    public static ScalarKind Classify(YamlScalarNode scalar)
    {
        if (scalar.Style != ScalarStyle.Plain && scalar.Style != ScalarStyle.Any)
        {
            return ScalarKind.String;
        }

        if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific)
        {
            var tag = scalar.Tag.Value;
            return tag switch
            {
                "tag:yaml.org,2002:str" => ScalarKind.String,
                "tag:yaml.org,2002:int" => ScalarKind.Integer,
                "tag:yaml.org,2002:float" => ScalarKind.Float,
                "tag:yaml.org,2002:bool" => ScalarKind.Boolean,
                "tag:yaml.org,2002:null" => ScalarKind.Null,
                _ => ScalarKind.String,
            };
        }

        var value = scalar.Value ?? string.Empty;
        if (value is "" or "~" or "null" or "Null" or "NULL")
        {
            return ScalarKind.Null;
        }

        if (IsBooleanText(value))
        {
            return ScalarKind.Boolean;
        }

        if (IntegerPattern().IsMatch(value))
        {
            return ScalarKind.Integer;
        }

        if (FloatPattern().IsMatch(value) || value is ".inf" or "-.inf" or "+.inf" or ".Inf" or ".INF" or ".nan" or ".NaN" or ".NAN")
        {
            return ScalarKind.Float;
        }

        return ScalarKind.String;
    }

    public static ScalarKind Classify(YamlNode node) => node is YamlScalarNode scalar ? Classify(scalar) : ScalarKind.String;

    private static bool IsBooleanText(string value) => value is "y" or "Y" or "yes" or "Yes" or "YES" or "n" or "N" or "no" or "No" or "NO"
        or "true" or "True" or "TRUE" or "false" or "False" or "FALSE" or "on" or "On" or "ON" or "off" or "Off" or "OFF";

    private static bool BooleanValue(string value) => value is "y" or "Y" or "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON";

    /// <summary>What a node is, in words, for messages ("a number", "a mapping").</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode scalar => Classify(scalar) switch
        {
            ScalarKind.Boolean => $"the boolean {scalar.Value}",
            ScalarKind.Integer or ScalarKind.Float => $"the number {scalar.Value}",
            ScalarKind.Null => "null",
            _ => $"the string \"{Shorten(scalar.Value ?? string.Empty)}\"",
        },
        _ => "an alias",
    };

    public static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    public static bool TryInteger(YamlNode? node, out long value)
    {
        value = 0;
        return node is YamlScalarNode scalar && Classify(scalar) == ScalarKind.Integer
               && long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A YAML parse failure: 1-based position, first line of the parser's message, and whether it is a
    /// duplicate key.</summary>
    public sealed record LoadError(int Line, int Column, string Message, bool DuplicateKey);

    /// <summary>Loads a YAML stream; on failure, the position YamlDotNet reports (or, for the few malformed inputs its
    /// scanner rejects without a position, the start of the last event that parsed).</summary>
    public static YamlStream? TryLoad(string text, out LoadError? error)
    {
        error = null;
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
            return stream;
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            var duplicate = e.InnerException is ArgumentException || message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase);
            error = new LoadError(Math.Max(1, (int)e.Start.Line), Math.Max(1, (int)e.Start.Column), FirstLine(message), duplicate);
            return null;
        }
        catch (InvalidOperationException)
        {
            var mark = LastGoodMark(text);
            error = new LoadError(Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column),
                "the text cannot be read after this point (an unclosed '[', '{' or quote?)", false);
            return null;
        }
    }

    private static Mark LastGoodMark(string text)
    {
        var parser = new Parser(new StringReader(text));
        var mark = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                mark = parser.Current!.Start;
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // The last mark read is the closest position there is.
        }

        return mark;
    }

    private static string FirstLine(string message)
    {
        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        return (newline < 0 ? message : message[..newline]).Trim();
    }

    public static int LineOf(YamlNode node) => (int)node.Start.Line;

    public static int ColumnOf(YamlNode node) => (int)node.Start.Column;

    [GeneratedRegex(@"^[-+]?(0|[1-9][0-9_]*|0[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?$|^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();
}
