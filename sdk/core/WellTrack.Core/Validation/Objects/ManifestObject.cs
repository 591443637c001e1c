using WellTrack.Core.Yaml;

namespace WellTrack.Core.Validation.Objects;

/// <summary>One Kubernetes object of a rendered document, parsed once and shared by every rule.</summary>
internal sealed class ManifestObject
{
    public ManifestObject(RenderedDocument document, YamlSourceMapping root, string releaseNamespace)
    {
        Document = document;
        Root = root;
        ApiVersion = root.Child("apiVersion").Text() ?? string.Empty;
        Kind = root.Child("kind").Text() ?? string.Empty;
        Name = root.Path("metadata", "name").Text();
        var slash = ApiVersion.LastIndexOf('/');
        Group = slash < 0 ? string.Empty : ApiVersion[..slash];
        Version = slash < 0 ? ApiVersion : ApiVersion[(slash + 1)..];
        Namespace = root.Path("metadata", "namespace").Text() ?? (ClusterScopedKinds.Contains(Kind) ? string.Empty : releaseNamespace);
    }

    private static readonly HashSet<string> ClusterScopedKinds = new(StringComparer.Ordinal)
    {
        "Namespace", "Node", "PersistentVolume", "ClusterRole", "ClusterRoleBinding", "PriorityClass", "StorageClass",
        "CustomResourceDefinition", "IngressClass", "RuntimeClass", "ValidatingWebhookConfiguration",
        "MutatingWebhookConfiguration", "APIService", "CSIDriver", "CSINode", "VolumeAttachment", "ClusterIssuer",
        "ClusterSecretStore", "ClusterExternalSecret", "PodSecurityPolicy",
    };

    public RenderedDocument Document { get; }

    public YamlSourceMapping Root { get; }

    public string ApiVersion { get; }

    public string Group { get; }

    public string Version { get; }

    public string Kind { get; }

    public string? Name { get; }

    /// <summary>metadata.namespace, else the release namespace (empty for cluster-scoped kinds).</summary>
    public string Namespace { get; }

    public YamlSourceNode? Spec => Root.Child("spec");

    /// <summary>"Deployment/web" for messages.</summary>
    public string Reference => $"{Kind}/{Name ?? "(unnamed)"}";

    public SourceMapping At(YamlSourceNode? node)
        => node is null ? Document.Map(1, 1) : Document.Map(node.Line, node.Column);

    /// <summary>Where a field is written: its key when present, else the node itself, else the object.</summary>
    public SourceMapping AtKey(YamlSourceNode? parent, string key)
        => At(parent.KeyNode(key) ?? parent ?? Root);
}
