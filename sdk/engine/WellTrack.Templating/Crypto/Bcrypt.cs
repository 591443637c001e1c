using System.Security.Cryptography;
using System.Text;

namespace WellTrack.Templating.Crypto;

/// <summary>
/// bcrypt as golang.org/x/crypto/bcrypt computes it ($2a$, cost 10 by default): EksBlowfish over the password with
/// its trailing NUL, "OrpheanBeholderScryDoubt" encrypted 64 times, bcrypt's own base64 alphabet.
/// </summary>
public static class Bcrypt
{
    public const int DefaultCost = 10;
    private const string Alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static readonly byte[] MagicText = "OrpheanBeholderScryDoubt"u8.ToArray();

    /// <summary>Hashes with a fresh random salt.</summary>
    public static string Hash(string password, int cost = DefaultCost) => Hash(Encoding.UTF8.GetBytes(password), RandomNumberGenerator.GetBytes(16), cost);

    /// <summary>Hashes with the given 16-byte salt (for test vectors).</summary>
    public static string Hash(byte[] password, byte[] salt, int cost)
    {
        // Like this x/crypto version, no length check: the key schedule only ever reads the first 72 bytes.
        var key = new byte[password.Length + 1];
        password.CopyTo(key, 0);
        var state = new Blowfish();
        state.ExpandKey(key, salt);
        for (long i = 0; i < 1L << cost; i++)
        {
            state.ExpandKey(key, null);
            state.ExpandKey(salt, null);
        }

        var cipher = new uint[6];
        for (var i = 0; i < 6; i++)
        {
            cipher[i] = (uint)((MagicText[i * 4] << 24) | (MagicText[(i * 4) + 1] << 16) | (MagicText[(i * 4) + 2] << 8) | MagicText[(i * 4) + 3]);
        }

        for (var round = 0; round < 64; round++)
        {
            for (var i = 0; i < 6; i += 2)
            {
                state.Encrypt(ref cipher[i], ref cipher[i + 1]);
            }
        }

        var output = new byte[24];
        for (var i = 0; i < 6; i++)
        {
            output[i * 4] = (byte)(cipher[i] >> 24);
            output[(i * 4) + 1] = (byte)(cipher[i] >> 16);
            output[(i * 4) + 2] = (byte)(cipher[i] >> 8);
            output[(i * 4) + 3] = (byte)cipher[i];
        }

        // As every bcrypt: only 23 of the 24 bytes are encoded.
        return $"$2a${cost:D2}${Encode(salt)}{Encode(output[..23])}";
    }

    /// <summary>bcrypt's base64: its own alphabet, no padding.</summary>
    public static string Encode(byte[] data)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < data.Length; i += 3)
        {
            var b0 = data[i];
            var b1 = i + 1 < data.Length ? data[i + 1] : 0;
            var b2 = i + 2 < data.Length ? data[i + 2] : 0;
            sb.Append(Alphabet[b0 >> 2]);
            sb.Append(Alphabet[((b0 & 0x03) << 4) | (b1 >> 4)]);
            if (i + 1 < data.Length)
            {
                sb.Append(Alphabet[((b1 & 0x0f) << 2) | (b2 >> 6)]);
            }

            if (i + 2 < data.Length)
            {
                sb.Append(Alphabet[b2 & 0x3f]);
            }
        }

        return sb.ToString();
    }

    public static byte[] Decode(string text)
    {
        var bytes = new List<byte>();
        var values = text.Select(c => Alphabet.IndexOf(c)).ToArray();
        for (var i = 0; i < values.Length; i += 4)
        {
            var c0 = values[i];
            var c1 = i + 1 < values.Length ? values[i + 1] : 0;
            bytes.Add((byte)((c0 << 2) | (c1 >> 4)));
            if (i + 2 < values.Length)
            {
                var c2 = values[i + 2];
                bytes.Add((byte)(((c1 & 0x0f) << 4) | (c2 >> 2)));
                if (i + 3 < values.Length)
                {
                    bytes.Add((byte)(((c2 & 0x03) << 6) | values[i + 3]));
                }
            }
        }

        return bytes.ToArray();
    }

    /// <summary>Blowfish state with the key schedule bcrypt uses (salted expansion).</summary>
    private sealed class Blowfish
    {
        private readonly uint[] _p = BlowfishTables.InitialP;
        private readonly uint[][] _s = BlowfishTables.InitialS;

        public void Encrypt(ref uint l, ref uint r)
        {
            var xl = l;
            var xr = r;
            xl ^= _p[0];
            for (var i = 1; i <= 16; i += 2)
            {
                xr ^= F(xl) ^ _p[i];
                xl ^= F(xr) ^ _p[i + 1];
            }

            xr ^= _p[17];
            l = xr;
            r = xl;
        }

        private uint F(uint x) => ((_s[0][x >> 24] + _s[1][(x >> 16) & 0xff]) ^ _s[2][(x >> 8) & 0xff]) + _s[3][x & 0xff];

        private static uint StreamToWord(byte[] data, ref int j)
        {
            uint word = 0;
            for (var i = 0; i < 4; i++)
            {
                word = (word << 8) | data[j];
                j = (j + 1) % data.Length;
            }

            return word;
        }

        /// <summary>ExpandKey, or with a salt expandKeyWithSalt: the salt is folded into every block encrypted.</summary>
        public void ExpandKey(byte[] key, byte[]? salt)
        {
            var j = 0;
            for (var i = 0; i < 18; i++)
            {
                _p[i] ^= StreamToWord(key, ref j);
            }

            uint l = 0, r = 0;
            j = 0;
            for (var i = 0; i < 18; i += 2)
            {
                if (salt is not null)
                {
                    l ^= StreamToWord(salt, ref j);
                    r ^= StreamToWord(salt, ref j);
                }

                Encrypt(ref l, ref r);
                _p[i] = l;
                _p[i + 1] = r;
            }

            foreach (var box in _s)
            {
                for (var i = 0; i < 256; i += 2)
                {
                    if (salt is not null)
                    {
                        l ^= StreamToWord(salt, ref j);
                        r ^= StreamToWord(salt, ref j);
                    }

                    Encrypt(ref l, ref r);
                    box[i] = l;
                    box[i + 1] = r;
                }
            }
        }
    }
}
