namespace WellTrack.Core.Git;

/// <summary>Who a bump commit is attributed to.</summary>
public sealed record GitIdentity(string Name, string Email)
{
    /// <summary>CI machines rarely have a git identity; a bot identity keeps the history readable.</summary>
    public static GitIdentity Default { get; } = new("welltrack-bot", "welltrack-bot@users.noreply.welltrack.local");

    /// <summary>Parses <c>Name &lt;email&gt;</c>; null when the text is not in that form.</summary>
    public static GitIdentity? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var open = text.LastIndexOf('<');
        var close = text.LastIndexOf('>');
        if (open <= 0 || close < open)
        {
            return null;
        }

        var name = text[..open].Trim();
        var email = text[(open + 1)..close].Trim();
        return name.Length == 0 || email.Length == 0 || name.IndexOfAny(['\n', '\r']) >= 0 ? null : new GitIdentity(name, email);
    }
}
