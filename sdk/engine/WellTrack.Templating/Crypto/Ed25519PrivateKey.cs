using System.Formats.Asn1;
using System.Security.Cryptography;

namespace WellTrack.Templating.Crypto;

/// <summary>
/// An Ed25519 private key as an <see cref="AsymmetricAlgorithm"/>, so that the certificate functions handle it with
/// the RSA and ECDSA keys. It exports what Go's x509 package writes: PKCS #8 holding the seed alone (RFC 8410, as
/// MarshalPKCS8PrivateKey) and a SubjectPublicKeyInfo without parameters.
/// </summary>
public sealed class Ed25519PrivateKey : AsymmetricAlgorithm
{
    public const string Oid = "1.3.101.112";

    private readonly byte[] _seed;

    private Ed25519PrivateKey(byte[] seed)
    {
        _seed = seed;
        PublicKey = Ed25519.PublicKey(seed);
        KeySizeValue = 256;
        LegalKeySizesValue = [new KeySizes(256, 256, 0)];
    }

    public byte[] PublicKey { get; }

    public static Ed25519PrivateKey Generate() => new(RandomNumberGenerator.GetBytes(Ed25519.SeedSize));

    public static Ed25519PrivateKey FromSeed(ReadOnlySpan<byte> seed) => seed.Length == Ed25519.SeedSize
        ? new(seed.ToArray())
        : throw new CryptographicException($"ed25519: bad private key length: {seed.Length}");

    /// <summary>The key in a PKCS #8 document, or null when the document holds another algorithm's key.</summary>
    /// <exception cref="CryptographicException">The document is not PKCS #8, or its Ed25519 key is malformed.</exception>
    public static Ed25519PrivateKey? FromPkcs8(byte[] der)
    {
        try
        {
            var info = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
            info.ReadInteger();
            var algorithm = info.ReadSequence();
            if (algorithm.ReadObjectIdentifier() != Oid)
            {
                return null;
            }

            var inner = new AsnReader(info.ReadOctetString(), AsnEncodingRules.DER);
            return FromSeed(inner.ReadOctetString());
        }
        catch (AsnContentException e)
        {
            throw new CryptographicException(e.Message, e);
        }
    }

    public byte[] Sign(ReadOnlySpan<byte> data) => Ed25519.Sign(_seed, PublicKey, data);

    public override byte[] ExportPkcs8PrivateKey()
    {
        var seed = new AsnWriter(AsnEncodingRules.DER);
        seed.WriteOctetString(_seed);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            WriteAlgorithm(writer);
            writer.WriteOctetString(seed.Encode());
        }

        return writer.Encode();
    }

    public override byte[] ExportSubjectPublicKeyInfo()
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            WriteAlgorithm(writer);
            writer.WriteBitString(PublicKey);
        }

        return writer.Encode();
    }

    /// <summary>The AlgorithmIdentifier of Ed25519, which RFC 8410 writes without parameters.</summary>
    public static byte[] AlgorithmIdentifier()
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        WriteAlgorithm(writer);
        return writer.Encode();
    }

    protected override void Dispose(bool disposing)
    {
        CryptographicOperations.ZeroMemory(_seed);
        base.Dispose(disposing);
    }

    private static void WriteAlgorithm(AsnWriter writer)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(Oid);
        }
    }
}
