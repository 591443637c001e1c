using System.Numerics;

namespace WellTrack.Templating.Crypto;

/// <summary>
/// Blowfish's initial P-array and S-boxes: by definition the hexadecimal digits of π's fractional part (18 + 4×256
/// 32-bit words). Computed once from Machin's formula instead of carrying 1042 literal constants.
/// </summary>
internal static class BlowfishTables
{
    private static readonly Lazy<uint[]> PiWords = new(ComputePiWords);

    public static uint[] InitialP => PiWords.Value[..18];

    public static uint[][] InitialS
    {
        get
        {
            var words = PiWords.Value;
            return [words[18..274], words[274..530], words[530..786], words[786..1042]];
        }
    }

    /// <summary>The first 1042 32-bit words of frac(π), from π = 16·atan(1/5) − 4·atan(1/239) in fixed point.</summary>
    private static uint[] ComputePiWords()
    {
        const int words = 1042;
        const int guardBits = 64;
        var bits = (words * 32) + guardBits;
        var one = BigInteger.One << bits;
        var pi = (16 * ArcTanInverse(5, one)) - (4 * ArcTanInverse(239, one));
        var fraction = pi - (3 * one);
        var result = new uint[words];
        for (var i = 0; i < words; i++)
        {
            fraction <<= 32;
            var word = fraction >> bits;
            result[i] = (uint)word;
            fraction -= word << bits;
        }

        return result;
    }

    private static BigInteger ArcTanInverse(int x, BigInteger one)
    {
        var x2 = x * x;
        var term = one / x;
        var sum = term;
        for (var k = 1; !term.IsZero; k++)
        {
            term /= x2;
            var contribution = term / ((2 * k) + 1);
            sum += (k % 2 == 1) ? -contribution : contribution;
        }

        return sum;
    }
}
