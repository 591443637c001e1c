namespace WellTrack.Core.Yaml;

/// <summary>Finds text that cannot be encoded as UTF-8: a high surrogate without its low half, or the reverse.</summary>
internal static class Utf16Validation
{
    /// <summary>The 0-based index of the first lone surrogate, or null when the text is well-formed.</summary>
    public static int? FirstLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return null;
    }
}
