using System.Text;
using WellTrack.Core.Secrets;
using WellTrack.Core.Secrets.Providers;
using WellTrack.Diagnostics;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Secrets.Providers;

/// <summary>The offline validators, against the tests' own bit-by-bit CRC32 and macaroon builder.</summary>
[TestClass]
public sealed class TokenChecksumsTests
{
    [TestMethod]
    public void Crc32IsTheIeeeOneInBase62()
    {
        // 0xCBF43926 is the CRC-32 check value of "123456789" (the catalogue of CRC parameters gives it).
        Assert.AreEqual(0xCBF43926u, FakeCrc32Token.Crc32(Encoding.ASCII.GetBytes("123456789")));
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

    /// <summary>
    /// A checksum that fails turns the GitHub and npm rules' error into nothing of their own: the value is still judged by
    /// where it sits (a random-looking value under a key that says nothing is a warning), but it no longer fails the build.
    /// </summary>
    [TestMethod]
    [DataRow("ghp_", "WT5017")]
    [DataRow("ghs_", "WT5017")]
    [DataRow("npm_", "WT5024")]
    public void OnlyAValidChecksumMakesTheProviderError(string prefix, string code)
    {
        var random = new Random(prefix[1]);
        var valid = FakeCrc32Token.Make(prefix, random);
        var wrong = FakeCrc32Token.MakeWithWrongChecksum(prefix, random);

        var findings = SecretScanner.ScanText("values.yaml", $"a:\n  sample: {valid}\nb:\n  sample: {wrong}\n");

        Assert.AreEqual(code, findings.Single(f => f.Diagnostic.Line == 2).Diagnostic.Code);
        var look = findings.Single(f => f.Diagnostic.Line == 4).Diagnostic;
        Assert.AreNotEqual(code, look.Code);
        Assert.AreEqual(DiagnosticSeverity.Warning, look.Severity);
        Assert.AreEqual(0, SecretScanner.ScanText("NOTES.txt", $"the old token began {wrong} and is revoked\n").Count);
    }
}
