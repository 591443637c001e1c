namespace WellTrack.Core.Yaml;

/// <summary>
/// One requested change: set the scalar at <paramref name="Path"/> to <paramref name="NewValue"/>.
/// </summary>
/// <param name="Path">Dotted key path such as <c>image.tag</c>; a key that itself contains a dot is written
/// <c>a\.b</c> and a backslash is written <c>\\</c>.</param>
/// <param name="NewValue">The string the value must read as after the edit; quoting is chosen by the editor.</param>
/// <param name="CreateIfMissing">Insert the key (and any missing parent mappings) instead of refusing.</param>
public sealed record ScalarEdit(string Path, string NewValue, bool CreateIfMissing = false);
