namespace WellTrack.Core.Secrets.Formats;

/// <summary>
/// Scans a configuration text (a file, or a block scalar of a ConfigMap named like one): known token formats,
/// commands and headers on every line, comments included, then each entry through <see cref="ContextRules"/>
/// unless a token was already found on its line.
/// </summary>
internal static class ConfigFileAnalyzer
{
    /// <summary>A whole file in <paramref name="format"/>.</summary>
    public static void Analyze(FileScan file, ConfigFormat format)
    {
        var entries = ConfigFormats.Entries(format, file.Text).ToList();
        var keysByLine = new Dictionary<int, string>();
        foreach (var entry in entries)
        {
            keysByLine.TryAdd(file.Position(entry.ValueOffset).Line, entry.Path);
        }

        var linesWithTokens = new HashSet<int>();
        var lineNumber = 0;
        foreach (var (start, end) in TextLines.Of(file.Text))
        {
            lineNumber++;
            if (end - start < 12)
            {
                continue;
            }

            var text = file.Text[start..end];
            foreach (var match in file.Tokens.Find(text))
            {
                linesWithTokens.Add(lineNumber);
                file.AddToken(match, lineNumber, match.Index + 1, lineNumber, keysByLine.GetValueOrDefault(lineNumber) ?? $"line {lineNumber}");
            }
        }

        foreach (var entry in entries)
        {
            var (line, column) = file.Position(entry.ValueOffset);
            if (!linesWithTokens.Contains(line))
            {
                Judge(file, entry, line, column, fedTemplate: null);
            }
        }
    }

    /// <summary>
    /// The entries of an embedded text (a block scalar) whose tokens its container reports itself;
    /// <paramref name="position"/> maps an offset of <paramref name="text"/> to the file's line and column.
    /// </summary>
    public static void AnalyzeEmbedded(FileScan file, ConfigFormat format, string text, string pathPrefix, Func<int, (int Line, int Column)> position, string? fedTemplate)
    {
        foreach (var entry in ConfigFormats.Entries(format, text))
        {
            if (entry.Value.Length == 0 || file.Tokens.Find(entry.Value).Count > 0)
            {
                continue;
            }

            var (line, column) = position(entry.ValueOffset);
            Judge(file, entry with { Path = $"{pathPrefix}({entry.Path})" }, line, column, fedTemplate);
        }
    }

    private static void Judge(FileScan file, ConfigEntry entry, int line, int column, string? fedTemplate)
    {
        if (ContextRules.Judge(entry.Key, entry.Value, file.AllowPlaceholders, fedTemplate) is { } verdict)
        {
            file.Add(new RawFinding(verdict.Code, verdict.Severity, line, column, line, entry.Path, entry.Value.Trim(), verdict.Detail));
        }
    }
}
