using System.Buffers;
using System.Text;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Yaml;

/// <summary>
/// The decoded text of a YAML file and what is needed to turn edited text back into bytes that differ from the
/// original only where the text was edited: the byte-order mark, and strict UTF-8 so that every unchanged character
/// re-encodes to exactly its original bytes.
/// </summary>
internal sealed class YamlSourceText
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private YamlSourceText(string fileName, string text, bool hasByteOrderMark)
    {
        FileName = fileName;
        Text = text;
        HasByteOrderMark = hasByteOrderMark;
    }

    public string FileName { get; }

    /// <summary>The text without the byte-order mark; YamlDotNet's mark indexes are UTF-16 offsets into it.</summary>
    public string Text { get; }

    public bool HasByteOrderMark { get; }

    /// <summary>Decodes UTF-8 (BOM optional); invalid bytes are refused with WT1002 rather than replaced.</summary>
    public static YamlSourceText Decode(string fileName, byte[] content)
    {
        var hasBom = content.AsSpan().StartsWith(Utf8Bom);
        var body = hasBom ? content.AsSpan(Utf8Bom.Length) : content.AsSpan();
        if (FindInvalidUtf8(body) is { } invalidAt)
        {
            var (line, column) = LineAndColumnOfByte(body, invalidAt);
            throw DiagnosticException.Error(DiagnosticCodes.WT1002, new SourceLocation(fileName, line, column), invalidAt + (hasBom ? 3 : 0));
        }

        return new YamlSourceText(fileName, StrictUtf8.GetString(body), hasBom);
    }

    public YamlSourceText WithText(string text) => new(FileName, text, HasByteOrderMark);

    public byte[] Encode()
    {
        var body = StrictUtf8.GetBytes(Text);
        return HasByteOrderMark ? [.. Utf8Bom, .. body] : body;
    }

    /// <summary>The line break ending the line that contains <paramref name="index"/>, else the file's first one, else LF.</summary>
    public string LineBreakNear(int index)
    {
        var end = Text.IndexOfAny(['\r', '\n'], Math.Min(index, Text.Length));
        if (end < 0)
        {
            end = Text.IndexOfAny(['\r', '\n']);
        }

        return end >= 0 && Text[end] == '\r' && end + 1 < Text.Length && Text[end + 1] == '\n' ? "\r\n" : "\n";
    }

    private static int? FindInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return null;
    }

    private static (int Line, int Column) LineAndColumnOfByte(ReadOnlySpan<byte> bytes, int offset)
    {
        var before = bytes[..offset];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var column = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
        return (before.Count((byte)'\n') + 1, column);
    }
}
