using WellTrack.Core.Validation.Objects;
using WellTrack.Core.Yaml;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Validation.CustomResources;

/// <summary>
/// Checks an object whose group and kind a CustomResourceDefinition in the repository defines, as the API server
/// would once that definition is installed: its version must be one the definition serves (WT3103: the cluster
/// rejects any other), and the object must match that version's schema (WT3109-WT3112, by the same
/// <see cref="SchemaWalker"/> as built-in kinds).
/// </summary>
internal static class CustomResourceRules
{
    public static void Check(ManifestObject manifest, CustomResourceType type, FindingCollector findings)
    {
        var version = type.Version(manifest.Version);
        if (version is { Served: true })
        {
            SchemaWalker.Walk(manifest, version.Schema.Value, findings);
            return;
        }

        var definition = $"The CustomResourceDefinition {type.DefinitionName} ({findings.RelativePath(type.DefinedIn)})";
        var why = version is null ? $"{definition} has no version {manifest.Version}" : $"{definition} has {manifest.Version} with served: false";
        var served = type.ServedApiVersions.ToList();
        var hint = served.Count > 0 ? $" {why}; {type.Kind} is served as {string.Join(", ", served)}." : $" {why}, and serves no version.";
        findings.Report(DiagnosticCodes.WT3103, manifest.At(manifest.Root.Child("apiVersion")), manifest.Reference, manifest.ApiVersion, manifest.Kind, hint);
    }
}
