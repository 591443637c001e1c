using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using WellTrack.Diagnostics;

namespace WellTrack.Diagnostics.Reporting;

/// <summary>
/// Diagnostics as JSON: <c>{"diagnostics":[{"code","severity","file","line","column","message"}]}</c>, the form
/// DESIGN.md promises to scripts. Extra string properties per diagnostic (a fingerprint, a rule id) are optional.
/// </summary>
public static class DiagnosticJsonWriter
{
    public static void Write(TextWriter writer, IEnumerable<Diagnostic> diagnostics, Func<Diagnostic, IEnumerable<KeyValuePair<string, string>>>? extra = null)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("diagnostics");
            foreach (var diagnostic in diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("code", diagnostic.Code);
                json.WriteString("severity", SeverityName(diagnostic.Severity));
                if (diagnostic.File is null)
                {
                    json.WriteNull("file");
                }
                else
                {
                    json.WriteString("file", diagnostic.File.Replace('\\', '/'));
                }

                json.WriteNumber("line", diagnostic.Line);
                json.WriteNumber("column", diagnostic.Column);
                json.WriteString("message", diagnostic.Message);
                if (extra is not null)
                {
                    foreach (var (name, value) in extra(diagnostic))
                    {
                        json.WriteString(name, value);
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.Write(Encoding.UTF8.GetString(stream.ToArray()));
        writer.Write('\n');
    }

    public static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };
}
