using WellTrack.Core.Validation.Objects;
using WellTrack.Core.Yaml;

namespace WellTrack.Core.Validation.CustomResources;

/// <summary>
/// Reads what a CustomResourceDefinition (<c>apiextensions.k8s.io/v1</c>) defines. A definition without a group, a
/// kind, or versions that each have a name, <c>served</c> and <c>schema.openAPIV3Schema</c> is malformed: the API
/// server would refuse it, the object checks say why (the built-in schema knows the CustomResourceDefinition kind),
/// and it defines nothing here.
/// </summary>
internal static class CustomResourceDefinitionReader
{
    public const string ApiVersion = "apiextensions.k8s.io/v1";
    public const string Kind = "CustomResourceDefinition";

    public static bool IsDefinition(ManifestObject manifest)
        => manifest.ApiVersion == ApiVersion && manifest.Kind == Kind;

    /// <param name="definedIn">The file to name in messages.</param>
    public static CustomResourceType? Read(ManifestObject manifest, string definedIn)
    {
        if (!IsDefinition(manifest))
        {
            return null;
        }

        var spec = manifest.Spec;
        var group = spec.Child("group").Text();
        var kind = spec.Path("names", "kind").Text();
        if (string.IsNullOrEmpty(group) || string.IsNullOrEmpty(kind) || spec.Child("versions") is not YamlSourceSequence versionNodes)
        {
            return null;
        }

        var versions = new List<CustomResourceVersion>();
        foreach (var versionNode in versionNodes.Items)
        {
            var name = versionNode.Child("name").Text();
            var served = versionNode.Child("served");
            var schema = versionNode.Path("schema", "openAPIV3Schema");
            if (string.IsNullOrEmpty(name) || !(served.IsTrue() || served.IsFalse()) || schema is not YamlSourceMapping)
            {
                return null;
            }

            var apiVersion = $"{group}/{name}";
            versions.Add(new CustomResourceVersion(name, served.IsTrue(), new Lazy<SchemaType>(
                () => StructuralSchemaReader.ReadRoot(schema, kind, apiVersion), LazyThreadSafetyMode.ExecutionAndPublication)));
        }

        return versions.Count == 0 ? null : new CustomResourceType(manifest.Name ?? kind, group, kind, versions, definedIn);
    }
}
