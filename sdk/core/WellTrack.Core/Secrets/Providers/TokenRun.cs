namespace WellTrack.Core.Secrets.Providers;

/// <summary>
/// A token never holds white space or a quote, and every provider format is at least
/// <see cref="ProviderTokenRule.MinimumTokenLength"/> characters long: a hint inside a shorter run of such characters
/// (<c>path:</c>, <c>api-server</c>, <c>disk-</c>) cannot be one, and its format's regular expression need not run.
/// </summary>
internal static class TokenRun
{
    /// <summary>The length of the run of token characters that holds <paramref name="text"/>[start..start+length].</summary>
    public static int Around(ReadOnlySpan<char> text, int start, int length)
    {
        var first = start;
        while (first > 0 && Holds(text[first - 1]))
        {
            first--;
        }

        var end = start + length;
        while (end < text.Length && Holds(text[end]))
        {
            end++;
        }

        return end - first;
    }

    /// <summary>Whether <paramref name="text"/> holds a run of token characters of at least <paramref name="minimum"/>.</summary>
    public static bool Any(ReadOnlySpan<char> text, int minimum)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = Holds(c) ? run + 1 : 0;
            if (run >= minimum)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Holds(char c) => !char.IsWhiteSpace(c) && c is not ('"' or '\'' or '`');
}
