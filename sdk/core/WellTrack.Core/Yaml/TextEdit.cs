namespace WellTrack.Core.Yaml;

/// <summary>Replace the characters [Start, End) of a text with <paramref name="Replacement"/>; Start == End inserts.</summary>
internal sealed record TextEdit(int Start, int End, string Replacement)
{
    public string ApplyTo(string text) => string.Concat(text.AsSpan(0, Start), Replacement, text.AsSpan(End));
}
