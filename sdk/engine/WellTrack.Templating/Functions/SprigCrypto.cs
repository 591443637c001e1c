using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using WellTrack.Templating.Crypto;
using WellTrack.Templating.Values;

namespace WellTrack.Templating.Functions;

/// <summary>
/// Sprig's key, certificate and AES functions over .NET's cryptography: genPrivateKey (rsa, ecdsa, dsa, ed25519), genCA,
/// genSelfSignedCert, genSignedCert and their WithKey forms, buildCustomCert, encryptAES and decryptAES. Keys,
/// serial numbers and IVs come from the system's cryptographic random source, as in Sprig, so these outputs differ
/// on every render even with a deterministic <see cref="Execution.RenderEnvironment"/>.
/// </summary>
internal static class SprigCrypto
{
    public static void Register(FunctionTableBuilder f)
    {
        f.Add("genPrivateKey", P.Str, a => GeneratePrivateKey((string)a[0]!));
        f.Add("genCA", [GoParam.String, GoParam.Int], a => CertificateAuthority((string)a[0]!, (long)a[1]!, RSA.Create(2048)));
        f.Add("genCAWithKey", [GoParam.String, GoParam.Int, GoParam.String], a => CertificateAuthority((string)a[0]!, (long)a[1]!, ParseKey((string)a[2]!)));
        f.Add("genSelfSignedCert", [GoParam.String, GoParam.List, GoParam.List, GoParam.Int], a => SelfSigned(a, RSA.Create(2048)));
        f.Add("genSelfSignedCertWithKey", [GoParam.String, GoParam.List, GoParam.List, GoParam.Int, GoParam.String], a => SelfSigned(a, ParseKey((string)a[4]!)));
        f.Add("genSignedCert", [GoParam.String, GoParam.List, GoParam.List, GoParam.Int, GoParam.Any], a => Signed(a, RSA.Create(2048), a[4]));
        f.Add("genSignedCertWithKey", [GoParam.String, GoParam.List, GoParam.List, GoParam.Int, GoParam.Any, GoParam.String], a => Signed(a, ParseKey((string)a[5]!), a[4]));
        f.Add("buildCustomCert", P.Str2, a => BuildCustom((string)a[0]!, (string)a[1]!));
        f.Add("bcrypt", P.Str, a => Crypto.Bcrypt.Hash((string)a[0]!));
        f.Add("derivePassword", [GoParam.Uint32, GoParam.String, GoParam.String, GoParam.String, GoParam.String], a =>
            Crypto.MasterPassword.Derive((uint)a[0]!, (string)a[1]!, (string)a[2]!, (string)a[3]!, (string)a[4]!));
        f.Add("htpasswd", P.Str2, a => ((string)a[0]!).Contains(':')
            ? "invalid username: " + (string)a[0]!
            : (string)a[0]! + ":" + Crypto.Bcrypt.Hash((string)a[1]!));
        f.Add("encryptAES", P.Str2, a => EncryptAes((string)a[0]!, (string)a[1]!));
        f.Add("decryptAES", P.Str2, a => DecryptAes((string)a[0]!, (string)a[1]!));
    }

    private static GoStruct Certificate(string cert, string key) => new("sprig.certificate", [("Cert", cert), ("Key", key)]);

    /// <summary>Go's pem.EncodeToMemory: 64-character lines and a final newline.</summary>
    private static string Pem(string label, byte[] der) => PemEncoding.WriteString(label, der) + "\n";

    private static string KeyPem(AsymmetricAlgorithm key) => key switch
    {
        RSA rsa => Pem("RSA PRIVATE KEY", rsa.ExportRSAPrivateKey()),
        ECDsa ec => Pem("EC PRIVATE KEY", ec.ExportECPrivateKey()),
        DSA dsa => Pem("DSA PRIVATE KEY", DsaKeyFormat.Encode(dsa.ExportParameters(includePrivateParameters: true))),
        _ => Pem("PRIVATE KEY", key.ExportPkcs8PrivateKey()),
    };

    private static string GeneratePrivateKey(string type)
    {
        switch (type)
        {
            case "" or "rsa":
                using (var rsa = RSA.Create(4096))
                {
                    return KeyPem(rsa);
                }

            case "ecdsa":
                using (var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256))
                {
                    return KeyPem(ec);
                }

            case "dsa":
                // OpenSSL picks a 256-bit Q for a 2048-bit P: Go's L2048N256.
                using (var dsa = DSA.Create(2048))
                {
                    return KeyPem(dsa);
                }

            case "ed25519":
                using (var ed25519 = Ed25519PrivateKey.Generate())
                {
                    return KeyPem(ed25519);
                }

            default:
                return "Unknown type " + type;
        }
    }

    private static AsymmetricAlgorithm ParseKey(string pem)
    {
        var fields = PemEncoding.TryFind(pem, out var found) ? found : throw new TemplateFunctionException("parsing private key: no PEM data is found");
        var label = pem[fields.Label];
        var der = Convert.FromBase64String(pem[fields.Base64Data]);
        try
        {
            switch (label)
            {
                case "RSA PRIVATE KEY":
                    var rsa = RSA.Create();
                    rsa.ImportRSAPrivateKey(der, out _);
                    return rsa;
                case "EC PRIVATE KEY":
                    var ec = ECDsa.Create();
                    ec.ImportECPrivateKey(der, out _);
                    return ec;
                case "DSA PRIVATE KEY":
                    var dsa = DSA.Create();
                    dsa.ImportParameters(DsaKeyFormat.Decode(der));
                    return dsa;
                case "PRIVATE KEY" when Ed25519PrivateKey.FromPkcs8(der) is { } ed25519:
                    return ed25519;
                case "PRIVATE KEY":
                    try
                    {
                        var pkcs8Rsa = RSA.Create();
                        pkcs8Rsa.ImportPkcs8PrivateKey(der, out _);
                        return pkcs8Rsa;
                    }
                    catch (CryptographicException)
                    {
                        var pkcs8Ec = ECDsa.Create();
                        pkcs8Ec.ImportPkcs8PrivateKey(der, out _);
                        return pkcs8Ec;
                    }

                default:
                    throw new TemplateFunctionException($"parsing private key: no known private key type in PEM block {label}");
            }
        }
        catch (CryptographicException e)
        {
            throw new TemplateFunctionException("parsing private key: " + e.Message);
        }
    }

    /// <summary>
    /// Sprig's getBaseCertTemplate: CN, IP and DNS names, server and client auth. Extensions come in the order Go's
    /// x509 writes them; a certificate signed by a CA names the CA's key, as Go does when the CA has a key identifier.
    /// </summary>
    private static CertificateRequest Template(string cn, List<object?>? ips, List<object?>? dnsNames, AsymmetricAlgorithm key, bool isCa, X509Certificate2? issuer = null)
    {
        var subject = new X500DistinguishedNameBuilder();
        subject.Add("2.5.4.3", cn, IsPrintableString(cn) ? UniversalTagNumber.PrintableString : UniversalTagNumber.UTF8String);
        // The signature generator, not the request, decides the signature algorithm (PureEdDSA has no hash).
        var request = new CertificateRequest(subject.Build(), new PublicKey(key), HashAlgorithmName.SHA256);
        var usage = X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DigitalSignature | (isCa ? X509KeyUsageFlags.KeyCertSign : 0);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(isCa, false, 0, critical: true));
        if (isCa)
        {
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        }

        if (issuer?.Extensions.OfType<X509SubjectKeyIdentifierExtension>().FirstOrDefault()?.SubjectKeyIdentifierBytes is { Length: > 0 } issuerKeyId)
        {
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(issuerKeyId.Span));
        }

        var san = new SubjectAlternativeNameBuilder();
        var any = false;
        foreach (var dns in dnsNames ?? [])
        {
            san.AddDnsName(dns as string ?? throw new TemplateFunctionException($"error processing alternate dns name: {GoFormatter.FormatValue(dns)} is not a string"));
            any = true;
        }

        foreach (var ip in ips ?? [])
        {
            var text = ip as string ?? throw new TemplateFunctionException($"error parsing ip: {GoFormatter.FormatValue(ip)} is not a string");
            san.AddIpAddress(IPAddress.TryParse(text, out var address) ? address : throw new TemplateFunctionException("error parsing ip: " + text));
            any = true;
        }

        if (any)
        {
            request.CertificateExtensions.Add(san.Build());
        }

        return request;
    }

    /// <summary>Go's asn1 writes a string as a PrintableString when every character allows it, else as UTF8String.</summary>
    private static bool IsPrintableString(string value) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || " '()+,-./:=?".Contains(c, StringComparison.Ordinal));

    private static (DateTimeOffset NotBefore, DateTimeOffset NotAfter) Validity(long days)
    {
        var now = DateTimeOffset.UtcNow;
        return (now, now.AddDays(days));
    }

    private static byte[] Serial()
    {
        var bytes = RandomNumberGenerator.GetBytes(16);
        bytes[0] &= 0x7F;
        return bytes;
    }

    /// <summary>Go's x509.CreateCertificate: the signer's key must sign, then the subject's key must be one a certificate can hold.</summary>
    private static GoStruct Issue(CertificateRequest request, X500DistinguishedName issuerName, AsymmetricAlgorithm signerKey, AsymmetricAlgorithm subjectKey, long days)
    {
        X509SignatureGenerator generator = signerKey switch
        {
            RSA rsa => X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1),
            ECDsa ec => X509SignatureGenerator.CreateForECDsa(ec),
            Ed25519PrivateKey ed25519 => new Ed25519SignatureGenerator(ed25519),
            _ => throw new TemplateFunctionException("error creating certificate: x509: certificate private key does not implement crypto.Signer"),
        };
        if (subjectKey is DSA)
        {
            throw new TemplateFunctionException("error creating certificate: x509: unsupported public key type: *dsa.PublicKey");
        }

        var (from, to) = Validity(days);
        using var cert = request.Create(issuerName, generator, from, to, Serial());
        return Certificate(Pem("CERTIFICATE", cert.RawData), KeyPem(subjectKey));
    }

    private static GoStruct CertificateAuthority(string cn, long days, AsymmetricAlgorithm key)
    {
        var request = Template(cn, null, null, key, isCa: true);
        return Issue(request, request.SubjectName, key, key, days);
    }

    private static GoStruct SelfSigned(object?[] a, AsymmetricAlgorithm key)
    {
        var request = Template((string)a[0]!, a[1] as List<object?>, a[2] as List<object?>, key, isCa: false);
        return Issue(request, request.SubjectName, key, key, (long)a[3]!);
    }

    private static GoStruct Signed(object?[] a, AsymmetricAlgorithm key, object? ca)
    {
        if (ca is not GoObject caObject || !caObject.TryGetField("Cert", out var caCertPem) || !caObject.TryGetField("Key", out var caKeyPem))
        {
            throw new TemplateFunctionException("wrong type for value; expected sprig.certificate; got " + GoTypes.TypeName(ca));
        }

        X509Certificate2 issuer;
        try
        {
            issuer = X509Certificate2.CreateFromPem((string)caCertPem!);
        }
        catch (CryptographicException e)
        {
            throw new TemplateFunctionException("error parsing ca certificate: " + e.Message);
        }

        using (issuer)
        {
            using var issuerKey = ParseKey((string)caKeyPem!);
            var request = Template((string)a[0]!, a[1] as List<object?>, a[2] as List<object?>, key, isCa: false, issuer);
            return Issue(request, issuer.SubjectName, issuerKey, key, (long)a[3]!);
        }
    }

    private static GoStruct BuildCustom(string b64Cert, string b64Key)
    {
        string cert, key;
        try
        {
            cert = Encoding.UTF8.GetString(Convert.FromBase64String(b64Cert));
        }
        catch (FormatException)
        {
            throw new TemplateFunctionException("unable to decode base64 certificate");
        }

        try
        {
            key = Encoding.UTF8.GetString(Convert.FromBase64String(b64Key));
        }
        catch (FormatException)
        {
            throw new TemplateFunctionException("unable to decode base64 private key");
        }

        if (!PemEncoding.TryFind(cert, out _))
        {
            throw new TemplateFunctionException("unable to decode certificate");
        }

        try
        {
            X509Certificate2.CreateFromPem(cert).Dispose();
        }
        catch (CryptographicException e)
        {
            throw new TemplateFunctionException("error parsing certificate: decodedCert.Bytes: " + e.Message);
        }

        try
        {
            ParseKey(key).Dispose();
        }
        catch (TemplateFunctionException e)
        {
            throw new TemplateFunctionException("error parsing private key: " + e.Message);
        }

        return Certificate(cert, key);
    }

    private static byte[] AesKey(string password)
    {
        var key = new byte[32];
        var bytes = Encoding.UTF8.GetBytes(password);
        Array.Copy(bytes, key, Math.Min(bytes.Length, 32));
        return key;
    }

    private static string EncryptAes(string password, string plaintext)
    {
        if (plaintext.Length == 0)
        {
            return string.Empty;
        }

        using var aes = Aes.Create();
        aes.Key = AesKey(password);
        var iv = RandomNumberGenerator.GetBytes(16);
        var encrypted = aes.EncryptCbc(Encoding.UTF8.GetBytes(plaintext), iv, PaddingMode.PKCS7);
        return Convert.ToBase64String([.. iv, .. encrypted]);
    }

    /// <summary>As Sprig: CBC with the IV first, padding removed by the last byte's value without checking it.</summary>
    private static string DecryptAes(string password, string crypt64)
    {
        if (crypt64.Length == 0)
        {
            return string.Empty;
        }

        byte[] crypt;
        try
        {
            crypt = Convert.FromBase64String(crypt64);
        }
        catch (FormatException)
        {
            throw new TemplateFunctionException("illegal base64 data at input byte 0");
        }

        if (crypt.Length < 16 || (crypt.Length - 16) % 16 != 0 || crypt.Length == 16)
        {
            throw new TemplateFunctionException("crypto/cipher: input not full blocks");
        }

        using var aes = Aes.Create();
        aes.Key = AesKey(password);
        var decrypted = aes.DecryptCbc(crypt.AsSpan(16), crypt.AsSpan(0, 16), PaddingMode.None);
        var pad = decrypted[^1];
        if (pad > decrypted.Length)
        {
            throw new TemplateFunctionException($"runtime error: slice bounds out of range [:{decrypted.Length - pad}]");
        }

        return Encoding.UTF8.GetString(decrypted, 0, decrypted.Length - pad);
    }
}
