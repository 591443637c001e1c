using System.Globalization;
using System.Text;
using YamlDotNet.Core;

namespace WellTrack.Core.Yaml;

/// <summary>
/// Writes a new value in the quoting style the old one had, so a bump does not restyle the file: single-quoted
/// stays single-quoted, double-quoted stays double-quoted, plain stays plain unless plain would read as something
/// else (then double-quoted, which can carry any string).
/// </summary>
internal static class YamlScalarWriter
{
    public static string Write(string value, ScalarStyle existingStyle, bool inFlowCollection) => existingStyle switch
    {
        ScalarStyle.SingleQuoted when !value.Any(PlainScalarRules.NeedsEscaping) => SingleQuoted(value),
        ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted => DoubleQuoted(value),
        _ when PlainScalarRules.CanBePlain(value, inFlowCollection) => value,
        _ => DoubleQuoted(value),
    };

    /// <summary>A new key or value, where there is no existing style to keep.</summary>
    public static string WriteNew(string value, bool inFlowCollection)
        => Write(value, ScalarStyle.Plain, inFlowCollection);

    private static string SingleQuoted(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";

    private static string DoubleQuoted(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\0' => "\\0",
                '\a' => "\\a",
                '\b' => "\\b",
                '\t' => "\\t",
                '\n' => "\\n",
                '\v' => "\\v",
                '\f' => "\\f",
                '\r' => "\\r",
                '\u001B' => "\\e",
                '\u0085' => "\\N",
                '\u2028' => "\\L",
                '\u2029' => "\\P",
                _ when PlainScalarRules.NeedsEscaping(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
}
