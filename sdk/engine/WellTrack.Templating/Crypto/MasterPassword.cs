using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace WellTrack.Templating.Crypto;

/// <summary>Sprig's derivePassword: the Master Password algorithm (scrypt-derived key, HMAC seed, templates).</summary>
public static class MasterPassword
{
    private const string Seed = "com.lyndir.masterpassword";

    private static readonly Dictionary<string, string[]> Templates = new(StringComparer.Ordinal)
    {
        ["maximum"] = ["anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"],
        ["long"] =
        [
            "CvcvnoCvcvCvcv", "CvcvCvcvnoCvcv", "CvcvCvcvCvcvno", "CvccnoCvcvCvcv", "CvccCvcvnoCvcv", "CvccCvcvCvcvno",
            "CvcvnoCvccCvcv", "CvcvCvccnoCvcv", "CvcvCvccCvcvno", "CvcvnoCvcvCvcc", "CvcvCvcvnoCvcc", "CvcvCvcvCvccno",
            "CvccnoCvccCvcv", "CvccCvccnoCvcv", "CvccCvccCvcvno", "CvcvnoCvccCvcc", "CvcvCvccnoCvcc", "CvcvCvccCvccno",
            "CvccnoCvcvCvcc", "CvccCvcvnoCvcc", "CvccCvcvCvccno",
        ],
        ["medium"] = ["CvcnoCvc", "CvcCvcno"],
        ["short"] = ["Cvcn"],
        ["basic"] = ["aaanaaan", "aannaaan", "aaannaaa"],
        ["pin"] = ["nnnn"],
    };

    private static readonly Dictionary<char, string> Characters = new()
    {
        ['V'] = "AEIOU",
        ['C'] = "BCDFGHJKLMNPQRSTVWXYZ",
        ['v'] = "aeiou",
        ['c'] = "bcdfghjklmnpqrstvwxyz",
        ['A'] = "AEIOUBCDFGHJKLMNPQRSTVWXYZ",
        ['a'] = "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz",
        ['n'] = "0123456789",
        ['o'] = "@&%?,=[]_:-+*$#!'^~;()/.",
        ['x'] = "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()",
    };

    public static string Derive(uint counter, string passwordType, string password, string user, string site)
    {
        if (!Templates.TryGetValue(passwordType, out var templates))
        {
            return "cannot find password template " + passwordType;
        }

        var userBytes = Encoding.UTF8.GetBytes(user);
        var salt = Concat(Encoding.UTF8.GetBytes(Seed), BigEndian((uint)userBytes.Length), userBytes);
        var key = Scrypt.DeriveKey(Encoding.UTF8.GetBytes(password), salt, 32768, 8, 2, 64);
        var siteBytes = Encoding.UTF8.GetBytes(site);
        var message = Concat(Encoding.UTF8.GetBytes(Seed), BigEndian((uint)siteBytes.Length), siteBytes, BigEndian(counter));
        var seed = HMACSHA256.HashData(key, message);
        var template = templates[seed[0] % templates.Length];
        var sb = new StringBuilder(template.Length);
        for (var i = 0; i < template.Length; i++)
        {
            var chars = Characters[template[i]];
            sb.Append(chars[seed[i + 1] % chars.Length]);
        }

        return sb.ToString();
    }

    private static byte[] BigEndian(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
