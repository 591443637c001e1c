using WellTrack.Core.Validation.Objects;
using WellTrack.Core.Yaml;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Validation.Practice;

/// <summary>Good practice for each container (33xx, warnings by default): pinned images, resources, probes, a
/// restricted security context.</summary>
internal static class PracticeRules
{
    private static readonly string[] RequestedResources = ["cpu", "memory"];

    public static void Check(ManifestObject manifest, FindingCollector findings)
    {
        if (PodTemplate.Of(manifest) is not { } pod || IsHelmTest(manifest))
        {
            return;
        }

        var podSecurity = pod.Spec.Child("securityContext");
        foreach (var container in pod.Containers)
        {
            CheckContainer(pod, container, podSecurity, probes: !pod.RunsToCompletion, findings);
        }

        foreach (var container in pod.InitContainers)
        {
            CheckContainer(pod, container, podSecurity, probes: false, findings);
        }
    }

    /// <summary>A <c>helm test</c> pod runs once, on demand, and is never rolled out: practice for workloads does not
    /// apply to it.</summary>
    private static bool IsHelmTest(ManifestObject manifest)
        => manifest.Root.Path("metadata", "annotations").Child("helm.sh/hook").Text() is { } hooks
           && hooks.Split(',').Any(hook => hook.Trim() is "test" or "test-success" or "test-failure");

    private static void CheckContainer(PodTemplate pod, YamlSourceNode container, YamlSourceNode? podSecurity, bool probes, FindingCollector findings)
    {
        var owner = pod.Owner;
        var name = container.Child("name").Text() ?? "(unnamed)";
        var imageNode = container.Child("image");
        var image = imageNode.Text() ?? string.Empty;
        var (tag, digest) = SplitImage(image);
        if (imageNode is not null && digest is null && (tag is null || tag == "latest"))
        {
            findings.Report(DiagnosticCodes.WT3301, owner.At(imageNode), owner.Reference, name, image, tag is null ? "no tag" : "the tag 'latest'");
        }

        var pullPolicy = container.Child("imagePullPolicy");
        if (digest is not null && pullPolicy.Text() == "Always")
        {
            findings.Report(DiagnosticCodes.WT3302, owner.At(pullPolicy), owner.Reference, name);
        }

        var requests = container.Path("resources", "requests");
        var missingRequests = RequestedResources.Where(r => requests.Child(r).IsNull()).ToList();
        if (missingRequests.Count > 0)
        {
            findings.Report(DiagnosticCodes.WT3303, Where(owner, container, "resources", "requests"), owner.Reference, name, string.Join(" and ", missingRequests));
        }

        if (container.Path("resources", "limits", "memory").IsNull())
        {
            findings.Report(DiagnosticCodes.WT3304, Where(owner, container, "resources", "limits", "memory"), owner.Reference, name);
        }

        if (probes && container.Child("livenessProbe").IsNull())
        {
            findings.Report(DiagnosticCodes.WT3305, owner.At(container), owner.Reference, name);
        }

        if (probes && container.Child("readinessProbe").IsNull())
        {
            findings.Report(DiagnosticCodes.WT3306, owner.At(container), owner.Reference, name);
        }

        var security = container.Child("securityContext");
        if (!security.Child("runAsNonRoot").IsTrue() && !(podSecurity.Child("runAsNonRoot").IsTrue() && !security.Child("runAsNonRoot").IsFalse()))
        {
            findings.Report(DiagnosticCodes.WT3307, Where(owner, container, "securityContext", "runAsNonRoot"), owner.Reference, name);
        }

        if (security.Child("privileged").IsTrue())
        {
            findings.Report(DiagnosticCodes.WT3308, Where(owner, container, "securityContext", "privileged"), owner.Reference, name);
        }
        else if (!security.Child("allowPrivilegeEscalation").IsFalse())
        {
            findings.Report(DiagnosticCodes.WT3308, Where(owner, container, "securityContext", "allowPrivilegeEscalation"), owner.Reference, name);
        }

        if (!security.Child("readOnlyRootFilesystem").IsTrue())
        {
            findings.Report(DiagnosticCodes.WT3309, Where(owner, container, "securityContext", "readOnlyRootFilesystem"), owner.Reference, name);
        }

        var drop = security.Path("capabilities", "drop");
        if (!drop.Items().Any(d => string.Equals(d.Text(), "ALL", StringComparison.OrdinalIgnoreCase)))
        {
            findings.Report(DiagnosticCodes.WT3310, Where(owner, container, "securityContext", "capabilities", "drop"), owner.Reference, name);
        }
    }

    /// <summary>Where to point for a setting at <paramref name="path"/> under the container: its value when it is
    /// written (the offending text), else the key of the deepest part that exists, else the container.</summary>
    private static SourceMapping Where(ManifestObject owner, YamlSourceNode container, params string[] path)
    {
        YamlSourceNode? parent = container;
        YamlSourceNode? at = null;
        foreach (var key in path)
        {
            var child = parent.Child(key);
            if (child is null || child.IsNull())
            {
                return owner.At(parent.KeyNode(key) ?? at ?? container);
            }

            at = parent.KeyNode(key);
            parent = child;
        }

        return owner.At(parent);
    }

    /// <summary>The tag and digest of an image reference (registry:port/name:tag@sha256:...).</summary>
    internal static (string? Tag, string? Digest) SplitImage(string image)
    {
        string? digest = null;
        var at = image.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = image[(at + 1)..];
            image = image[..at];
        }

        var slash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        var tag = colon > slash ? image[(colon + 1)..] : null;
        return (tag is { Length: 0 } ? null : tag, digest is { Length: 0 } ? null : digest);
    }
}
