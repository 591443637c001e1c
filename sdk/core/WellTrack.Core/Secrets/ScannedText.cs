using System.Text;

namespace WellTrack.Core.Secrets;

/// <summary>
/// Reads a scanned file's text as <see cref="File.ReadAllText(string)"/> does (UTF-8 unless a byte-order mark names
/// UTF-16 or UTF-32; invalid bytes become U+FFFD), from one byte array: a reader's buffers and string builder cost
/// several times a small file's size, and a scan reads thousands of small files.
/// </summary>
internal static class ScannedText
{
    private static readonly Encoding Utf32BigEndian = new UTF32Encoding(bigEndian: true, byteOrderMark: true);

    public static string Read(string path) => Decode(File.ReadAllBytes(path));

    public static string Decode(byte[] bytes)
    {
        var (encoding, preamble) = Detect(bytes);
        return encoding.GetString(bytes, preamble, bytes.Length - preamble);
    }

    /// <summary>The byte-order marks <see cref="StreamReader"/> recognises, in the order it tries them.</summary>
    private static (Encoding Encoding, int Preamble) Detect(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
        [0xFF, 0xFE, 0, 0, ..] => (Encoding.UTF32, 4),
        [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
        [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
        [0, 0, 0xFE, 0xFF, ..] => (Utf32BigEndian, 4),
        _ => (Encoding.UTF8, 0),
    };
}
