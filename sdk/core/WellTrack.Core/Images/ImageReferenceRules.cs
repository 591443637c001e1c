using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Images;

/// <summary>
/// What an OCI distribution registry accepts as a tag and as a digest. Checked before anything is written, so a
/// CI variable holding garbage (an empty string, a branch name with '/', a multi-line output) never reaches a values file.
/// </summary>
public static partial class ImageReferenceRules
{
    private const int MaxTagLength = 128;

    /// <summary>The OCI distribution spec's tag grammar.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}\z", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    /// <summary>Only sha256 is accepted: it is what registries and the .NET container tooling produce.</summary>
    [GeneratedRegex(@"^sha256:[0-9a-f]{64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex DigestPattern();

    public static bool IsValidTag(string tag) => tag is not null && TagPattern().IsMatch(tag);

    public static bool IsValidDigest(string digest) => digest is not null && DigestPattern().IsMatch(digest);

    /// <summary>Null when valid; otherwise WT1020 (empty), WT1021 (too long) or WT1022 (bad character, with its position).</summary>
    public static Diagnostic? CheckTag(string tag, SourceLocation? where)
    {
        ArgumentNullException.ThrowIfNull(tag);
        if (IsValidTag(tag))
        {
            return null;
        }

        if (tag.Length == 0)
        {
            return Diagnostic.Error(DiagnosticCodes.WT1020, where);
        }

        var invalidAt = FirstInvalidTagCharacter(tag);
        if (invalidAt < 0)
        {
            return Diagnostic.Error(DiagnosticCodes.WT1021, where, Printable(tag[..MaxTagLength]) + "...", tag.Length);
        }

        return Diagnostic.Error(DiagnosticCodes.WT1022, where, Printable(tag), invalidAt + 1, Printable(tag[invalidAt].ToString()));
    }

    /// <summary>Null when valid; otherwise WT1023.</summary>
    public static Diagnostic? CheckDigest(string digest, SourceLocation? where)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return IsValidDigest(digest) ? null : Diagnostic.Error(DiagnosticCodes.WT1023, where, Printable(digest));
    }

    private static int FirstInvalidTagCharacter(string tag)
    {
        if (!IsTagCharacter(tag[0]) || tag[0] is '.' or '-')
        {
            return 0;
        }

        for (var i = 1; i < tag.Length; i++)
        {
            if (!IsTagCharacter(tag[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsTagCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-';

    /// <summary>Shows control characters as escapes, so a message about a bad value stays on one line.</summary>
    private static string Printable(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                ' ' => "' '",
                _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
