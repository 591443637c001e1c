using System.Text;

namespace WellTrack.Core.Tests.Secrets.Context;

/// <summary>Fake values for the context cases, made from a seeded <see cref="Random"/>: never a real credential.</summary>
internal sealed class ContextFakes(Random random)
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";
    private const string Alnum = Upper + Lower + Digits;

    private static readonly string[] Words = ["muysecreto", "sunshine", "dragonfly", "bluebird", "marmalade", "tortilla", "caramelo", "gatito", "quokka", "hollyhock"];

    public Random Random => random;

    /// <summary>A generated password: letters of both cases and digits, at least two of each.</summary>
    public string Password(int length = 20) => Mixed(Alnum, length);

    public string Base64(int length) => Mixed(Alnum + "+/", length);

    public string Hex(int length) => Chars("0123456789abcdef", length);

    public string Lowercase(int length) => Chars(Lower, length);

    public string Uuid() => new Guid(Bytes(16)).ToString();

    public string Word() => Words[random.Next(Words.Length)];

    public string User() => Pick("app", "deploy", "ci", "svc-api", "reporter", "backup");

    public string Host() => Pick("db.internal", "postgres.data.svc", "10.0.3.12", "mongo-0.mongo", "cache.example.org");

    public string Pick(params string[] options) => options[random.Next(options.Length)];

    public static string Base64Of(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    public byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    public string Chars(string alphabet, int length)
    {
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            sb.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return sb.ToString();
    }

    /// <summary>Random characters of <paramref name="alphabet"/> with at least two upper-case letters, lower-case letters and digits.</summary>
    public string Mixed(string alphabet, int length)
    {
        while (true)
        {
            var value = Chars(alphabet, length);
            if (value.Count(char.IsAsciiLetterUpper) >= 2 && value.Count(char.IsAsciiLetterLower) >= 2 && value.Count(char.IsAsciiDigit) >= 2)
            {
                return value;
            }
        }
    }
}
