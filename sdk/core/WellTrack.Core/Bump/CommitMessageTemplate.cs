using System.Globalization;
using System.Text;

namespace WellTrack.Core.Bump;

/// <summary>
/// A user's commit message with placeholders. Single-value placeholders describe the first tag change (the one a
/// subject line talks about); <c>{changes}</c> lists them all. Unknown placeholders stay as written, so a typo shows.
/// </summary>
public static class CommitMessageTemplate
{
    public static string Render(string template, BumpRequest request, IReadOnlyList<BumpFileChange> files)
    {
        var first = files.SelectMany(file => file.Changes.Select(change => (file, change)))
            .OrderBy(item => item.change.Path == ValuesEditPlanner.TagPath ? 0 : 1)
            .FirstOrDefault();
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["chart"] = string.Join(", ", files.Select(file => file.Chart).Distinct(StringComparer.Ordinal)),
            ["path"] = first.change?.Path ?? string.Empty,
            ["old"] = first.change is null ? string.Empty : CommitMessageBuilder.Display(first.change.OldValue),
            ["new"] = request.Tag,
            ["digest"] = request.Digest ?? string.Empty,
            ["sourceRepository"] = Git.GitOpsLocation.RedactUserInfo(request.SourceRepository ?? string.Empty),
            ["sourceCommit"] = request.SourceCommit ?? string.Empty,
            ["buildNumber"] = request.BuildNumber?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            ["changes"] = CommitMessageBuilder.ChangeLines(files).TrimEnd('\n'),
        };

        var text = new StringBuilder(template.Replace("\r\n", "\n").Replace("\\n", "\n"));
        foreach (var (name, value) in values)
        {
            text.Replace("{" + name + "}", value);
        }

        var result = text.ToString().TrimEnd('\n');
        return result + "\n";
    }
}
