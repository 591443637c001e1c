namespace WellTrack.Core.Yaml;

/// <summary>
/// The scalar found at <paramref name="Path"/>: its value, where it is (1-based) and the comment on its line
/// (without <c>#</c>, trimmed, or null), which is where a <c># welltrack:pin</c> marker would be.
/// </summary>
public sealed record ScalarLookup(string Path, string Value, int Line, int Column, string? LineComment);
