namespace WellTrack.Core.Secrets.Formats;

/// <summary>
/// One <c>key = value</c> of a configuration text. <see cref="Value"/> is unquoted and unescaped;
/// <see cref="ValueOffset"/> is where its first character sits in the parsed text (inside the quotes), so a finding
/// points at the line and column that hold it. <see cref="Path"/> adds the section or table (<c>database.password</c>).
/// </summary>
internal readonly record struct ConfigEntry(string Key, string Path, string Value, int ValueOffset);
