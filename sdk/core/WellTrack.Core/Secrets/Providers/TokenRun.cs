using System.Buffers;

namespace WellTrack.Core.Secrets.Providers;

/// <summary>
/// A token never holds white space or a quote, and every provider format is at least
/// <see cref="ProviderTokenRule.MinimumTokenLength"/> characters long: a hint inside a shorter run of such characters
/// (<c>path:</c>, <c>api-server</c>, <c>disk-</c>) cannot be one, and its format's regular expression need not run.
/// </summary>
internal static class TokenRun
{
    // ASCII white space and quotes; any other character counts as part of a token, which only makes runs longer
    // (the filter errs towards running the regular expressions).
    private static readonly SearchValues<char> Separators = SearchValues.Create(" \t\r\n\f\v\"'`");

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
    /// <remarks>One vectorised search from separator to separator: the cheap gate every line passes first.</remarks>
    public static bool Any(ReadOnlySpan<char> text, int minimum)
    {
        while (text.Length >= minimum)
        {
            var separator = text.IndexOfAny(Separators);
            if (separator < 0 || separator >= minimum)
            {
                return true;
            }

            text = text[(separator + 1)..];
        }

        return false;
    }

    private static bool Holds(char c) => !Separators.Contains(c);
}
