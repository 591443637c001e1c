using WellTrack.Diagnostics;

namespace WellTrack.Core.Yaml;

/// <summary>
/// One <see cref="YamlScalarEditor.Apply"/> call: check every edit against the original file (so errors point at
/// what the user sees), apply them one at a time re-parsing in between (so a key created by one edit is where the
/// next one looks), then prove with <see cref="YamlEditVerifier"/> that nothing else changed.
/// </summary>
internal static class YamlEditSession
{
    public static YamlEditResult Run(string fileName, byte[] content, IReadOnlyList<ScalarEdit> edits)
    {
        var paths = ParsePaths(fileName, edits);
        var original = YamlSourceParser.Parse(YamlSourceText.Decode(fileName, content));

        var errors = new List<Diagnostic>();
        var oldValues = new string?[edits.Count];
        for (var i = 0; i < edits.Count; i++)
        {
            try
            {
                oldValues[i] = CheckAgainstOriginal(original, paths[i], edits[i]);
            }
            catch (DiagnosticException e)
            {
                errors.Add(e.Diagnostic);
            }
        }

        if (errors.Count > 0)
        {
            return YamlEditResult.Failed(content, errors);
        }

        var edited = original;
        var applied = new List<int>();
        for (var i = 0; i < edits.Count; i++)
        {
            if (PlanEdit(edited, paths[i], edits[i].NewValue) is { } textEdit)
            {
                edited = Reparse(original, textEdit.ApplyTo(edited.Source.Text));
                applied.Add(i);
            }
        }

        if (applied.Count == 0)
        {
            return YamlEditResult.Unchanged(content);
        }

        YamlEditVerifier.Verify(original, edited, [.. edits.Select((e, i) => (paths[i], e.NewValue))]);
        var changes = applied.Select(i => Describe(edited, paths[i], oldValues[i], edits[i].NewValue)).ToList();
        return YamlEditResult.Edited(edited.Source.Encode(), changes);
    }

    private static List<YamlPath> ParsePaths(string fileName, IReadOnlyList<ScalarEdit> edits)
    {
        foreach (var edit in edits)
        {
            RequireEncodable(fileName, edit);
        }

        var paths = edits.Select(e => YamlPath.Parse(fileName, e.Path)).ToList();
        var repeated = paths.GroupBy(p => p.ToString(), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            // Two values for one key: whichever "wins" would silently drop the other.
            throw DiagnosticException.Error(DiagnosticCodes.WT1014, SourceLocation.InFile(fileName), repeated.Key);
        }

        return paths;
    }

    /// <summary>A lone UTF-16 surrogate has no UTF-8 encoding; refuse it here rather than fail while writing.</summary>
    private static void RequireEncodable(string fileName, ScalarEdit edit)
    {
        if (Utf16Validation.FirstLoneSurrogate(edit.NewValue) is { } position)
        {
            throw DiagnosticException.Error(DiagnosticCodes.WT1015, SourceLocation.InFile(fileName), edit.Path, position + 1);
        }
    }

    /// <summary>The current value (null when the key will be created), or the error that refuses the edit.</summary>
    private static string? CheckAgainstOriginal(YamlSourceDocument original, YamlPath path, ScalarEdit edit)
    {
        switch (YamlPathResolver.Resolve(original, path))
        {
            case ExistingScalarTarget existing:
                return existing.Scalar.Value;
            case MissingKeyTarget when edit.CreateIfMissing:
                return null;
            case MissingKeyTarget missing:
                throw new DiagnosticException(YamlPathResolver.MissingKey(original.Source.FileName, missing));
            default:
                throw new InvalidOperationException("Unknown path target.");
        }
    }

    /// <summary>The text change that sets <paramref name="path"/> to <paramref name="value"/>, or null when it already has it.</summary>
    private static TextEdit? PlanEdit(YamlSourceDocument document, YamlPath path, string value) => YamlPathResolver.Resolve(document, path) switch
    {
        ExistingScalarTarget { Scalar.Value: var current } when current == value => null,
        ExistingScalarTarget existing => ScalarReplacement.For(document.Source.Text, existing, value),
        MissingKeyTarget missing => YamlKeyInsertion.Build(document, missing, value),
        _ => throw new InvalidOperationException("Unknown path target."),
    };

    /// <summary>Parses edited text; text that no longer parses is a failure of the editor, reported as WT1013.</summary>
    private static YamlSourceDocument Reparse(YamlSourceDocument original, string editedText)
    {
        try
        {
            return YamlSourceParser.Parse(original.Source.WithText(editedText));
        }
        catch (DiagnosticException e)
        {
            throw DiagnosticException.Error(DiagnosticCodes.WT1013, SourceLocation.InFile(original.Source.FileName), "(document)", "valid YAML", e.Diagnostic.Message);
        }
    }

    private static ScalarChange Describe(YamlSourceDocument edited, YamlPath path, string? oldValue, string newValue)
    {
        var scalar = ((ExistingScalarTarget)YamlPathResolver.Resolve(edited, path)).Scalar;
        return new ScalarChange(path.ToString(), oldValue, newValue, scalar.Line, scalar.Column, edited.LineCommentOf(scalar));
    }
}
