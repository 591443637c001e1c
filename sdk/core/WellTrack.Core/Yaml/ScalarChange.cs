namespace WellTrack.Core.Yaml;

/// <summary>
/// A change the editor made. <paramref name="Line"/> and <paramref name="Column"/> (1-based) locate the new value
/// in the edited content; <paramref name="OldValue"/> is null when the key was created.
/// <paramref name="LineComment"/> is the comment on the value's line, without <c>#</c>, trimmed, or null.
/// </summary>
public sealed record ScalarChange(string Path, string? OldValue, string NewValue, int Line, int Column, string? LineComment);
