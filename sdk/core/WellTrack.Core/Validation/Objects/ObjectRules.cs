using System.Text.RegularExpressions;
using WellTrack.Core.Validation.CustomResources;
using WellTrack.Core.Yaml;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Validation.Objects;

/// <summary>Rules on each object alone (31xx): API version, name, schema; and duplicates among a release's objects.</summary>
internal static partial class ObjectRules
{
    /// <param name="customResources">Kinds defined by CustomResourceDefinitions in the repository: the cluster serves
    /// what they say, so they take precedence over the built-in table.</param>
    public static void Check(ManifestObject manifest, FindingCollector findings, CustomResourceCatalog? customResources = null)
    {
        if (manifest.ApiVersion == "v1" && manifest.Kind == "List")
        {
            return; // kubectl's client-side list of objects: no name of its own; its items are not looked into
        }

        if (customResources?.Find(manifest.Group, manifest.Kind) is { } customResource)
        {
            CustomResourceRules.Check(manifest, customResource, findings);
            CheckName(manifest, findings);
            return;
        }

        var settings = findings.Settings;
        var apiVersionNode = manifest.Root.Child("apiVersion");
        var checkSchema = true;
        if (ApiVersionTable.FindRemoval(manifest.ApiVersion, manifest.Kind) is { } removal)
        {
            if (settings.KubernetesVersion >= removal.RemovedIn)
            {
                findings.Report(DiagnosticCodes.WT3104, manifest.At(apiVersionNode), manifest.Reference,
                    manifest.ApiVersion, manifest.Kind, removal.RemovedIn, settings.KubernetesVersion, removal.Replacement);
            }
            else if (settings.KubernetesVersion >= removal.DeprecatedIn)
            {
                findings.Report(DiagnosticCodes.WT3105, manifest.At(apiVersionNode), manifest.Reference,
                    manifest.ApiVersion, manifest.Kind, removal.DeprecatedIn, removal.RemovedIn, removal.Replacement);
            }

            checkSchema = KubernetesSchema.IsKnown(manifest.ApiVersion, manifest.Kind);
        }
        else if (ApiVersionTable.FindIntroduction(manifest.ApiVersion, manifest.Kind) is { } introduction
                 && settings.KubernetesVersion < introduction.ServedFrom)
        {
            findings.Report(DiagnosticCodes.WT3114, manifest.At(apiVersionNode), manifest.Reference,
                manifest.ApiVersion, manifest.Kind, introduction.ServedFrom, settings.KubernetesVersion);
        }
        else if (!KubernetesSchema.IsKnown(manifest.ApiVersion, manifest.Kind))
        {
            checkSchema = false;
            ReportUnknownKind(manifest, apiVersionNode, findings);
        }

        CheckName(manifest, findings);

        if (checkSchema && KubernetesSchema.Find(manifest.ApiVersion, manifest.Kind) is { } schema)
        {
            SchemaWalker.Walk(manifest, schema, findings);
        }
    }

    /// <summary>
    /// A kind the schema does not know. Kubernetes serves exactly the kinds of its own groups: anything else there is
    /// rejected by the API server (WT3103, with a hint). In a version of a custom resource group whose schemas ship, a
    /// near miss of one of its kinds (HTTPRoutee) or a kind the group serves in other versions only is as certain; another
    /// kind may come from a CRD release other than the package's (experimental kinds come and go), a version the
    /// schemas lack from a newer CRD, and any other group from a CRD nobody here knows: none can be checked (WT3106).
    /// </summary>
    private static void ReportUnknownKind(ManifestObject manifest, YamlSourceNode? apiVersionNode, FindingCollector findings)
    {
        var builtIn = KubernetesSchema.IsBuiltInGroup(manifest.Group);
        if (builtIn || KubernetesSchema.IsKnownApiVersion(manifest.ApiVersion))
        {
            var served = KubernetesSchema.ApiVersionsOf(manifest.Kind);
            var hint = served.Count > 0
                ? $" {manifest.Kind} is served as {string.Join(", ", served)}."
                : SchemaWalker.Suggestion(manifest.Kind, KubernetesSchema.KindsOf(manifest.ApiVersion));
            if (builtIn || hint.Length > 0)
            {
                findings.Report(DiagnosticCodes.WT3103, manifest.At(apiVersionNode), manifest.Reference, manifest.ApiVersion, manifest.Kind, hint);
                return;
            }
        }

        findings.Report(DiagnosticCodes.WT3106, manifest.At(apiVersionNode), manifest.Reference, manifest.ApiVersion, manifest.Kind);
    }

    private static void CheckName(ManifestObject manifest, FindingCollector findings)
    {
        var metadata = manifest.Root.Child("metadata");
        var nameNode = metadata.Child("name");
        if (manifest.Name is null)
        {
            if (metadata.Child("generateName").Text() is null)
            {
                findings.Report(DiagnosticCodes.WT3107, manifest.At(nameNode ?? metadata ?? manifest.Root), manifest.Reference, manifest.Kind);
            }

            return;
        }

        var (rule, valid) = NameRule(manifest.Kind) switch
        {
            NameKind.Dns1035Label => ("an RFC 1035 label (at most 63 lowercase letters, digits and '-', starting with a letter and ending with a letter or digit)", Dns1035Label().IsMatch(manifest.Name) && manifest.Name.Length <= 63),
            NameKind.Dns1123Label => ("an RFC 1123 label (at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit)", Dns1123Label().IsMatch(manifest.Name) && manifest.Name.Length <= 63),
            NameKind.PathSegment => ("a path segment (not '.' or '..', without '/' or '%')", manifest.Name is not ("." or "..") && manifest.Name.IndexOfAny(['/', '%']) < 0 && manifest.Name.Length > 0),
            _ => ("an RFC 1123 subdomain (at most 253 lowercase letters, digits, '-' and '.', starting and ending with a letter or digit)", Dns1123Subdomain().IsMatch(manifest.Name) && manifest.Name.Length <= 253),
        };
        if (!valid)
        {
            findings.Report(DiagnosticCodes.WT3108, manifest.At(nameNode), manifest.Reference, manifest.Name, manifest.Kind, rule);
        }
    }

    private enum NameKind
    {
        Dns1123Subdomain,
        Dns1123Label,
        Dns1035Label,
        PathSegment,
    }

    /// <summary>The naming rule the API server applies to the kind (Service: DNS-1035 label, Namespace: DNS-1123
    /// label, RBAC objects: path segment, everything else: DNS-1123 subdomain).</summary>
    private static NameKind NameRule(string kind) => kind switch
    {
        "Service" => NameKind.Dns1035Label,
        "Namespace" => NameKind.Dns1123Label,
        "Role" or "ClusterRole" or "RoleBinding" or "ClusterRoleBinding" => NameKind.PathSegment,
        _ => NameKind.Dns1123Subdomain,
    };

    /// <summary>WT3113: two objects of the same kind, namespace and name in one release (the second would replace the
    /// first when applied).</summary>
    public static void CheckDuplicates(IReadOnlyList<ManifestObject> objects, FindingCollector findings)
    {
        var seen = new Dictionary<(string, string, string, string), ManifestObject>();
        foreach (var manifest in objects)
        {
            if (manifest.Name is null)
            {
                continue;
            }

            var key = (manifest.Group, manifest.Kind, manifest.Namespace, manifest.Name);
            if (seen.TryGetValue(key, out var first))
            {
                var firstAt = first.At(first.Root.Path("metadata", "name")).Location;
                findings.Report(DiagnosticCodes.WT3113, manifest.At(manifest.Root.Path("metadata", "name")), manifest.Reference,
                    manifest.Kind, manifest.Namespace.Length == 0 ? "(cluster)" : manifest.Namespace, manifest.Name,
                    $"{findings.RelativePath(firstAt.File ?? string.Empty)}:{firstAt.Line}");
            }
            else
            {
                seen[key] = manifest;
            }
        }
    }

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1035Label();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123Label();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    internal static partial Regex Dns1123Subdomain();
}
