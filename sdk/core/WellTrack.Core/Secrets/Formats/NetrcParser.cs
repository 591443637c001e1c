using System.Text.RegularExpressions;

namespace WellTrack.Core.Secrets.Formats;

/// <summary><c>.netrc</c>: <c>machine host login user password secret</c>, on one line or several; each password (and account) is an entry.</summary>
internal static partial class NetrcParser
{
    public static IEnumerable<ConfigEntry> Parse(string text)
    {
        var machine = "default";
        Match? previous = null;
        foreach (Match word in Word().Matches(text))
        {
            if (previous is not null)
            {
                switch (previous.Value)
                {
                    case "machine":
                        machine = word.Value;
                        break;
                    case "password" or "account":
                        yield return new ConfigEntry("password", $"machine {machine}.{previous.Value}", word.Value, word.Index);
                        break;
                }
            }

            previous = previous?.Value is "machine" or "password" or "account" or "login" ? null : word;
        }
    }

    [GeneratedRegex(@"[^\s]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
