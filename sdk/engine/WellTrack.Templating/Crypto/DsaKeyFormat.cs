using System.Formats.Asn1;
using System.Security.Cryptography;

namespace WellTrack.Templating.Crypto;

/// <summary>
/// The "DSA PRIVATE KEY" document of Sprig's DSAKeyFormat (OpenSSL's traditional layout):
/// SEQUENCE { version INTEGER, p, q, g, y, x INTEGER }.
/// </summary>
public static class DsaKeyFormat
{
    public static byte[] Encode(DSAParameters key)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            foreach (var value in new[] { key.P, key.Q, key.G, key.Y, key.X })
            {
                // .NET gives Y and X at the length of P and Q, so about one key in a hundred has a leading zero byte,
                // which DER (and AsnWriter) refuses: the integer is written at its own length, as Go writes it.
                writer.WriteIntegerUnsigned(WithoutLeadingZeros(value ?? throw new ArgumentException("A DSA private key needs P, Q, G, Y and X.", nameof(key))));
            }
        }

        return writer.Encode();
    }

    /// <exception cref="CryptographicException">The document is not a DSA private key.</exception>
    public static DSAParameters Decode(byte[] der)
    {
        try
        {
            var reader = new AsnReader(der, AsnEncodingRules.BER);
            var sequence = reader.ReadSequence();
            reader.ThrowIfNotEmpty();
            sequence.ReadInteger();
            var values = Enumerable.Range(0, 5).Select(_ => Magnitude(sequence.ReadIntegerBytes().Span)).ToArray();
            sequence.ThrowIfNotEmpty();
            // .NET wants P, G and Y as long as P, and X as long as Q; the document writes each at its own length.
            int pLength = values[0].Length, qLength = values[1].Length;
            return new DSAParameters
            {
                P = values[0],
                Q = values[1],
                G = PadTo(values[2], pLength),
                Y = PadTo(values[3], pLength),
                X = PadTo(values[4], qLength),
            };
        }
        catch (AsnContentException e)
        {
            throw new CryptographicException(e.Message, e);
        }
    }

    private static byte[] Magnitude(ReadOnlySpan<byte> integer) => integer.Length > 1 && integer[0] == 0 ? integer[1..].ToArray() : integer.ToArray();

    private static ReadOnlySpan<byte> WithoutLeadingZeros(byte[] value)
    {
        var span = value.AsSpan();
        while (span.Length > 1 && span[0] == 0)
        {
            span = span[1..];
        }

        return span;
    }

    private static byte[] PadTo(byte[] value, int length)
    {
        if (value.Length >= length)
        {
            return value;
        }

        var padded = new byte[length];
        value.CopyTo(padded, length - value.Length);
        return padded;
    }
}
