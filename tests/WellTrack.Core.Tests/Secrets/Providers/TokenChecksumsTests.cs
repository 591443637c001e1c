using System.Text;
using WellTrack.Core.Secrets.Providers;

namespace WellTrack.Core.Tests.Secrets.Providers;

/// <summary>The offline validators, against the tests' own bit-by-bit CRC32 and macaroon builder.</summary>
[TestClass]
public sealed class TokenChecksumsTests
{
    [TestMethod]
    public void Crc32IsTheIeeeOneInBase62()
    {
        // 0xCBF43926 is the CRC-32 check value of "123456789" (the catalogue of CRC parameters gives it).
        Assert.AreEqual(0xCBF43926u, FakeChecksums.Crc32(Encoding.ASCII.GetBytes("123456789")));
        var expected = new StringBuilder();
        for (var value = 0xCBF43926u; expected.Length < 6; value /= 62)
        {
            expected.Insert(0, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"[(int)(value % 62)]);
        }

        Assert.AreEqual(expected.ToString(), TokenChecksums.Crc32Base62("123456789"));
    }

    [TestMethod]
    [DataRow("ghp_")]
    [DataRow("gho_")]
    [DataRow("ghu_")]
    [DataRow("ghs_")]
    [DataRow("ghr_")]
    [DataRow("npm_")]
    public void GitHubStyleTokensWithTheirChecksumAreValid(string prefix)
    {
        var maker = new FakeProviderToken(new Random(prefix[2]));
        for (var i = 0; i < 20; i++)
        {
            Assert.IsTrue(TokenChecksums.HasValidCrc32Suffix(FakeChecksums.GitHubStyle(prefix, maker)));
        }
    }

    [TestMethod]
    public void AChangedCharacterOrAWrongLengthBreaksTheChecksum()
    {
        var maker = new FakeProviderToken(new Random(36));
        var token = FakeChecksums.GitHubStyle("ghp_", maker);
        var changed = token[..10] + (token[10] == 'a' ? 'b' : 'a') + token[11..];
        Assert.IsFalse(TokenChecksums.HasValidCrc32Suffix(changed));
        Assert.IsFalse(TokenChecksums.HasValidCrc32Suffix(token[..^1]));
        Assert.IsFalse(TokenChecksums.HasValidCrc32Suffix(token + "0"));
        Assert.IsFalse(TokenChecksums.HasValidCrc32Suffix("ghp_" + maker.Make("{a:36}")));
        Assert.IsFalse(TokenChecksums.HasValidCrc32Suffix(token.Replace("_", string.Empty, StringComparison.Ordinal)));
    }

    [TestMethod]
    public void PyPiTokensNameTheirIndexInTheMacaroon()
    {
        var maker = new FakeProviderToken(new Random(8));
        var pypi = FakeChecksums.PyPi("pypi.org", maker);
        var test = FakeChecksums.PyPi("test.pypi.org", maker);
        Assert.IsTrue(TokenChecksums.IsPyPiMacaroon(pypi, "pypi.org"));
        Assert.IsTrue(TokenChecksums.IsPyPiMacaroon(test, "test.pypi.org"));
        Assert.IsFalse(TokenChecksums.IsPyPiMacaroon(pypi, "test.pypi.org"));
        Assert.IsFalse(TokenChecksums.IsPyPiMacaroon(test, "pypi.org"));
        Assert.IsFalse(TokenChecksums.IsPyPiMacaroon(FakeChecksums.PyPi("pypi.orh", maker), "pypi.org"));
        Assert.IsFalse(TokenChecksums.IsPyPiMacaroon("pypi-AgEIcHlw", "pypi.org"));
        Assert.IsFalse(TokenChecksums.IsPyPiMacaroon("pypi-!!!!!!!!!!!!!!!!!!!!!!!!", "pypi.org"));
        Assert.IsFalse(TokenChecksums.IsPyPiMacaroon("npm_" + pypi[5..], "pypi.org"));
    }
}
