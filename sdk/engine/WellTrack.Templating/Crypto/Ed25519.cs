using System.Numerics;
using System.Security.Cryptography;

namespace WellTrack.Templating.Crypto;

/// <summary>
/// Ed25519 (RFC 8032, section 5.1) key derivation and signing, which .NET does not provide and Sprig's
/// genPrivateKey "ed25519" and the certificate functions given such a key need. Written for clarity over
/// <see cref="BigInteger"/> in extended twisted Edwards coordinates, not in constant time: a render creates a key
/// and signs a certificate or two with it, in-process, with nothing outside able to time it.
/// </summary>
public static class Ed25519
{
    public const int SeedSize = 32;

    private static readonly BigInteger P = BigInteger.Pow(2, 255) - 19;
    private static readonly BigInteger D = Mod(-121665 * Inverse(121666));
    private static readonly BigInteger L = BigInteger.Pow(2, 252) + BigInteger.Parse("27742317777372353535851937790883648493", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly Point BasePoint = Point.FromAffine(
        BigInteger.Parse("15112221349535400772501151409588531511454012693041857206046113283949847762202", System.Globalization.CultureInfo.InvariantCulture),
        BigInteger.Parse("46316835694926478169428394003475163141307993866256225615783033603165251855960", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The public key of a 32-byte private key (the seed).</summary>
    public static byte[] PublicKey(ReadOnlySpan<byte> seed) => Encode(Multiply(BasePoint, SecretScalar(seed)));

    /// <summary>The 64-byte signature of <paramref name="message"/> by the key with this seed.</summary>
    public static byte[] Sign(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> message) => Sign(seed, PublicKey(seed), message);

    /// <summary>Signs with a key whose public half is already known (<see cref="Ed25519PrivateKey"/> keeps it).</summary>
    internal static byte[] Sign(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message)
    {
        var expanded = ExpandedSeed(seed);
        var scalar = Clamp(expanded.AsSpan(0, 32));
        var r = Reduce([.. expanded.AsSpan(32, 32), .. message]);
        var encodedR = Encode(Multiply(BasePoint, r));
        var k = Reduce([.. encodedR, .. publicKey, .. message]);
        var s = (r + k * scalar) % L;
        return [.. encodedR, .. LittleEndian(s)];
    }

    private static byte[] ExpandedSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != SeedSize)
        {
            throw new ArgumentException($"An Ed25519 seed has {SeedSize} bytes.", nameof(seed));
        }

        return SHA512.HashData(seed);
    }

    private static BigInteger SecretScalar(ReadOnlySpan<byte> seed) => Clamp(ExpandedSeed(seed).AsSpan(0, 32));

    private static BigInteger Clamp(ReadOnlySpan<byte> half)
    {
        Span<byte> bytes = stackalloc byte[32];
        half.CopyTo(bytes);
        bytes[0] &= 248;
        bytes[31] &= 127;
        bytes[31] |= 64;
        return new BigInteger(bytes, isUnsigned: true);
    }

    private static BigInteger Reduce(ReadOnlySpan<byte> data) => new BigInteger(SHA512.HashData(data), isUnsigned: true) % L;

    private static byte[] LittleEndian(BigInteger value)
    {
        var bytes = new byte[32];
        value.TryWriteBytes(bytes, out _, isUnsigned: true);
        return bytes;
    }

    private static byte[] Encode(Point point)
    {
        var zInverse = Inverse(point.Z);
        var x = Mod(point.X * zInverse);
        var bytes = LittleEndian(Mod(point.Y * zInverse));
        bytes[31] |= (byte)(x.IsEven ? 0 : 0x80);
        return bytes;
    }

    private static Point Multiply(Point point, BigInteger scalar)
    {
        var result = Point.Identity;
        for (var bit = (int)scalar.GetBitLength() - 1; bit >= 0; bit--)
        {
            result = Add(result, result);
            if (!(scalar >> bit).IsEven)
            {
                result = Add(result, point);
            }
        }

        return result;
    }

    // RFC 8032's addition formula, complete on this curve, so it also doubles.
    private static Point Add(Point a, Point b)
    {
        var e1 = Mod((a.Y - a.X) * (b.Y - b.X));
        var e2 = Mod((a.Y + a.X) * (b.Y + b.X));
        var c = Mod(2 * D * a.T * b.T);
        var d = Mod(2 * a.Z * b.Z);
        var e = e2 - e1;
        var f = d - c;
        var g = d + c;
        var h = e2 + e1;
        return new Point(Mod(e * f), Mod(g * h), Mod(f * g), Mod(e * h));
    }

    private static BigInteger Mod(BigInteger value)
    {
        var remainder = value % P;
        return remainder.Sign < 0 ? remainder + P : remainder;
    }

    private static BigInteger Inverse(BigInteger value) => BigInteger.ModPow(Mod(value), P - 2, P);

    private readonly record struct Point(BigInteger X, BigInteger Y, BigInteger Z, BigInteger T)
    {
        public static Point Identity => new(0, 1, 1, 0);

        public static Point FromAffine(BigInteger x, BigInteger y) => new(x, y, 1, Mod(x * y));
    }
}
