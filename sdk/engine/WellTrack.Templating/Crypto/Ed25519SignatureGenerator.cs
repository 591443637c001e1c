using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace WellTrack.Templating.Crypto;

/// <summary>
/// Signs certificates with an Ed25519 key, as Go's x509.CreateCertificate does for one: PureEdDSA over the whole
/// to-be-signed data, so the hash algorithm the certificate request carries plays no part.
/// </summary>
public sealed class Ed25519SignatureGenerator(Ed25519PrivateKey key) : X509SignatureGenerator
{
    public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm) => Ed25519PrivateKey.AlgorithmIdentifier();

    public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm) => key.Sign(data);

    protected override PublicKey BuildPublicKey() => new(key);
}
