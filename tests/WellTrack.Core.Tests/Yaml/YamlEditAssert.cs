using System.Text;
using WellTrack.Core.Yaml;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Tests.Yaml;

/// <summary>
/// Runs the editor on text and asserts the exact output bytes, or the exact refusal (code, file, line, column) with
/// the input left untouched. Tests write YAML as C# strings; bytes are their UTF-8 encoding without a BOM.
/// </summary>
internal static class YamlEditAssert
{
    public const string FileName = "charts/welltrack-backend/values.yaml";

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    public static YamlEditResult Edits(string input, string expected, params ScalarEdit[] edits)
        => EditsBytes(Bytes(input), Bytes(expected), edits);

    public static YamlEditResult EditsBytes(byte[] input, byte[] expected, params ScalarEdit[] edits)
    {
        var result = YamlScalarEditor.Apply(FileName, input, edits);
        Assert.IsTrue(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.AreEqual(Visible(expected), Visible(result.Content), "output text");
        CollectionAssert.AreEqual(expected, result.Content, "output bytes");
        Assert.AreEqual(!expected.AsSpan().SequenceEqual(input), result.Changed, "Changed");
        return result;
    }

    public static Diagnostic Refuses(string input, string code, int line, int column, params ScalarEdit[] edits)
        => RefusesBytes(Bytes(input), code, line, column, edits);

    public static Diagnostic RefusesBytes(byte[] input, string code, int line, int column, params ScalarEdit[] edits)
    {
        var result = YamlScalarEditor.Apply(FileName, input, edits);
        Assert.IsFalse(result.Succeeded, "the edit should have been refused");
        Assert.IsFalse(result.Changed);
        Assert.IsEmpty(result.Changes);
        CollectionAssert.AreEqual(input, result.Content, "a refused edit returns the original bytes");
        var diagnostic = result.Diagnostics.Single();
        Assert.AreEqual(
            (code, DiagnosticSeverity.Error, FileName, line, column),
            (diagnostic.Code, diagnostic.Severity, diagnostic.File, diagnostic.Line, diagnostic.Column),
            diagnostic.ToString());
        StringAssert.DoesNotMatch(diagnostic.Message, new System.Text.RegularExpressions.Regex(@"\{\d\}"), "message arguments were all filled");
        return diagnostic;
    }

    /// <summary>Shows line endings and the BOM, so a failed comparison says where the bytes differ.</summary>
    private static string Visible(byte[] bytes)
        => Encoding.UTF8.GetString(bytes).Replace("\uFEFF", "<BOM>").Replace("\r", "<CR>");
}
