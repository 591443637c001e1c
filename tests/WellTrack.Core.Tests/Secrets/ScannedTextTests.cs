using System.Text;
using WellTrack.Core.Secrets;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Secrets;

/// <summary>The scanner reads a file from one byte array, and must read exactly what <see cref="File.ReadAllText(string)"/> reads.</summary>
[TestClass]
public sealed class ScannedTextTests
{
    public static IEnumerable<object[]> Contents()
    {
        const string text = "password: \"é€𝄞\"\r\nkey: value\n";
        yield return ["no byte-order mark", Encoding.UTF8.GetBytes(text)];
        yield return ["UTF-8 mark", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray()];
        yield return ["UTF-16 LE mark", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray()];
        yield return ["UTF-16 BE mark", Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(text)).ToArray()];
        yield return ["UTF-32 LE mark", Encoding.UTF32.GetPreamble().Concat(Encoding.UTF32.GetBytes(text)).ToArray()];
        var utf32BigEndian = new UTF32Encoding(bigEndian: true, byteOrderMark: true);
        yield return ["UTF-32 BE mark", utf32BigEndian.GetPreamble().Concat(utf32BigEndian.GetBytes(text)).ToArray()];
        yield return ["invalid UTF-8", new byte[] { (byte)'a', 0xC3, (byte)'b', 0xFF, 0xE2, 0x82 }];
        yield return ["UTF-16 LE mark, odd length", new byte[] { 0xFF, 0xFE, (byte)'a', 0, (byte)'b' }];
        yield return ["empty", Array.Empty<byte>()];
        yield return ["one byte", new byte[] { 0xFF }];
        yield return ["a mark alone", new byte[] { 0xEF, 0xBB, 0xBF }];
    }

    [TestMethod]
    [DynamicData(nameof(Contents))]
    public void ReadsWhatReadAllTextReads(string description, byte[] content)
    {
        using var temp = new TemporaryDirectory("welltrack-scanned-text-");
        var path = temp.Combine("file.yaml");
        File.WriteAllBytes(path, content);

        Assert.AreEqual(File.ReadAllText(path), ScannedText.Read(path), description);
    }
}
