using System.Text.RegularExpressions;
using WellTrack.Templating.Crypto;

namespace WellTrack.Templating.Tests.Unit;

/// <summary>
/// Ed25519 against RFC 8032's test vectors, its key documents against Go's x509 encoding, and the certificates
/// genCAWithKey and genSignedCert make with such a key, verified by OpenSSL.
/// </summary>
[TestClass]
public sealed class Ed25519Tests
{
    // RFC 8032, section 7.1, TEST 1 to 3: secret key (seed), public key, message, signature.
    [TestMethod]
    [DataRow("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")]
    [DataRow("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb", "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00")]
    [DataRow("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7", "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
        "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a")]
    public void MatchesRfc8032Vectors(string seed, string publicKey, string message, string signature)
    {
        Assert.AreEqual(publicKey, Convert.ToHexStringLower(Ed25519.PublicKey(Convert.FromHexString(seed))));
        Assert.AreEqual(signature, Convert.ToHexStringLower(Ed25519.Sign(Convert.FromHexString(seed), Convert.FromHexString(message))));
    }

    [TestMethod]
    public void Pkcs8HoldsTheSeedAsGoWritesItAndReadsBack()
    {
        var seed = Convert.FromHexString("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
        using var key = Ed25519PrivateKey.FromSeed(seed);
        var pkcs8 = key.ExportPkcs8PrivateKey();
        // Go's x509.MarshalPKCS8PrivateKey: version 0, the bare Ed25519 OID, the seed in an inner OCTET STRING.
        Assert.AreEqual("302e020100300506032b657004220420" + Convert.ToHexStringLower(seed), Convert.ToHexStringLower(pkcs8));
        Assert.AreEqual("302a300506032b6570032100" + Convert.ToHexStringLower(key.PublicKey), Convert.ToHexStringLower(key.ExportSubjectPublicKeyInfo()));
        using var read = Ed25519PrivateKey.FromPkcs8(pkcs8);
        CollectionAssert.AreEqual(key.PublicKey, read!.PublicKey);

        using var rsa = System.Security.Cryptography.RSA.Create(1024);
        Assert.IsNull(Ed25519PrivateKey.FromPkcs8(rsa.ExportPkcs8PrivateKey()), "another algorithm's key is not Ed25519");
        Assert.ThrowsExactly<System.Security.Cryptography.CryptographicException>(() => Ed25519PrivateKey.FromPkcs8([0x30, 0x03, 0x02, 0x01]));
    }

    [TestMethod]
    public async Task GeneratedKeyIsOneOpenSslReads()
    {
        var key = TestCharts.RenderText("genPrivateKey \"ed25519\"");
        var result = await OpenSsl.RunAsync(new Dictionary<string, string> { ["key.pem"] = key }, "pkey", "-in", "key.pem", "-noout", "-text");
        Assert.AreEqual(0, result.ExitCode, result.Error);
        StringAssert.StartsWith(result.Output, "ED25519 Private-Key:");
    }

    [TestMethod]
    public async Task CertificatesSignedWithAnEd25519KeyVerify()
    {
        var rendered = TestCharts.Render("""
            {{- $ca := genCAWithKey "ed25519-ca" 3 (genPrivateKey "ed25519") }}
            {{- $leaf := genSignedCert "leaf.local" (list "10.0.0.1") (list "leaf.local") 3 $ca }}
            {{- $edLeaf := genSignedCertWithKey "ed-leaf" nil (list "ed.local") 3 $ca (genPrivateKey "ed25519") }}
            ca: {{ $ca.Cert | b64enc }}
            leaf: {{ $leaf.Cert | b64enc }}
            edLeaf: {{ $edLeaf.Cert | b64enc }}
            """);
        Assert.IsTrue(rendered.Succeeded, rendered.Error);
        var pem = Regex.Matches(rendered.ToHelmOutput(), @"^(\w+): (\S+)$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value + ".pem", m => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[2].Value)));

        var verify = await OpenSsl.RunAsync(pem, "verify", "-x509_strict", "-CAfile", "ca.pem", "ca.pem", "leaf.pem", "edLeaf.pem");
        Assert.AreEqual(0, verify.ExitCode, verify.Output + verify.Error);
        Assert.AreEqual("ca.pem: OK\nleaf.pem: OK\nedLeaf.pem: OK\n", verify.Output);

        var text = await OpenSsl.RunAsync(pem, "x509", "-in", "leaf.pem", "-noout", "-text");
        StringAssert.Contains(text.Output, "Signature Algorithm: ED25519");
        StringAssert.Contains(text.Output, "X509v3 Authority Key Identifier");
    }
}
