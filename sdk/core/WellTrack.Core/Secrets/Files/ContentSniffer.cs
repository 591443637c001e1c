namespace WellTrack.Core.Secrets.Files;

/// <summary>
/// Tells text from binary on a file's name and first bytes: key stores by extension or magic (PKCS#12's ASN.1
/// header, JKS <c>FEEDFEED</c>, JCEKS <c>CECECECE</c>), archives and common binary formats by magic, and anything else
/// by its first 8 KiB: a NUL byte, or more than one byte in ten outside valid UTF-8, makes it binary.
/// </summary>
internal static class ContentSniffer
{
    private const int SampleLength = 8192;

    // The DER encoding of OID 1.2.840.113549.1.7 (PKCS#7 content types), which a PKCS#12 PFX's authSafe starts with.
    private static readonly byte[] Pkcs7Oid = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07];

    /// <summary>Key stores recognised by extension, for those with no magic (BKS) or whose bytes were mangled.</summary>
    public static string? KeyStoreByName(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".p12" or ".pfx" => "PKCS#12",
        ".jks" => "JKS",
        ".jceks" => "JCEKS",
        ".keystore" or ".truststore" => "Java",
        ".bks" => "BKS",
        _ => null,
    };

    public static SniffedContent Sniff(string fileName, ReadOnlySpan<byte> bytes)
    {
        if (KeyStoreByName(fileName) is { } store)
        {
            return new SniffedContent(ContentKind.KeyStore, store);
        }

        if (Magic(bytes) is { } magic)
        {
            return magic;
        }

        return IsText(bytes[..Math.Min(bytes.Length, SampleLength)]) ? new SniffedContent(ContentKind.Text) : new SniffedContent(ContentKind.UnknownBinary);
    }

    private static SniffedContent? Magic(ReadOnlySpan<byte> b) => b switch
    {
        [0xFE, 0xED, 0xFE, 0xED, ..] => new(ContentKind.KeyStore, "JKS"),
        [0xCE, 0xCE, 0xCE, 0xCE, ..] => new(ContentKind.KeyStore, "JCEKS"),
        [0x30, ..] when IsPkcs12(b) => new(ContentKind.KeyStore, "PKCS#12"),
        [0x1F, 0x8B, ..] => new(ContentKind.Archive, "gzip"),
        [0x50, 0x4B, 0x03, 0x04, ..] or [0x50, 0x4B, 0x05, 0x06, ..] => new(ContentKind.Archive, "zip"),
        [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, ..] => new(ContentKind.Archive, "xz"),
        [0x42, 0x5A, 0x68, ..] => new(ContentKind.Archive, "bzip2"),
        [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, ..] => new(ContentKind.Archive, "7z"),
        [0x28, 0xB5, 0x2F, 0xFD, ..] => new(ContentKind.Archive, "zstd"),
        _ when b.Length > 262 && b.Slice(257, 5).SequenceEqual("ustar"u8) => new(ContentKind.Archive, "tar"),
        [0x89, 0x50, 0x4E, 0x47, ..] => new(ContentKind.KnownBinary, "PNG"),
        [0xFF, 0xD8, 0xFF, ..] => new(ContentKind.KnownBinary, "JPEG"),
        [0x47, 0x49, 0x46, 0x38, ..] => new(ContentKind.KnownBinary, "GIF"),
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => new(ContentKind.KnownBinary, "WebP"),
        [0x00, 0x00, 0x01, 0x00, ..] => new(ContentKind.KnownBinary, "ICO"),
        [0x25, 0x50, 0x44, 0x46, ..] => new(ContentKind.KnownBinary, "PDF"),
        [0x77, 0x4F, 0x46, 0x46, ..] or [0x77, 0x4F, 0x46, 0x32, ..] => new(ContentKind.KnownBinary, "WOFF"),
        [0x00, 0x01, 0x00, 0x00, ..] or [0x4F, 0x54, 0x54, 0x4F, ..] => new(ContentKind.KnownBinary, "font"),
        [0x7F, 0x45, 0x4C, 0x46, ..] => new(ContentKind.KnownBinary, "ELF"),
        [0x00, 0x61, 0x73, 0x6D, ..] => new(ContentKind.KnownBinary, "WebAssembly"),
        [0xCA, 0xFE, 0xBA, 0xBE, ..] => new(ContentKind.KnownBinary, "Java class"),
        _ => null,
    };

    /// <summary>PFX ::= SEQUENCE { version INTEGER (3), authSafe ContentInfo (SEQUENCE { OID pkcs7-data | signedData, ... }) }.</summary>
    private static bool IsPkcs12(ReadOnlySpan<byte> b)
    {
        var at = LengthEnd(b, 1);
        if (at < 0 || b.Length < at + 5 || !b.Slice(at, 3).SequenceEqual((ReadOnlySpan<byte>)[0x02, 0x01, 0x03]) || b[at + 3] != 0x30)
        {
            return false;
        }

        var window = b[(at + 4)..Math.Min(b.Length, at + 24)];
        return window.IndexOf(Pkcs7Oid) >= 0;
    }

    /// <summary>The index after a DER length at <paramref name="at"/> (short, long or indefinite form); -1 if cut off.</summary>
    private static int LengthEnd(ReadOnlySpan<byte> b, int at)
    {
        if (at >= b.Length)
        {
            return -1;
        }

        var first = b[at];
        var end = first < 0x80 ? at + 1 : first == 0x80 ? at + 1 : at + 1 + (first & 0x7F);
        return end <= b.Length && (first & 0x7F) <= 4 ? end : -1;
    }

    private static bool IsText(ReadOnlySpan<byte> sample)
    {
        // Byte-order marks of UTF-16 and UTF-32 name text that holds NUL bytes.
        if (sample is [0xFE, 0xFF, ..] or [0xFF, 0xFE, ..] or [0, 0, 0xFE, 0xFF, ..])
        {
            return true;
        }

        if (sample.IndexOf((byte)0) >= 0)
        {
            return false;
        }

        var invalid = 0;
        var i = 0;
        while (i < sample.Length)
        {
            var lead = sample[i];
            var length = lead < 0x80 ? 1 : (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : (lead & 0xF8) == 0xF0 ? 4 : 0;
            if (length == 0)
            {
                invalid++;
                i++;
                continue;
            }

            var ok = true;
            for (var k = 1; k < length; k++)
            {
                // A sequence cut off by the end of the sample is not held against the file.
                if (i + k < sample.Length && (sample[i + k] & 0xC0) != 0x80)
                {
                    ok = false;
                    break;
                }
            }

            if (ok)
            {
                i += length;
            }
            else
            {
                invalid++;
                i++;
            }
        }

        return invalid * 10 <= sample.Length;
    }
}
