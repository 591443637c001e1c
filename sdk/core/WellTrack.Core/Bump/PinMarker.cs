namespace WellTrack.Core.Bump;

/// <summary>
/// <c># welltrack:pin &lt;reason&gt;</c> on a value's line holds it where a person put it (a rollback), so automated
/// bumps skip it until the pin is removed or a bump is forced.
/// </summary>
public static class PinMarker
{
    public const string Marker = "welltrack:pin";

    /// <summary>True when the line comment carries the marker; <paramref name="reason"/> is what follows it.</summary>
    public static bool TryRead(string? lineComment, out string reason)
    {
        reason = string.Empty;
        var index = lineComment?.IndexOf(Marker, StringComparison.Ordinal) ?? -1;
        if (index < 0)
        {
            return false;
        }

        var rest = lineComment![(index + Marker.Length)..];
        // "welltrack:pinned" is some other word, not the marker.
        if (rest.Length > 0 && !char.IsWhiteSpace(rest[0]))
        {
            return false;
        }

        reason = rest.Trim();
        if (reason.Length == 0)
        {
            reason = "no reason given";
        }

        return true;
    }
}
