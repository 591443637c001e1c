using System.Text;

namespace WellTrack.Core.Bump;

/// <summary>
/// The bump commit's message: a subject that says what changed (<c>welltrack-backend: image.tag 1a2b3c4 -> 5d6e7f8</c>),
/// a body listing every file when there are several, and trailers that record where the image came from.
/// </summary>
public static class CommitMessageBuilder
{
    public const string SourceRepositoryTrailer = "WellTrack-Source-Repository";
    public const string SourceCommitTrailer = "WellTrack-Source-Commit";
    public const string ImageDigestTrailer = "WellTrack-Image-Digest";
    public const string BuildNumberTrailer = "WellTrack-Build-Number";

    public static string Build(BumpRequest request, IReadOnlyList<BumpFileChange> files)
    {
        var message = new StringBuilder(request.CommitMessageTemplate is { } template
            ? CommitMessageTemplate.Render(template, request, files)
            : DefaultText(request, files));
        var trailers = Trailers(request).ToList();
        if (trailers.Count > 0)
        {
            message.Append('\n');
            foreach (var (key, value) in trailers)
            {
                message.Append(key).Append(": ").Append(value).Append('\n');
            }
        }

        return message.ToString();
    }

    /// <summary>Each change as one line: <c>- charts/x/values.yaml: image.tag a -> b</c>.</summary>
    public static string ChangeLines(IReadOnlyList<BumpFileChange> files)
    {
        var lines = new StringBuilder();
        foreach (var file in files)
        {
            foreach (var change in file.Changes)
            {
                lines.Append("- ").Append(file.RelativePath).Append(": ").Append(change.Path).Append(' ')
                    .Append(Display(change.OldValue)).Append(" -> ").Append(change.NewValue).Append('\n');
            }
        }

        return lines.ToString();
    }

    private static string DefaultText(BumpRequest request, IReadOnlyList<BumpFileChange> files)
    {
        var message = new StringBuilder();
        var changes = files.SelectMany(file => file.Changes.Select(change => (file, change))).ToList();
        var tagChanges = changes.Where(item => item.change.Path == ValuesEditPlanner.TagPath).ToList();
        // The subject speaks of the tag, the one value people search the history for; the body lists everything.
        if (tagChanges.Count == 1)
        {
            var (file, change) = tagChanges[0];
            message.Append(file.Chart).Append(": ").Append(change.Path).Append(' ')
                .Append(Display(change.OldValue)).Append(" -> ").Append(change.NewValue).Append('\n');
        }
        else
        {
            var charts = files.Select(file => file.Chart).Distinct(StringComparer.Ordinal);
            message.Append(string.Join(", ", charts)).Append(": image.tag -> ").Append(request.Tag).Append('\n');
        }

        if (changes.Count > 1)
        {
            message.Append('\n').Append(ChangeLines(files));
        }

        return message.ToString();
    }

    private static IEnumerable<(string Key, string Value)> Trailers(BumpRequest request)
    {
        if (OneLine(request.SourceRepository) is { } repository)
        {
            yield return (SourceRepositoryTrailer, Git.GitOpsLocation.RedactUserInfo(repository));
        }

        if (OneLine(request.SourceCommit) is { } commit)
        {
            yield return (SourceCommitTrailer, commit);
        }

        if (OneLine(request.Digest) is { } digest)
        {
            yield return (ImageDigestTrailer, digest);
        }

        if (request.BuildNumber is { } build)
        {
            yield return (BuildNumberTrailer, build.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    // A trailer value is one line by definition; anything else is dropped rather than allowed to forge trailers.
    private static string? OneLine(string? value)
        => string.IsNullOrWhiteSpace(value) || value.IndexOfAny(['\n', '\r']) >= 0 ? null : value.Trim();

    internal static string Display(string? value) => value is null ? "(new)" : value.Length == 0 ? "\"\"" : value;
}
