using WellTrack.Core.Yaml;
using WellTrack.Diagnostics;
using WellTrack.Templating.Serialization;

namespace WellTrack.Core.Validation.Objects;

/// <summary>Parses rendered documents into objects once (WT3101 invalid YAML, WT3102 no apiVersion/kind,
/// WT3115 duplicate key).</summary>
internal static class ManifestParser
{
    public static List<ManifestObject> Parse(RenderedDocument document, FindingCollector findings)
    {
        var objects = new List<ManifestObject>();
        // Rendered text is read as Go's YAML reads it (kubectl, Argo CD): blank lines before a block scalar's content may
        // carry spaces. The rewrite keeps every line's number and every content column.
        if (YamlSourceParser.TryParseResolved(BlockScalarLeadingLines.Normalize(document.Text), out var error) is not { } roots)
        {
            findings.Report(error!.DuplicateKey ? DiagnosticCodes.WT3115 : DiagnosticCodes.WT3101, document.Map(error.Line, error.Column), null, error.Message);
            return objects;
        }

        foreach (var root in roots)
        {
            switch (root)
            {
                case YamlSourceMapping mapping:
                    var manifest = new ManifestObject(document, mapping, findings.Settings.Namespace);
                    if (manifest.ApiVersion.Length == 0 || manifest.Kind.Length == 0)
                    {
                        findings.Report(DiagnosticCodes.WT3102, manifest.At(mapping), null, manifest.ApiVersion.Length == 0 ? "apiVersion" : "kind");
                        continue;
                    }

                    objects.Add(manifest);
                    break;
                case YamlSourceScalar scalar when scalar.Kind == ScalarKind.Null:
                    break; // An empty document (a template whose condition was false) is fine.
                case var other:
                    findings.Report(DiagnosticCodes.WT3101, document.Map(other.Line, other.Column), null,
                        $"a Kubernetes object is a mapping, not {YamlSourceNavigation.Describe(other)}");
                    break;
            }
        }

        return objects;
    }
}
