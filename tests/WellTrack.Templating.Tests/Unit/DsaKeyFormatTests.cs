using System.Security.Cryptography;
using WellTrack.Templating.Crypto;

namespace WellTrack.Templating.Tests.Unit;

/// <summary>genPrivateKey "dsa": Sprig's DSAKeyFormat document, and the errors Go gives when such a key meets x509.</summary>
[TestClass]
public sealed class DsaKeyFormatTests
{
    [TestMethod]
    public void EncodesAndDecodesEveryParameter()
    {
        using var dsa = DSA.Create(1024);
        var key = dsa.ExportParameters(includePrivateParameters: true);
        var decoded = DsaKeyFormat.Decode(DsaKeyFormat.Encode(key));
        foreach (var (expected, actual) in new[] { (key.P, decoded.P), (key.Q, decoded.Q), (key.G, decoded.G), (key.Y, decoded.Y), (key.X, decoded.X) })
        {
            CollectionAssert.AreEqual(expected, actual);
        }

        Assert.ThrowsExactly<CryptographicException>(() => DsaKeyFormat.Decode([0x30, 0x03, 0x02, 0x01, 0x00]));
    }

    [TestMethod]
    public void AKeyWhoseXAndYStartWithZeroBytesIsWrittenMinimallyAndReadBackAtFullLength()
    {
        using var dsa = DSA.Create(1024);
        var key = dsa.ExportParameters(includePrivateParameters: true);
        // .NET hands out X and Y at the length of Q and P; a value this small starts with zero bytes, which DER forbids.
        var smallX = new byte[key.Q!.Length];
        smallX[^1] = 0x05;
        var smallY = new byte[key.P!.Length];
        smallY[^2] = 0x01;
        key.X = smallX;
        key.Y = smallY;

        var der = DsaKeyFormat.Encode(key);
        var decoded = DsaKeyFormat.Decode(der);

        CollectionAssert.AreEqual(smallX, decoded.X);
        CollectionAssert.AreEqual(smallY, decoded.Y);
        CollectionAssert.AreEqual(key.P, decoded.P);
    }

    [TestMethod]
    public async Task GeneratedKeyIsGosL2048N256AndOpenSslReadsIt()
    {
        var pem = TestCharts.RenderText("genPrivateKey \"dsa\"");
        StringAssert.StartsWith(pem, "-----BEGIN DSA PRIVATE KEY-----\n");

        var key = DsaKeyFormat.Decode(Convert.FromBase64String(string.Concat(pem.Split('\n')[1..^2])));
        Assert.AreEqual(2048 / 8, key.P!.Length);
        Assert.AreEqual(256 / 8, key.Q!.Length);

        var result = await OpenSsl.RunAsync(new Dictionary<string, string> { ["key.pem"] = pem }, "pkey", "-in", "key.pem", "-noout", "-check");
        Assert.AreEqual(0, result.ExitCode, result.Error);
        Assert.AreEqual("Key is valid\n", result.Output);
    }
}
