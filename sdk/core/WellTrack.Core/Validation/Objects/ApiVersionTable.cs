namespace WellTrack.Core.Validation.Objects;

/// <summary>
/// Kubernetes API versions that were removed, are deprecated, or are newer than the target version. Removed
/// versions come from the Kubernetes deprecation guide (kubernetes.io/docs/reference/using-api/deprecation-guide);
/// the KubernetesClient models know only what v1.37 serves, so this table is what tells a removed API from a typo.
/// </summary>
internal static class ApiVersionTable
{
    /// <param name="Kind">"*": every kind of the group/version.</param>
    public sealed record Removal(string ApiVersion, string Kind, KubernetesVersion DeprecatedIn, KubernetesVersion RemovedIn, string Replacement);

    public sealed record Introduction(string ApiVersion, string Kind, KubernetesVersion ServedFrom);

    private static KubernetesVersion V(int minor) => new(1, minor);

    private static readonly Removal[] Removals =
    [
        new("extensions/v1beta1", "Ingress", V(14), V(22), "networking.k8s.io/v1 Ingress"),
        new("extensions/v1beta1", "Deployment", V(9), V(16), "apps/v1 Deployment"),
        new("extensions/v1beta1", "DaemonSet", V(9), V(16), "apps/v1 DaemonSet"),
        new("extensions/v1beta1", "ReplicaSet", V(9), V(16), "apps/v1 ReplicaSet"),
        new("extensions/v1beta1", "NetworkPolicy", V(9), V(16), "networking.k8s.io/v1 NetworkPolicy"),
        new("extensions/v1beta1", "PodSecurityPolicy", V(11), V(16), "Pod Security Admission"),
        new("extensions/v1beta1", "*", V(9), V(16), "the kind's apps/v1 or networking.k8s.io/v1 version"),
        new("apps/v1beta1", "*", V(9), V(16), "apps/v1"),
        new("apps/v1beta2", "*", V(9), V(16), "apps/v1"),
        new("networking.k8s.io/v1beta1", "Ingress", V(19), V(22), "networking.k8s.io/v1 Ingress"),
        new("networking.k8s.io/v1beta1", "IngressClass", V(19), V(22), "networking.k8s.io/v1 IngressClass"),
        new("apiextensions.k8s.io/v1beta1", "*", V(16), V(22), "apiextensions.k8s.io/v1"),
        new("admissionregistration.k8s.io/v1beta1", "MutatingWebhookConfiguration", V(16), V(22), "admissionregistration.k8s.io/v1"),
        new("admissionregistration.k8s.io/v1beta1", "ValidatingWebhookConfiguration", V(16), V(22), "admissionregistration.k8s.io/v1"),
        new("admissionregistration.k8s.io/v1beta1", "ValidatingAdmissionPolicy", V(30), V(32), "admissionregistration.k8s.io/v1"),
        new("admissionregistration.k8s.io/v1beta1", "ValidatingAdmissionPolicyBinding", V(30), V(32), "admissionregistration.k8s.io/v1"),
        new("apiregistration.k8s.io/v1beta1", "*", V(19), V(22), "apiregistration.k8s.io/v1"),
        new("authentication.k8s.io/v1beta1", "TokenReview", V(19), V(22), "authentication.k8s.io/v1"),
        new("authorization.k8s.io/v1beta1", "*", V(19), V(22), "authorization.k8s.io/v1"),
        new("certificates.k8s.io/v1beta1", "CertificateSigningRequest", V(19), V(22), "certificates.k8s.io/v1"),
        new("coordination.k8s.io/v1beta1", "Lease", V(19), V(22), "coordination.k8s.io/v1"),
        new("rbac.authorization.k8s.io/v1beta1", "*", V(17), V(22), "rbac.authorization.k8s.io/v1"),
        new("rbac.authorization.k8s.io/v1alpha1", "*", V(17), V(22), "rbac.authorization.k8s.io/v1"),
        new("scheduling.k8s.io/v1beta1", "*", V(14), V(22), "scheduling.k8s.io/v1"),
        new("scheduling.k8s.io/v1alpha1", "PriorityClass", V(14), V(17), "scheduling.k8s.io/v1"),
        new("storage.k8s.io/v1beta1", "CSIStorageCapacity", V(24), V(27), "storage.k8s.io/v1"),
        new("storage.k8s.io/v1beta1", "CSIDriver", V(19), V(22), "storage.k8s.io/v1"),
        new("storage.k8s.io/v1beta1", "CSINode", V(17), V(22), "storage.k8s.io/v1"),
        new("storage.k8s.io/v1beta1", "StorageClass", V(19), V(22), "storage.k8s.io/v1"),
        new("storage.k8s.io/v1beta1", "VolumeAttachment", V(19), V(22), "storage.k8s.io/v1"),
        new("policy/v1beta1", "PodDisruptionBudget", V(21), V(25), "policy/v1 PodDisruptionBudget"),
        new("policy/v1beta1", "PodSecurityPolicy", V(21), V(25), "Pod Security Admission"),
        new("batch/v1beta1", "CronJob", V(21), V(25), "batch/v1 CronJob"),
        new("batch/v2alpha1", "CronJob", V(8), V(21), "batch/v1 CronJob"),
        new("discovery.k8s.io/v1beta1", "EndpointSlice", V(21), V(25), "discovery.k8s.io/v1"),
        new("events.k8s.io/v1beta1", "Event", V(22), V(25), "events.k8s.io/v1"),
        new("autoscaling/v2beta1", "HorizontalPodAutoscaler", V(22), V(25), "autoscaling/v2"),
        new("autoscaling/v2beta2", "HorizontalPodAutoscaler", V(23), V(26), "autoscaling/v2"),
        new("node.k8s.io/v1beta1", "RuntimeClass", V(20), V(25), "node.k8s.io/v1"),
        new("node.k8s.io/v1alpha1", "RuntimeClass", V(20), V(22), "node.k8s.io/v1"),
        new("flowcontrol.apiserver.k8s.io/v1alpha1", "*", V(20), V(21), "flowcontrol.apiserver.k8s.io/v1"),
        new("flowcontrol.apiserver.k8s.io/v1beta1", "*", V(23), V(26), "flowcontrol.apiserver.k8s.io/v1"),
        new("flowcontrol.apiserver.k8s.io/v1beta2", "*", V(26), V(29), "flowcontrol.apiserver.k8s.io/v1"),
        new("flowcontrol.apiserver.k8s.io/v1beta3", "*", V(29), V(32), "flowcontrol.apiserver.k8s.io/v1"),
        new("resource.k8s.io/v1alpha2", "*", V(31), V(31), "resource.k8s.io/v1"),
    ];

    /// <summary>Group/versions the v1.37 models have that older clusters do not serve (the target may be older).</summary>
    private static readonly Introduction[] Introductions =
    [
        new("resource.k8s.io/v1", "*", V(34)),
        new("resource.k8s.io/v1beta2", "*", V(33)),
        new("resource.k8s.io/v1beta1", "*", V(32)),
        new("networking.k8s.io/v1", "IPAddress", V(33)),
        new("networking.k8s.io/v1", "ServiceCIDR", V(33)),
        new("storage.k8s.io/v1", "VolumeAttributesClass", V(34)),
        new("certificates.k8s.io/v1beta1", "ClusterTrustBundle", V(33)),
        new("coordination.k8s.io/v1beta1", "LeaseCandidate", V(33)),
        new("coordination.k8s.io/v1alpha2", "LeaseCandidate", V(32)),
        new("flowcontrol.apiserver.k8s.io/v1", "*", V(29)),
        new("autoscaling/v2", "HorizontalPodAutoscaler", V(23)),
        new("policy/v1", "PodDisruptionBudget", V(21)),
        new("batch/v1", "CronJob", V(21)),
        new("networking.k8s.io/v1", "Ingress", V(19)),
    ];

    public static Removal? FindRemoval(string apiVersion, string kind)
        => Removals.FirstOrDefault(r => r.ApiVersion == apiVersion && r.Kind == kind)
           ?? Removals.FirstOrDefault(r => r.ApiVersion == apiVersion && r.Kind == "*");

    public static Introduction? FindIntroduction(string apiVersion, string kind)
        => Introductions.FirstOrDefault(i => i.ApiVersion == apiVersion && (i.Kind == kind || i.Kind == "*"));

    public static IReadOnlyList<Removal> AllRemovals => Removals;
}
