using System.Text;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Yaml;

/// <summary>
/// A dotted key path (<c>image.tag</c>). Keys may themselves contain dots (<c>a\.b</c>), which Helm values
/// sometimes do (<c>nginx.ingress.kubernetes.io/...</c> annotations), so the separator can be escaped.
/// </summary>
internal sealed class YamlPath
{
    private YamlPath(IReadOnlyList<string> segments) => Segments = segments;

    public IReadOnlyList<string> Segments { get; }

    public static YamlPath FromSegments(IEnumerable<string> segments) => new(segments.ToArray());

    /// <summary>Parses the dotted form; throws WT1012 for an empty key or a dangling escape.</summary>
    public static YamlPath Parse(string fileName, string path)
    {
        var segments = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < path.Length; i++)
        {
            switch (path[i])
            {
                case '\\' when i + 1 < path.Length && path[i + 1] is '.' or '\\':
                    current.Append(path[++i]);
                    break;
                case '\\':
                    throw DiagnosticException.Error(DiagnosticCodes.WT1012, SourceLocation.InFile(fileName), path, i + 1);
                case '.':
                    segments.Add(TakeSegment(current, fileName, path, i));
                    break;
                default:
                    current.Append(path[i]);
                    break;
            }
        }

        segments.Add(TakeSegment(current, fileName, path, path.Length));
        return new YamlPath(segments);
    }

    private static string TakeSegment(StringBuilder current, string fileName, string path, int position)
    {
        if (current.Length == 0)
        {
            throw DiagnosticException.Error(DiagnosticCodes.WT1012, SourceLocation.InFile(fileName), path, position + 1);
        }

        var segment = current.ToString();
        current.Clear();
        return segment;
    }

    public YamlPath Prefix(int count) => new(Segments.Take(count).ToArray());

    /// <summary>The dotted form, escaped so that <see cref="Parse"/> reads it back; "(root)" for the empty path.</summary>
    public override string ToString()
        => Segments.Count == 0 ? "(root)" : string.Join('.', Segments.Select(Escape));

    public static string Escape(string segment) => segment.Replace("\\", "\\\\").Replace(".", "\\.");
}
