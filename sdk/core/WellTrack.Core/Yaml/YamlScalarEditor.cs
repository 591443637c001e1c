using WellTrack.Diagnostics;

namespace WellTrack.Core.Yaml;

/// <summary>
/// Surgical edits of scalar values in a YAML file: only the characters of the target scalars change; comments,
/// blank lines, indentation, key order, quoting, line endings and a byte-order mark stay as they were. Every
/// refusal is a coded diagnostic (WT10xx) with file, line and column.
/// </summary>
public static class YamlScalarEditor
{
    /// <summary>The code of "the key path does not exist", which <see cref="Find"/> reports for a missing key.</summary>
    public static readonly DiagnosticCode MissingKeyCode = DiagnosticCodes.WT1003;

    /// <summary>
    /// Applies all <paramref name="edits"/> or none. When every edit sets the value already there, the result is
    /// unchanged (<see cref="YamlEditResult.Changed"/> false, the same bytes).
    /// </summary>
    public static YamlEditResult Apply(string fileName, byte[] content, IReadOnlyList<ScalarEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(edits);
        try
        {
            return YamlEditSession.Run(fileName, content, edits);
        }
        catch (DiagnosticException e)
        {
            return YamlEditResult.Failed(content, [e.Diagnostic]);
        }
    }

    /// <summary>
    /// Reads the scalar at <paramref name="path"/> under the same rules as <see cref="Apply"/>, so what it finds can
    /// be edited. Returns null when the key is missing (diagnostics then hold only <see cref="MissingKeyCode"/>, which
    /// callers for whom a missing key is normal can ignore) or when the file or the target cannot be used.
    /// </summary>
    public static ScalarLookup? Find(string fileName, byte[] content, string path, out IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(path);
        diagnostics = [];
        try
        {
            var yamlPath = YamlPath.Parse(fileName, path);
            var document = YamlSourceParser.Parse(YamlSourceText.Decode(fileName, content));
            switch (YamlPathResolver.Resolve(document, yamlPath))
            {
                case ExistingScalarTarget { Scalar: var scalar }:
                    return new ScalarLookup(yamlPath.ToString(), scalar.Value, scalar.Line, scalar.Column, document.LineCommentOf(scalar));
                case MissingKeyTarget missing:
                    diagnostics = [YamlPathResolver.MissingKey(fileName, missing)];
                    return null;
                default:
                    throw new InvalidOperationException("Unknown path target.");
            }
        }
        catch (DiagnosticException e)
        {
            diagnostics = [e.Diagnostic];
            return null;
        }
    }
}
