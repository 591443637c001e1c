using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace WellTrack.Core.Yaml;

/// <summary>
/// Finds the comment that ends each line (<c>tag: 1.2.3  # welltrack:pin reason</c>) with YamlDotNet's scanner,
/// which knows when a '#' is inside a quoted scalar and when it starts a comment.
/// </summary>
internal static class YamlLineComments
{
    /// <summary>Line number (1-based) to comment text without the '#', trimmed. Only comments that follow content.</summary>
    public static IReadOnlyDictionary<int, string> Collect(string text)
    {
        var comments = new Dictionary<int, string>();
        var scanner = new Scanner(new StringReader(text), skipComments: false);
        while (scanner.MoveNext())
        {
            if (scanner.Current is Comment { IsInline: true } comment)
            {
                comments[(int)comment.Start.Line] = comment.Value.Trim();
            }
        }

        return comments;
    }
}
