using System.Text;
using WellTrack.Core.Secrets.Files;

namespace WellTrack.Core.Tests.Secrets.Context;

[TestClass]
public sealed class ContentSnifferTests
{
    /// <summary>The start of a PFX as every PKCS#12 writer lays it out: SEQUENCE, version 3, ContentInfo with the pkcs7-data OID.</summary>
    internal static byte[] Pkcs12Header() =>
        [0x30, 0x82, 0x0A, 0x01, 0x02, 0x01, 0x03, 0x30, 0x82, 0x09, 0xC7, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x01, 0xA0, 0x82];

    [TestMethod]
    public void KeyStoresAreKnownByMagicWhateverTheirName()
    {
        Assert.AreEqual(new SniffedContent(ContentKind.KeyStore, "PKCS#12"), ContentSniffer.Sniff("files/blob", Pkcs12Header()));
        Assert.AreEqual(new SniffedContent(ContentKind.KeyStore, "JKS"), ContentSniffer.Sniff("files/blob", [0xFE, 0xED, 0xFE, 0xED, 0, 0, 0, 2]));
        Assert.AreEqual(new SniffedContent(ContentKind.KeyStore, "JCEKS"), ContentSniffer.Sniff("files/blob", [0xCE, 0xCE, 0xCE, 0xCE, 0, 0, 0, 2]));
    }

    [TestMethod]
    [DataRow("a.p12", "PKCS#12")]
    [DataRow("a.PFX", "PKCS#12")]
    [DataRow("a.jks", "JKS")]
    [DataRow("a.jceks", "JCEKS")]
    [DataRow("a.bks", "BKS")]
    public void KeyStoresAreKnownByExtensionWhateverTheirBytes(string name, string format)
        => Assert.AreEqual(new SniffedContent(ContentKind.KeyStore, format), ContentSniffer.Sniff(name, "text"u8.ToArray()));

    [TestMethod]
    public void OtherDerIsNotAKeyStore()
        => Assert.AreEqual(ContentKind.UnknownBinary, ContentSniffer.Sniff("cert.der", [0x30, 0x82, 0x03, 0x01, 0x30, 0x82, 0x02, 0x00, 0xA0, 0x03, 0x02, 0x01, 0x02, 0x00]).Kind);

    [TestMethod]
    public void ArchivesAndKnownBinariesAreTold()
    {
        Assert.AreEqual(new SniffedContent(ContentKind.Archive, "gzip"), ContentSniffer.Sniff("redis-1.0.0.tgz", [0x1F, 0x8B, 0x08, 0x00]));
        Assert.AreEqual(new SniffedContent(ContentKind.Archive, "zip"), ContentSniffer.Sniff("a.zip", [0x50, 0x4B, 0x03, 0x04, 0x14]));
        Assert.AreEqual(new SniffedContent(ContentKind.KnownBinary, "PNG"), ContentSniffer.Sniff("logo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]));
    }

    [TestMethod]
    public void TextIsUtf8WithoutNulOrAByteOrderMarkedUtf16()
    {
        Assert.AreEqual(ContentKind.Text, ContentSniffer.Sniff("a", Encoding.UTF8.GetBytes("contraseña: ñandú\n")).Kind);
        Assert.AreEqual(ContentKind.Text, ContentSniffer.Sniff("a", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("key: value\n")]).Kind);
        // Latin-1 with a few accented bytes is still text: one invalid byte in ten is allowed.
        Assert.AreEqual(ContentKind.Text, ContentSniffer.Sniff("a", [.. Encoding.ASCII.GetBytes("name: Jos"), 0xE9, .. Encoding.ASCII.GetBytes(" Garc"), 0xED, .. Encoding.ASCII.GetBytes("a, Madrid\n")]).Kind);
    }

    [TestMethod]
    public void NulBytesOrMostlyInvalidUtf8AreBinary()
    {
        Assert.AreEqual(ContentKind.UnknownBinary, ContentSniffer.Sniff("a", [0x41, 0x42, 0x00, 0x43]).Kind);
        var noise = Enumerable.Range(0, 64).Select(i => (byte)(0x80 + (i % 0x40))).ToArray();
        Assert.AreEqual(ContentKind.UnknownBinary, ContentSniffer.Sniff("a", noise).Kind);
    }
}
