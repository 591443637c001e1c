using System.Text.RegularExpressions;

namespace WellTrack.Core.Secrets.Formats;

/// <summary>
/// <c>NAME=value</c> lines of <c>.env</c> files (with <c>export</c>, quotes and <c> #</c> comments) and of shell
/// scripts (also <c>local</c>, <c>readonly</c>, <c>declare</c>; an unquoted value ends at white space, so
/// <c>PGPASSWORD=x psql</c> reads <c>x</c>).
/// </summary>
internal static partial class AssignmentParser
{
    public static IEnumerable<ConfigEntry> Parse(string text, bool shell)
    {
        foreach (var (start, end) in TextLines.Of(text))
        {
            var line = text[start..end];
            var match = (shell ? ShellAssignment() : EnvAssignment()).Match(line);
            if (!match.Success)
            {
                continue;
            }

            var key = match.Groups["key"].Value;
            var (value, offset) = QuotedValue.Read(text, start + match.Length, end, shell ? UnquotedEnd.Word | UnquotedEnd.HashComment : UnquotedEnd.HashComment);
            yield return new ConfigEntry(key, key, value, offset);
        }
    }

    public static bool IsAssignment(ReadOnlySpan<char> line) => EnvAssignment().IsMatch(line);

    [GeneratedRegex(@"^\s*(?:export\s+)?(?<key>[A-Za-z_][A-Za-z0-9_.-]*)\s*=", RegexOptions.CultureInvariant)]
    private static partial Regex EnvAssignment();

    [GeneratedRegex(@"^\s*(?:(?:export|local|readonly|declare(?:\s+-[A-Za-z]+)?|typeset)\s+)?(?<key>[A-Za-z_][A-Za-z0-9_]*)=", RegexOptions.CultureInvariant)]
    private static partial Regex ShellAssignment();
}
