using System.Text;
using System.Text.RegularExpressions;
using WellTrack.Core.Yaml;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Validation.Objects;

/// <summary>
/// Labels and annotations as the API server validates them (apimachinery's ValidateLabels and ValidateAnnotations):
/// keys are qualified names (an optional DNS subdomain prefix and '/', then at most 63 alphanumerics, '-', '_', '.'),
/// label values at most 63 such characters or empty, and all annotations of an object together at most 256 KiB.
/// The object's own metadata and the metadata of the pod template it carries are checked.
/// </summary>
internal static partial class MetadataRules
{
    private const int MaxNameLength = 63;
    private const int MaxPrefixLength = 253;
    private const int MaxAnnotationsBytes = 256 * 1024;
    private const string NameRule = "at most 63 letters, digits, '-', '_' or '.', beginning and ending with a letter or digit";

    public static void Check(ManifestObject manifest, FindingCollector findings)
    {
        CheckMetadata(manifest, manifest.Root.Child("metadata"), findings);
        if (PodTemplate.Of(manifest) is { Template: { } template } pod && !ReferenceEquals(template, manifest.Root))
        {
            CheckMetadata(pod.Owner, template.Child("metadata"), findings);
        }
    }

    private static void CheckMetadata(ManifestObject manifest, YamlSourceNode? metadata, FindingCollector findings)
    {
        if (metadata.Child("labels") is YamlSourceMapping labels)
        {
            foreach (var entry in labels.Entries)
            {
                var key = entry.Key.Text() ?? string.Empty;
                if (KeyProblem(key, lowerCasePrefix: true) is { } keyProblem)
                {
                    findings.Report(DiagnosticCodes.WT3120, manifest.At(entry.Key), manifest.Reference, "The label key", key, keyProblem);
                }

                // A value that is not a string is the schema rule's type error; only its text is checked here.
                if (entry.Value is YamlSourceScalar && entry.Value.Text() is { } value && ValueProblem(value) is { } valueProblem)
                {
                    findings.Report(DiagnosticCodes.WT3120, manifest.At(entry.Value), manifest.Reference, $"The value of label '{key}'", value, valueProblem);
                }
            }
        }

        if (metadata.Child("annotations") is YamlSourceMapping annotations)
        {
            var bytes = 0;
            foreach (var entry in annotations.Entries)
            {
                var key = entry.Key.Text() ?? string.Empty;
                if (KeyProblem(key, lowerCasePrefix: false) is { } keyProblem)
                {
                    findings.Report(DiagnosticCodes.WT3120, manifest.At(entry.Key), manifest.Reference, "The annotation key", key, keyProblem);
                }

                bytes += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(entry.Value.Text() ?? string.Empty);
            }

            if (bytes > MaxAnnotationsBytes)
            {
                findings.Report(DiagnosticCodes.WT3120, manifest.At(annotations), manifest.Reference, "The annotations", $"{bytes} bytes",
                    "all annotations of an object together may hold at most 262144 bytes");
            }
        }
    }

    /// <summary>Why a label or annotation key is not a qualified name, or null. Annotation keys are checked
    /// lower-cased, as the API server does.</summary>
    private static string? KeyProblem(string key, bool lowerCasePrefix)
    {
        var slash = key.LastIndexOf('/');
        var name = slash < 0 ? key : key[(slash + 1)..];
        if (slash >= 0)
        {
            var prefix = lowerCasePrefix ? key[..slash] : key[..slash].ToLowerInvariant();
            if (prefix.Length == 0 || prefix.Length > MaxPrefixLength || !ObjectRules.Dns1123Subdomain().IsMatch(prefix))
            {
                return "its prefix (before '/') must be a DNS subdomain: at most 253 lowercase letters, digits, '-' and '.'";
            }
        }

        if (name.Length == 0 || name.Length > MaxNameLength || !QualifiedName().IsMatch(name))
        {
            return $"its name (after the optional prefix and '/') must be {NameRule}";
        }

        return null;
    }

    private static string? ValueProblem(string value)
        => value.Length == 0 || (value.Length <= MaxNameLength && QualifiedName().IsMatch(value))
            ? null
            : $"a label value must be empty or {NameRule}";

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex QualifiedName();
}
