namespace WellTrack.Core.Secrets.Files;

/// <summary>What a file's name and first bytes say it is, which decides how (and whether) it is scanned.</summary>
internal enum ContentKind
{
    /// <summary>Text (UTF-8, or UTF-16/32 with a byte-order mark): scanned.</summary>
    Text,

    /// <summary>A PKCS#12 or Java key store: reported as committed private keys.</summary>
    KeyStore,

    /// <summary>gzip, zip, tar, xz, bzip2, 7z: its files are not opened, which is reported.</summary>
    Archive,

    /// <summary>Images, fonts, PDF, executables: no text and no keys, skipped without a report.</summary>
    KnownBinary,

    /// <summary>Binary of no recognised kind: skipped, and reported as not scanned.</summary>
    UnknownBinary,
}

/// <summary>A file's kind and, for key stores, archives and known binaries, the format's name.</summary>
internal readonly record struct SniffedContent(ContentKind Kind, string Format = "");
