using WellTrack.Diagnostics;

namespace WellTrack.Core.Yaml;

/// <summary>
/// Outcome of <see cref="YamlScalarEditor.Apply"/>. On failure <see cref="Content"/> is the original content and
/// <see cref="Changes"/> is empty: edits are applied all together or not at all.
/// </summary>
public sealed class YamlEditResult
{
    private YamlEditResult(byte[] content, bool changed, IReadOnlyList<ScalarChange> changes, IReadOnlyList<Diagnostic> diagnostics)
    {
        Content = content;
        Changed = changed;
        Changes = changes;
        Diagnostics = diagnostics;
    }

    /// <summary>The file content to write: the edited bytes, or the original bytes when nothing changed or it failed.</summary>
    public byte[] Content { get; }

    /// <summary>True when <see cref="Content"/> differs from the input.</summary>
    public bool Changed { get; }

    /// <summary>The scalars whose value changed; edits that set a value the scalar already had are not listed.</summary>
    public IReadOnlyList<ScalarChange> Changes { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool Succeeded => !Diagnostics.Any(d => d.IsError);

    internal static YamlEditResult Edited(byte[] content, IReadOnlyList<ScalarChange> changes)
        => new(content, changed: true, changes, []);

    internal static YamlEditResult Unchanged(byte[] original)
        => new(original, changed: false, [], []);

    internal static YamlEditResult Failed(byte[] original, IReadOnlyList<Diagnostic> diagnostics)
        => new(original, changed: false, [], diagnostics);
}
