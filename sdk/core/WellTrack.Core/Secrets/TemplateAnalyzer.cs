using System.Text.RegularExpressions;
using WellTrack.Diagnostics;
using WellTrack.Templating.Parsing;

namespace WellTrack.Core.Secrets;

/// <summary>
/// Helm templates are not YAML. Their actions are read on the engine's parse tree
/// (<see cref="TemplateValuesReads"/>): which values each <c>{{ ... }}</c> reads, following <c>with</c>, <c>range</c>,
/// variables and helpers, however the action is laid out over lines. The YAML around the actions is read line by line
/// with the actions blanked out: a <c>kind: Secret</c> document whose <c>data</c>/<c>stringData</c> is built from
/// values is reported once, at its first such line, and the values paths it reads are returned so the chart's values
/// files can be checked; literal data in a Secret, secret-like keys holding literals and known token formats are
/// reported on any line. Files that are not valid YAML are read the same way.
/// </summary>
internal static partial class TemplateAnalyzer
{
    /// <param name="actions">The file's actions from <see cref="TemplateValuesReads"/>; null when it is not a template
    /// that parses (it is then read as plain text).</param>
    public static void Analyze(FileScan file, IReadOnlyList<TemplateAction>? actions, List<FedPath> fed)
    {
        var lines = TemplateLines.Read(file, actions ?? []);
        var start = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            if (i == lines.Length || DocumentSeparator().IsMatch(lines[i].Masked))
            {
                AnalyzeDocument(file, lines, start, i, fed);
                start = i + 1;
            }
        }
    }

    /// <summary>
    /// False when no document of the template can be a Secret, whose values reads are the only ones looked at: a
    /// <c>kind: Secret</c> line (read with actions blanked) has both, in that order, on one line of the text, and
    /// <c>Secret</c> as a word of its own there (next to a quote, a space or a comment's braces, not ExternalSecret).
    /// </summary>
    public static bool MayDeclareSecret(string text) => KindThenSecret().IsMatch(text);

    /// <summary>A file read on its own, outside a chart: helpers it includes from other files are not known.</summary>
    public static void AnalyzeAlone(FileScan file)
        => Analyze(file, TemplateValuesReads.Analyze(new Dictionary<string, string> { [file.RelativePath] = file.Text }).ActionsOf(file.RelativePath), []);

    private static void AnalyzeDocument(FileScan file, TemplateLine[] lines, int start, int end, List<FedPath> fed)
    {
        var secretKindIndent = -1;
        var allowedKind = false;
        for (var i = start; i < end; i++)
        {
            if (KindLine().Match(lines[i].Masked) is { Success: true } kind)
            {
                var indent = kind.Groups["indent"].Length;
                if (kind.Groups["kind"].Value == "Secret" && (secretKindIndent < 0 || indent < secretKindIndent))
                {
                    secretKindIndent = indent;
                }
                else if (indent == 0 && kind.Groups["kind"].Value is "ExternalSecret" or "SealedSecret" or "ClusterExternalSecret" or "SecretStore" or "ClusterSecretStore" or "PushSecret")
                {
                    allowedKind = true;
                }
            }
        }

        var isSecret = secretKindIndent >= 0 && !allowedKind;
        var blockIndent = -1;
        var blockReported = false;
        (string Name, int Line)? envName = null;
        for (var i = start; i < end; i++)
        {
            var line = lines[i];
            var text = line.Masked;
            var lineNumber = i + 1;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var indent = Indent(text);
            var actionOnly = line.ActionOnly;
            if (isSecret && DataKey().Match(text) is { Success: true } dataKey && indent <= secretKindIndent)
            {
                var rest = StripComment(dataKey.Groups["rest"].Value);
                blockIndent = indent;
                blockReported = false;
                if (rest.Length > 0 && line.ReadsValues)
                {
                    blockReported = ReportFeeding(file, fed, line, lineNumber, blockReported);
                }
                else if (rest.Length > 0 && rest[0] is not ('{' or '['))
                {
                    // A value on the key's line ends the block; a flow collection opened there goes on below.
                    blockIndent = -1;
                }

                continue;
            }

            if (blockIndent >= 0 && (indent > blockIndent || actionOnly))
            {
                if (line.ReadsValues)
                {
                    blockReported = ReportFeeding(file, fed, line, lineNumber, blockReported);
                    continue;
                }

                if (actionOnly)
                {
                    continue;
                }

                i = SecretDataLine(file, lines, i, end, indent);
                continue;
            }

            blockIndent = -1;
            var tokens = file.Tokens.Find(line.Text);
            if (tokens.Count > 0)
            {
                var key = KeyValue().Match(text) is { Success: true } kv ? kv.Groups["key"].Value.Trim('"', '\'') : $"line {lineNumber}";
                foreach (var match in tokens)
                {
                    file.AddToken(match, lineNumber, match.Index + 1, lineNumber, key);
                }

                envName = null;
                continue;
            }

            if (EnvName().Match(text) is { Success: true } env)
            {
                envName = (env.Groups["name"].Value, lineNumber);
                continue;
            }

            if (KeyValue().Match(text) is not { Success: true } pair)
            {
                continue;
            }

            var keyName = pair.Groups["key"].Value.Trim('"', '\'');
            var valueGroup = pair.Groups["value"];
            var value = Unquote(StripComment(valueGroup.Value));
            if (keyName == "value" && envName is { } named && lineNumber - named.Line <= 3)
            {
                keyName = named.Name;
            }

            if (value.Length == 0 || value is "|" or ">" or "|-" or ">-" or "|+" or ">+" || value.Contains("{{", StringComparison.Ordinal))
            {
                continue;
            }

            if (CredentialHeuristics.ClassifyKey(keyName) != KeyKind.Secret || file.AllowPlaceholders && CredentialHeuristics.IsPlaceholder(value))
            {
                continue;
            }

            if (ContextRules.Judge(keyName, value, file.AllowPlaceholders) is { } verdict)
            {
                file.Add(new RawFinding(verdict.Code, verdict.Severity, lineNumber, ValueColumn(valueGroup), lineNumber, keyName, value, verdict.Detail));
            }
        }
    }

    /// <summary>A line of a Secret's data: a literal value (or block scalar) is a plain secret. Returns the last line consumed.</summary>
    private static int SecretDataLine(FileScan file, TemplateLine[] lines, int i, int end, int indent)
    {
        var lineNumber = i + 1;
        var text = lines[i].Masked;
        if (KeyValue().Match(text) is not { Success: true } pair)
        {
            return i;
        }

        var key = pair.Groups["key"].Value.Trim('"', '\'');
        var valueGroup = pair.Groups["value"];
        // A trailing comma separates entries of a flow mapping written over several lines.
        var raw = StripComment(valueGroup.Value).TrimEnd(',');
        if (raw is "|" or ">" or "|-" or ">-" or "|+" or ">+")
        {
            var last = i;
            var content = new List<string>();
            for (var j = i + 1; j < end; j++)
            {
                var line = lines[j].Masked;
                if (line.Trim().Length > 0 && Indent(line) <= indent)
                {
                    break;
                }

                content.Add(line.Trim());
                last = j;
            }

            var block = string.Join("\n", content).Trim();
            if (block.Length == 0 || block.Contains("{{", StringComparison.Ordinal))
            {
                return last;
            }

            var tokens = file.Tokens.Find(block);
            if (tokens.Count > 0)
            {
                foreach (var match in tokens)
                {
                    var (foundLine, foundColumn) = Find(lines, i + 1, last + 1, block.Substring(match.Index, Math.Min(match.Length, 12)));
                    file.AddToken(match, foundLine, foundColumn, lineNumber, key);
                }
            }
            else if (!CredentialHeuristics.IsReference(block))
            {
                var first = i + 1;
                while (first <= last && lines[first].Masked.Trim().Length == 0)
                {
                    first++;
                }

                var firstText = lines[first].Masked;
                file.Add(new RawFinding(SecretCodes.SecretManifestLiteral, DiagnosticSeverity.Error, first + 1, Indent(firstText) + 1, lineNumber, key, block));
            }

            return last;
        }

        var value = Unquote(raw);
        if (value.Length == 0 || value.Contains("{{", StringComparison.Ordinal) || CredentialHeuristics.IsReference(value)
            || file.AllowPlaceholders && CredentialHeuristics.IsPlaceholder(value))
        {
            return i;
        }

        var valueTokens = file.Tokens.Find(lines[i].Text);
        if (valueTokens.Count > 0)
        {
            foreach (var match in valueTokens)
            {
                file.AddToken(match, lineNumber, match.Index + 1, lineNumber, key);
            }

            return i;
        }

        var column = ValueColumn(valueGroup);
        file.Add(new RawFinding(SecretCodes.SecretManifestLiteral, DiagnosticSeverity.Error, lineNumber, column, lineNumber, key, value));
        return i;
    }

    private static (int Line, int Column) Find(TemplateLine[] lines, int from, int to, string fragment)
    {
        for (var j = from; j <= to && j < lines.Length; j++)
        {
            var at = lines[j].Text.IndexOf(fragment, StringComparison.Ordinal);
            if (at >= 0)
            {
                return (j + 1, at + 1);
            }
        }

        return (from + 1, 1);
    }

    private static bool ReportFeeding(FileScan file, List<FedPath> fed, TemplateLine line, int lineNumber, bool alreadyReported)
    {
        var paths = line.ValuesPaths.Where(p => p.Length > 0).ToList();
        foreach (var path in paths)
        {
            if (!fed.Any(f => f.Path == path && f.Template == file.RelativePath))
            {
                fed.Add(new FedPath(path, file.RelativePath, lineNumber));
            }
        }

        if (alreadyReported)
        {
            return true;
        }

        var text = line.Text;
        var column = text.IndexOf(".Values", StringComparison.Ordinal) is >= 0 and var at ? at + 1 : Math.Max(1, text.IndexOf("{{", StringComparison.Ordinal) + 1);
        var described = paths.Count == 0 ? ".Values" : string.Join(", ", paths.Select(p => ".Values." + p));
        file.Add(new RawFinding(SecretCodes.SecretTemplateFromValues, DiagnosticSeverity.Error, lineNumber, column, lineNumber, paths.FirstOrDefault() ?? "data", text.Trim(), described));
        return true;
    }

    /// <summary>Leading white space, counted without copying the line (this runs on every line of every template).</summary>
    private static int Indent(string line) => line.Length - line.AsSpan().TrimStart().Length;

    /// <summary>The 1-based column of a value: inside its quotes when it is quoted.</summary>
    private static int ValueColumn(Group value)
        => value.Index + 1 + (value.ValueSpan.TrimStart() is ['"' or '\'', ..] ? 1 : 0);

    private static string StripComment(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.StartsWith('"') || trimmed.StartsWith('\''))
        {
            return trimmed;
        }

        var hash = trimmed.IndexOf(" #", StringComparison.Ordinal);
        return (hash >= 0 ? trimmed[..hash] : trimmed).Trim();
    }

    private static string Unquote(string value)
    {
        var v = value.Trim();
        if (v.Length >= 2 && (v[0] == '"' && v[^1] == '"' || v[0] == '\'' && v[^1] == '\''))
        {
            return v[1..^1];
        }

        return v;
    }

    [GeneratedRegex(@"^---(?:\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentSeparator();

    [GeneratedRegex(@"^(?<indent>\s*)kind:\s*[""']?(?<kind>[A-Za-z]+)[""']?\s*(?:#.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex KindLine();

    [GeneratedRegex(@"kind:[^\n]*\bSecret\b", RegexOptions.CultureInvariant)]
    private static partial Regex KindThenSecret();

    [GeneratedRegex(@"^\s*(?:data|stringData):(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex DataKey();

    [GeneratedRegex(@"^\s*-\s+name:\s*[""']?(?<name>[A-Za-z_][A-Za-z0-9_.-]*)[""']?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex EnvName();

    [GeneratedRegex(@"^\s*(?:-\s+)?(?<key>""[^""]+""|'[^']+'|[A-Za-z0-9_.\-/]+):(?:\s+(?<value>.*)|$)", RegexOptions.CultureInvariant)]
    private static partial Regex KeyValue();
}
