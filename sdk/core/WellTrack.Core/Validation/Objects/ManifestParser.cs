using WellTrack.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace WellTrack.Core.Validation.Objects;

/// <summary>Parses rendered documents into objects once (WT3101 invalid YAML, WT3102 no apiVersion/kind,
/// WT3115 duplicate key).</summary>
internal static class ManifestParser
{
    public static List<ManifestObject> Parse(RenderedDocument document, FindingCollector findings)
    {
        var objects = new List<ManifestObject>();
        if (YamlNodes.TryLoad(document.Text, out var error) is not { } stream)
        {
            findings.Report(error!.DuplicateKey ? DiagnosticCodes.WT3115 : DiagnosticCodes.WT3101, document.Map(error.Line, error.Column), null, error.Message);
            return objects;
        }

        foreach (var yaml in stream.Documents)
        {
            switch (yaml.RootNode)
            {
                case YamlMappingNode root:
                    var manifest = new ManifestObject(document, root, findings.Settings.Namespace);
                    if (manifest.ApiVersion.Length == 0 || manifest.Kind.Length == 0)
                    {
                        findings.Report(DiagnosticCodes.WT3102, manifest.At(root), null, manifest.ApiVersion.Length == 0 ? "apiVersion" : "kind");
                        continue;
                    }

                    objects.Add(manifest);
                    break;
                case YamlScalarNode scalar when YamlNodes.Classify(scalar) == ScalarKind.Null:
                    break; // An empty document (a template whose condition was false) is fine.
                case var other:
                    findings.Report(DiagnosticCodes.WT3101, document.Map(YamlNodes.LineOf(other), YamlNodes.ColumnOf(other)), null,
                        $"a Kubernetes object is a mapping, not {YamlNodes.Describe(other)}");
                    break;
            }
        }

        return objects;
    }
}
