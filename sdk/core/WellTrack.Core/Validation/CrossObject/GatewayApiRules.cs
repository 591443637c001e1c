using WellTrack.Core.Validation.Objects;
using WellTrack.Core.Yaml;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Validation.CrossObject;

/// <summary>
/// Gateway API objects of a release together: a route's Service backends (WT3111 for a missing port, WT3213, WT3214)
/// and the Secrets a Gateway's or ListenerSet's TLS listeners present (WT3215). What the release cannot show is
/// skipped: references into another namespace (they need a ReferenceGrant there), backends and certificates of other
/// kinds, parents (a shared Gateway lives outside the release).
/// </summary>
internal static class GatewayApiRules
{
    private const string Group = "gateway.networking.k8s.io";
    private const string ExperimentalGroup = "gateway.networking.x-k8s.io";

    /// <summary>Kinds whose <c>spec.rules[].backendRefs[]</c> route traffic to backends (all share BackendRef).</summary>
    private static readonly HashSet<string> RouteKinds = new(StringComparer.Ordinal) { "HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute" };

    /// <summary>cert-manager's gateway-shim issues a Certificate for each TLS listener of an object annotated so.</summary>
    private static readonly string[] IssuerAnnotations = ["cert-manager.io/issuer", "cert-manager.io/cluster-issuer"];

    public static void Check(IReadOnlyList<ManifestObject> objects, List<ManifestObject> services, FindingCollector findings)
    {
        foreach (var manifest in objects)
        {
            if (manifest.Group == Group && RouteKinds.Contains(manifest.Kind))
            {
                CheckRoute(manifest, services, findings);
            }
            else if ((manifest.Group == Group && manifest.Kind is "Gateway" or "ListenerSet")
                     || (manifest.Group == ExperimentalGroup && manifest.Kind == "XListenerSet"))
            {
                CheckListeners(manifest, objects, findings);
            }
        }
    }

    private static void CheckRoute(ManifestObject route, List<ManifestObject> services, FindingCollector findings)
    {
        var ruleIndex = 0;
        foreach (var rule in route.Spec.Child("rules").Items())
        {
            var rulePath = $"spec.rules[{ruleIndex++}]";
            var refIndex = 0;
            foreach (var backendRef in rule.Child("backendRefs").Items())
            {
                var refPath = $"{rulePath}.backendRefs[{refIndex++}]";
                CheckBackend(route, backendRef, refPath, services, findings);
                CheckMirrors(route, backendRef, refPath, services, findings);
            }

            CheckMirrors(route, rule, rulePath, services, findings);
        }
    }

    /// <summary>A RequestMirror filter sends a copy of the traffic to another backend, named the same way.</summary>
    private static void CheckMirrors(ManifestObject route, YamlSourceNode owner, string ownerPath, List<ManifestObject> services, FindingCollector findings)
    {
        var filterIndex = 0;
        foreach (var filter in owner.Child("filters").Items())
        {
            var filterPath = $"{ownerPath}.filters[{filterIndex++}]";
            if (filter.Path("requestMirror", "backendRef") is YamlSourceMapping mirror)
            {
                CheckBackend(route, mirror, filterPath + ".requestMirror.backendRef", services, findings);
            }
        }
    }

    private static void CheckBackend(ManifestObject route, YamlSourceNode backendRef, string path, List<ManifestObject> services, FindingCollector findings)
    {
        var nameNode = backendRef.Child("name");
        if (nameNode.Text() is not { } name || !IsLocalCoreReference(route, backendRef, "Service"))
        {
            return;
        }

        var portNode = backendRef.Child("port");
        if (portNode.IsNull())
        {
            // The CRDs' own validation rule ("Must have port for Service reference"): the API server rejects the route.
            findings.Report(DiagnosticCodes.WT3111, route.At(backendRef), route.Reference, path + ".port", $"{route.Kind} backendRef to a Service");
            return;
        }

        var service = services.FirstOrDefault(s => s.Name == name && s.Namespace == route.Namespace);
        if (service is null)
        {
            findings.Report(DiagnosticCodes.WT3213, route.At(nameNode), route.Reference, route.Kind, name);
            return;
        }

        var servicePorts = service.Spec.Child("ports").Items().ToList();
        if (YamlSourceNavigation.TryInteger(portNode, out var number)
            && !servicePorts.Any(p => YamlSourceNavigation.TryInteger(p.Child("port"), out var n) && n == number))
        {
            findings.Report(DiagnosticCodes.WT3214, route.At(portNode), route.Reference, route.Kind, number, name, CrossObjectRules.ServicePorts(servicePorts));
        }
    }

    private static void CheckListeners(ManifestObject owner, IReadOnlyList<ManifestObject> objects, FindingCollector findings)
    {
        var annotations = owner.Root.Path("metadata", "annotations");
        var annotatedForCertManager = IssuerAnnotations.Any(a => annotations.Child(a).Text() is { Length: > 0 });
        var references = TerminatingCertificateRefs(owner).ToList();

        // cert-manager's gateway-shim makes one Certificate per Secret name, for the listeners with a hostname that
        // name it; it skips a listener without a hostname, since it would not know what to certify.
        var issued = annotatedForCertManager
            ? references.Where(r => r.HasHostname).Select(r => r.SecretName).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
        HashSet<string>? created = null;
        foreach (var (listenerName, hasHostname, secretName, nameNode) in references)
        {
            if (issued.Contains(secretName) || findings.Settings.IsExternalSecret(secretName, findings.Chart))
            {
                continue;
            }

            created ??= CrossObjectRules.CreatedSecrets(objects, owner.Namespace);
            if (!created.Contains(secretName))
            {
                var why = annotatedForCertManager
                    ? "the listener has no hostname, so cert-manager skips it"
                    : $"no {IssuerAnnotations[0]} or {IssuerAnnotations[1]} annotation on the {owner.Kind}";
                findings.Report(DiagnosticCodes.WT3215, owner.At(nameNode), owner.Reference, secretName, owner.Kind, listenerName, why);
            }
        }
    }

    /// <summary>The Secrets (of the owner's namespace) that the listeners terminating TLS present.</summary>
    private static IEnumerable<(string Listener, bool HasHostname, string SecretName, YamlSourceNode NameNode)> TerminatingCertificateRefs(ManifestObject owner)
    {
        foreach (var listener in owner.Spec.Child("listeners").Items())
        {
            var tls = listener.Child("tls");
            if (listener.Child("protocol").Text() is not ("HTTPS" or "TLS") || tls.Child("mode").Text() == "Passthrough")
            {
                continue;
            }

            var listenerName = listener.Child("name").Text() ?? "(unnamed)";
            var hasHostname = listener.Child("hostname").Text() is { Length: > 0 };
            foreach (var certificateRef in tls.Child("certificateRefs").Items())
            {
                if (certificateRef.Child("name") is { } nameNode && nameNode.Text() is { } name && IsLocalCoreReference(owner, certificateRef, "Secret"))
                {
                    yield return (listenerName, hasHostname, name, nameNode);
                }
            }
        }
    }

    /// <summary>Whether a Gateway API object reference names a core-group object of <paramref name="defaultKind"/> in
    /// the referring object's own namespace (group "" and the kind are the API's defaults).</summary>
    private static bool IsLocalCoreReference(ManifestObject referrer, YamlSourceNode reference, string defaultKind)
        => (reference.Child("group").Text() ?? string.Empty).Length == 0
           && (reference.Child("kind").Text() ?? defaultKind) == defaultKind
           && (reference.Child("namespace").Text() ?? referrer.Namespace) == referrer.Namespace;
}
