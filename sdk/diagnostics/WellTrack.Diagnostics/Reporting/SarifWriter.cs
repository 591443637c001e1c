using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using WellTrack.Diagnostics;

namespace WellTrack.Diagnostics.Reporting;

/// <summary>
/// Diagnostics as SARIF 2.1.0 for GitHub code scanning: one run, the tool's rules with help text, results with
/// physical locations relative to <c>%SRCROOT%</c> and partialFingerprints so alerts survive line moves.
/// </summary>
public static class SarifWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <param name="writer">Where the log goes.</param>
    /// <param name="diagnostics">The results.</param>
    /// <param name="rules">Rules to describe; codes used by a result but not described get a rule from the message resources.</param>
    /// <param name="baseDirectory">Absolute file paths are made relative to it (SARIF consumers want repository-relative URIs).</param>
    /// <param name="fingerprints">Per diagnostic, partialFingerprints (name to value); never a secret.</param>
    /// <param name="toolName">The driver's name.</param>
    /// <param name="ruleIds">Per diagnostic, a finer rule than its code (a secret's token format); null keeps the code.</param>
    public static void Write(
        TextWriter writer,
        IReadOnlyList<Diagnostic> diagnostics,
        IReadOnlyList<SarifRule>? rules = null,
        string? baseDirectory = null,
        Func<Diagnostic, IReadOnlyDictionary<string, string>?>? fingerprints = null,
        string toolName = "welltrack",
        Func<Diagnostic, string?>? ruleIds = null)
    {
        string RuleOf(Diagnostic diagnostic) => ruleIds?.Invoke(diagnostic) ?? diagnostic.Code;

        var ruleList = new List<SarifRule>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rule in rules ?? [])
        {
            if (index.TryAdd(rule.Id, ruleList.Count))
            {
                ruleList.Add(rule);
            }
        }

        foreach (var code in diagnostics.Select(RuleOf).Distinct(StringComparer.Ordinal))
        {
            if (index.TryAdd(code, ruleList.Count))
            {
                var template = DiagnosticMessages.Template(code) ?? code;
                ruleList.Add(new SarifRule(code, code, template, template));
            }
        }

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", toolName);
            var version = typeof(SarifWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            if (version is not null)
            {
                json.WriteString("semanticVersion", version.Split('+')[0]);
            }

            json.WriteStartArray("rules");
            foreach (var rule in ruleList)
            {
                WriteRule(json, rule);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            if (baseDirectory is not null)
            {
                json.WriteStartObject("originalUriBaseIds");
                json.WriteStartObject("%SRCROOT%");
                json.WriteString("uri", new Uri(Path.GetFullPath(baseDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar).AbsoluteUri);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteStartArray("results");
            foreach (var diagnostic in diagnostics)
            {
                var ruleId = RuleOf(diagnostic);
                WriteResult(json, diagnostic, ruleId, index[ruleId], baseDirectory, fingerprints?.Invoke(diagnostic));
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.Write(Encoding.UTF8.GetString(stream.ToArray()));
        writer.Write('\n');
    }

    private static void WriteRule(Utf8JsonWriter json, SarifRule rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", rule.Name);
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.ShortDescription);
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", rule.ShortDescription);
        json.WriteEndObject();
        json.WriteStartObject("help");
        json.WriteString("text", rule.HelpText);
        json.WriteString("markdown", rule.HelpText.Contains('\n', StringComparison.Ordinal) ? "```\n" + rule.HelpText + "\n```" : rule.HelpText);
        json.WriteEndObject();
        if (rule.HelpUri is not null)
        {
            json.WriteString("helpUri", rule.HelpUri);
        }

        if (rule.Tags is { Count: > 0 } || rule.SecuritySeverity is not null)
        {
            json.WriteStartObject("properties");
            if (rule.Tags is { Count: > 0 } tags)
            {
                json.WriteStartArray("tags");
                foreach (var tag in tags)
                {
                    json.WriteStringValue(tag);
                }

                json.WriteEndArray();
            }

            if (rule.SecuritySeverity is not null)
            {
                json.WriteString("security-severity", rule.SecuritySeverity);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Diagnostic diagnostic, string ruleId, int ruleIndex, string? baseDirectory, IReadOnlyDictionary<string, string>? fingerprints)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", ruleId);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(diagnostic.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", diagnostic.Message);
        json.WriteEndObject();
        if (!string.IsNullOrEmpty(diagnostic.File))
        {
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", RelativeUri(diagnostic.File, baseDirectory));
            if (baseDirectory is not null)
            {
                json.WriteString("uriBaseId", "%SRCROOT%");
            }

            json.WriteEndObject();
            if (diagnostic.Line > 0)
            {
                json.WriteStartObject("region");
                json.WriteNumber("startLine", diagnostic.Line);
                if (diagnostic.Column > 0)
                {
                    json.WriteNumber("startColumn", diagnostic.Column);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        if (fingerprints is { Count: > 0 })
        {
            json.WriteStartObject("partialFingerprints");
            foreach (var (name, value) in fingerprints)
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static string RelativeUri(string file, string? baseDirectory)
    {
        var path = file;
        if (baseDirectory is not null)
        {
            var full = Path.GetFullPath(file);
            var root = Path.GetFullPath(baseDirectory);
            var relative = Path.GetRelativePath(root, full);
            if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
            {
                path = relative;
            }
        }

        var normalized = path.Replace('\\', '/');
        return string.Join('/', normalized.Split('/').Select(Uri.EscapeDataString));
    }

    public static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };
}
