using WellTrack.Core.Yaml;

namespace WellTrack.Core.Validation.Objects;

/// <summary>The pod template of a workload (or a Pod itself): labels, spec, containers.</summary>
internal sealed class PodTemplate
{
    private PodTemplate(ManifestObject owner, YamlSourceNode? template, YamlSourceNode spec)
    {
        Owner = owner;
        Template = template;
        Spec = spec;
        Labels = template.Path("metadata", "labels").StringMap();
    }

    public ManifestObject Owner { get; }

    /// <summary>The template node (spec.template), or the Pod's root.</summary>
    public YamlSourceNode? Template { get; }

    public YamlSourceNode Spec { get; }

    public Dictionary<string, string> Labels { get; }

    public IEnumerable<YamlSourceNode> Containers => Spec.Child("containers").Items();

    public IEnumerable<YamlSourceNode> InitContainers => Spec.Child("initContainers").Items();

    public IEnumerable<YamlSourceNode> AllContainers => Containers.Concat(InitContainers).Concat(Spec.Child("ephemeralContainers").Items());

    /// <summary>Whether the pods run to completion (Job, CronJob, a Pod that never restarts): no probes expected.</summary>
    public bool RunsToCompletion => Owner.Kind is "Job" or "CronJob"
        || (Owner.Kind == "Pod" && Spec.Child("restartPolicy").Text() is "Never" or "OnFailure");

    public static bool HasPorts(YamlSourceNode container) => container.Child("ports").Items().Any();

    public static IEnumerable<(string? Name, long Number)> Ports(YamlSourceNode container)
    {
        foreach (var port in container.Child("ports").Items())
        {
            YamlSourceNavigation.TryInteger(port.Child("containerPort"), out var number);
            yield return (port.Child("name").Text(), number);
        }
    }

    public IEnumerable<(string? Name, long Number)> ContainerPorts => Containers.SelectMany(Ports);

    public static PodTemplate? Of(ManifestObject manifest)
    {
        var (template, spec) = manifest.Kind switch
        {
            "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "Job" or "ReplicationController"
                => (manifest.Spec.Child("template"), manifest.Spec.Path("template", "spec")),
            "CronJob" => (manifest.Spec.Path("jobTemplate", "spec", "template"), manifest.Spec.Path("jobTemplate", "spec", "template", "spec")),
            "Pod" => (manifest.Root, manifest.Spec),
            _ => (null, null),
        };
        return spec is YamlSourceMapping ? new PodTemplate(manifest, template, spec) : null;
    }

    /// <summary>Whether a label selector (matchLabels + matchExpressions, or a plain Service selector map) selects
    /// these labels.</summary>
    public static bool Selects(YamlSourceNode? selector, IReadOnlyDictionary<string, string> labels, bool plainMap = false)
    {
        var matchLabels = plainMap ? selector.StringMap() : selector.Child("matchLabels").StringMap();
        foreach (var (key, value) in matchLabels)
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        if (plainMap)
        {
            return true;
        }

        foreach (var expression in selector.Child("matchExpressions").Items())
        {
            var key = expression.Child("key").Text() ?? string.Empty;
            var values = expression.Child("values").Items().Select(v => v.Text() ?? string.Empty).ToList();
            var has = labels.TryGetValue(key, out var actual);
            var ok = expression.Child("operator").Text() switch
            {
                "In" => has && values.Contains(actual!),
                "NotIn" => !has || !values.Contains(actual!),
                "Exists" => has,
                "DoesNotExist" => !has,
                _ => true,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
