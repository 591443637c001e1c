using WellTrack.Core.Validation.Objects;
using WellTrack.Core.Yaml;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Validation.CrossObject;

/// <summary>Rules across the objects of one release (32xx): selectors, Services, Ingresses, references to Secrets,
/// ConfigMaps and ServiceAccounts, probes, HorizontalPodAutoscalers; Gateway API objects in <see cref="GatewayApiRules"/>.</summary>
internal static class CrossObjectRules
{
    /// <summary>The cluster's CA bundle, which the control plane publishes in every namespace (projected service account
    /// token volumes mount it): it always exists.</summary>
    private const string RootCertificateConfigMap = "kube-root-ca.crt";

    private static readonly HashSet<string> SelectorWorkloads = new(StringComparer.Ordinal) { "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet" };

    public static void Check(IReadOnlyList<ManifestObject> objects, FindingCollector findings)
    {
        var pods = objects.Select(PodTemplate.Of).OfType<PodTemplate>().ToList();
        var services = objects.Where(o => o.Kind == "Service" && o.Group.Length == 0).ToList();
        var outside = new OutsideProvision(objects);

        foreach (var pod in pods)
        {
            CheckSelector(pod, findings);
            CheckReferences(pod, objects, outside, findings);
            CheckProbePorts(pod, findings);
        }

        foreach (var service in services)
        {
            CheckService(service, pods, findings);
        }

        foreach (var ingress in objects.Where(o => o.Kind == "Ingress"))
        {
            CheckIngress(ingress, services, findings);
        }

        foreach (var hpa in objects.Where(o => o.Kind == "HorizontalPodAutoscaler"))
        {
            CheckAutoscaler(hpa, objects, findings);
        }

        GatewayApiRules.Check(objects, services, findings);
    }

    private static void CheckSelector(PodTemplate pod, FindingCollector findings)
    {
        var owner = pod.Owner;
        if (!SelectorWorkloads.Contains(owner.Kind))
        {
            return;
        }

        var selector = owner.Spec.Child("selector");
        if (selector is YamlSourceMapping && !PodTemplate.Selects(selector, pod.Labels))
        {
            findings.Report(DiagnosticCodes.WT3201, owner.At(selector), owner.Reference, owner.Kind, owner.Name, Labels(pod.Labels));
        }
    }

    private static void CheckService(ManifestObject service, List<PodTemplate> pods, FindingCollector findings)
    {
        var selector = service.Spec.Child("selector");
        if (selector is not YamlSourceMapping || !selector.NamedEntries().Any() || service.Spec.Child("type").Text() == "ExternalName")
        {
            return; // A Service without a selector has endpoints managed by hand or points outside the cluster.
        }

        var selected = pods.Where(p => p.Owner.Namespace == service.Namespace && PodTemplate.Selects(selector, p.Labels, plainMap: true)).ToList();
        if (selected.Count == 0)
        {
            findings.Report(DiagnosticCodes.WT3202, service.At(selector), service.Reference, service.Name, Labels(selector.StringMap()));
            return;
        }

        foreach (var port in service.Spec.Child("ports").Items())
        {
            var target = port.Child("targetPort") ?? port.Child("port");
            if (target is not YamlSourceScalar scalar || target.Text() is not { } text)
            {
                continue;
            }

            var numeric = YamlSourceNavigation.TryInteger(target, out var number);
            if (!numeric && scalar.Kind == ScalarKind.String && long.TryParse(text, out _))
            {
                continue; // "8080" quoted is a type error reported by the schema rule
            }

            var found = selected.Any(p => p.ContainerPorts.Any(cp => numeric ? cp.Number == number : cp.Name == text));
            if (!found)
            {
                // A named port must resolve or the Service gets no endpoints; traffic to a number reaches whatever the
                // process listens on, declared or not.
                var available = AvailablePorts(selected.SelectMany(p => p.ContainerPorts));
                findings.Report(numeric ? DiagnosticCodes.WT3220 : DiagnosticCodes.WT3203, service.At(target), service.Reference, text, service.Name, available);
            }
        }
    }

    private static void CheckIngress(ManifestObject ingress, List<ManifestObject> services, FindingCollector findings)
    {
        var backends = new List<YamlSourceNode>();
        if (ingress.Spec.Path("defaultBackend", "service") is { } defaultBackend)
        {
            backends.Add(defaultBackend);
        }

        var hosts = new List<string>();
        foreach (var rule in ingress.Spec.Child("rules").Items())
        {
            if (rule.Child("host").Text() is { } host)
            {
                hosts.Add(host);
            }

            foreach (var path in rule.Path("http", "paths").Items())
            {
                if (path.Path("backend", "service") is { } backend)
                {
                    backends.Add(backend);
                }
            }
        }

        foreach (var backend in backends)
        {
            var nameNode = backend.Child("name");
            if (nameNode.Text() is not { } name)
            {
                continue;
            }

            var service = services.FirstOrDefault(s => s.Name == name && s.Namespace == ingress.Namespace);
            if (service is null)
            {
                findings.Report(DiagnosticCodes.WT3204, ingress.At(nameNode), ingress.Reference, name);
                continue;
            }

            var port = backend.Child("port");
            var servicePorts = service.Spec.Child("ports").Items().ToList();
            if (port.Child("number") is { } numberNode && YamlSourceNavigation.TryInteger(numberNode, out var number))
            {
                if (!servicePorts.Any(p => YamlSourceNavigation.TryInteger(p.Child("port"), out var n) && n == number))
                {
                    findings.Report(DiagnosticCodes.WT3205, ingress.At(numberNode), ingress.Reference, number, name, ServicePorts(servicePorts));
                }
            }
            else if (port.Child("name") is { } portNameNode && portNameNode.Text() is { } portName
                     && !servicePorts.Any(p => p.Child("name").Text() == portName))
            {
                findings.Report(DiagnosticCodes.WT3205, ingress.At(portNameNode), ingress.Reference, portName, name, ServicePorts(servicePorts));
            }
        }

        foreach (var tls in ingress.Spec.Child("tls").Items())
        {
            foreach (var hostNode in tls.Child("hosts").Items())
            {
                if (hostNode.Text() is { } host && !hosts.Any(h => HostMatches(h, host)))
                {
                    findings.Report(DiagnosticCodes.WT3206, ingress.At(hostNode), ingress.Reference, host, hosts.Count == 0 ? "none" : string.Join(", ", hosts));
                }
            }
        }
    }

    private static bool HostMatches(string ruleHost, string tlsHost)
        => string.Equals(ruleHost, tlsHost, StringComparison.OrdinalIgnoreCase)
           || (tlsHost.StartsWith("*.", StringComparison.Ordinal) && ruleHost.EndsWith(tlsHost[1..], StringComparison.OrdinalIgnoreCase)
               && !ruleHost[..^(tlsHost.Length - 1)].Contains('.', StringComparison.Ordinal));

    internal static string ServicePorts(List<YamlSourceNode> ports)
    {
        var text = string.Join(", ", ports.Select(p => p.Child("name").Text() is { } n ? $"{n} ({p.Child("port").Text()})" : p.Child("port").Text()));
        return text.Length == 0 ? "none" : text;
    }

    private static void CheckReferences(PodTemplate pod, IReadOnlyList<ManifestObject> objects, OutsideProvision outside, FindingCollector findings)
    {
        var owner = pod.Owner;
        var settings = findings.Settings;
        var secrets = CreatedSecrets(objects, owner.Namespace);
        var configMaps = objects.Where(o => o.Kind == "ConfigMap" && o.Group.Length == 0 && o.Namespace == owner.Namespace).Select(o => o.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);

        // A missing object the pod cannot start without is an error, unless a value named it or the release may create
        // it at run time (WT3222); one the pod may start without (an image pull secret) is at most that warning.
        void Missing(DiagnosticCode certain, YamlSourceNode nameNode, string kind, string resource, string setting, string name, string how, bool podNeedsIt)
        {
            var at = owner.At(nameNode);
            var reason = outside.Reason(at, resource)
                         ?? (podNeedsIt ? null : "the pod starts without it when the image is public");
            if (reason is null)
            {
                findings.Report(certain, at, owner.Reference, name, how);
            }
            else
            {
                findings.Report(DiagnosticCodes.WT3222, at, owner.Reference, kind, name, how, reason, setting);
            }
        }

        void Secret(YamlSourceNode? nameNode, YamlSourceNode? optionalParent, string how, bool podNeedsIt = true)
        {
            if (nameNode.Text() is { } name && !optionalParent.Child("optional").IsTrue() && !secrets.Contains(name) && !settings.IsExternalSecret(name, findings.Chart))
            {
                Missing(DiagnosticCodes.WT3207, nameNode!, "Secret", "secrets", "externalSecrets", name, how, podNeedsIt);
            }
        }

        void ConfigMap(YamlSourceNode? nameNode, YamlSourceNode? optionalParent, string how)
        {
            if (nameNode.Text() is { } name && !optionalParent.Child("optional").IsTrue() && !configMaps.Contains(name) && !settings.IsExternalConfigMap(name, findings.Chart)
                && name != RootCertificateConfigMap)
            {
                Missing(DiagnosticCodes.WT3208, nameNode!, "ConfigMap", "configmaps", "externalConfigMaps", name, how, podNeedsIt: true);
            }
        }

        foreach (var container in pod.AllContainers)
        {
            foreach (var source in container.Child("envFrom").Items())
            {
                Secret(source.Path("secretRef", "name"), source.Child("secretRef"), "envFrom");
                ConfigMap(source.Path("configMapRef", "name"), source.Child("configMapRef"), "envFrom");
            }

            foreach (var env in container.Child("env").Items())
            {
                var from = env.Child("valueFrom");
                Secret(from.Path("secretKeyRef", "name"), from.Child("secretKeyRef"), "env.valueFrom");
                ConfigMap(from.Path("configMapKeyRef", "name"), from.Child("configMapKeyRef"), "env.valueFrom");
            }
        }

        foreach (var volume in pod.Spec.Child("volumes").Items())
        {
            Secret(volume.Path("secret", "secretName"), volume.Child("secret"), "volumes");
            ConfigMap(volume.Path("configMap", "name"), volume.Child("configMap"), "volumes");
            foreach (var projected in volume.Path("projected", "sources").Items())
            {
                Secret(projected.Path("secret", "name"), projected.Child("secret"), "volumes (projected)");
                ConfigMap(projected.Path("configMap", "name"), projected.Child("configMap"), "volumes (projected)");
            }
        }

        foreach (var pullSecret in pod.Spec.Child("imagePullSecrets").Items())
        {
            Secret(pullSecret.Child("name"), null, "imagePullSecrets", podNeedsIt: false);
        }

        var accountNode = pod.Spec.Child("serviceAccountName") ?? pod.Spec.Child("serviceAccount");
        if (accountNode.Text() is { } account && account != "default"
            && !objects.Any(o => o.Kind == "ServiceAccount" && o.Group.Length == 0 && o.Name == account && o.Namespace == owner.Namespace)
            && !settings.IsExternalServiceAccount(account, findings.Chart))
        {
            var at = owner.At(accountNode);
            if (outside.Reason(at, "serviceaccounts") is { } reason)
            {
                findings.Report(DiagnosticCodes.WT3222, at, owner.Reference, "ServiceAccount", account, "serviceAccountName", reason, "externalServiceAccounts");
            }
            else
            {
                findings.Report(DiagnosticCodes.WT3209, at, owner.Reference, account);
            }
        }
    }

    /// <summary>Secrets the release creates: Secret objects, ExternalSecret targets (unless the target is left to
    /// something else: creationPolicy None or Merge), cert-manager Certificate secrets.</summary>
    internal static HashSet<string> CreatedSecrets(IReadOnlyList<ManifestObject> objects, string ns)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in objects.Where(o => o.Namespace == ns))
        {
            switch (o.Kind)
            {
                case "Secret" when o.Group.Length == 0 && o.Name is not null:
                    names.Add(o.Name);
                    break;
                case "ExternalSecret" when o.Group == "external-secrets.io":
                    if (o.Spec.Path("target", "creationPolicy").Text() is not ("None" or "Merge")
                        && (o.Spec.Path("target", "name").Text() ?? o.Name) is { } target)
                    {
                        names.Add(target);
                    }

                    break;
                case "Certificate" when o.Group == "cert-manager.io":
                    if (o.Spec.Child("secretName").Text() is { } secretName)
                    {
                        names.Add(secretName);
                    }

                    break;
            }
        }

        return names;
    }

    private static void CheckProbePorts(PodTemplate pod, FindingCollector findings)
    {
        foreach (var container in pod.Containers.Concat(pod.InitContainers))
        {
            var ports = PodTemplate.Ports(container).ToList();
            foreach (var probeName in new[] { "livenessProbe", "readinessProbe", "startupProbe" })
            {
                var probe = container.Child(probeName);
                foreach (var handler in new[] { "httpGet", "tcpSocket", "grpc" })
                {
                    var portNode = probe.Path(handler, "port");
                    if (portNode.Text() is not { } text)
                    {
                        continue;
                    }

                    var numeric = YamlSourceNavigation.TryInteger(portNode, out var number);
                    var exists = numeric ? ports.Count == 0 || ports.Any(p => p.Number == number) : ports.Any(p => p.Name == text);
                    if (!exists)
                    {
                        // The kubelet probes a number whether or not it is declared; a name it cannot resolve fails every probe.
                        findings.Report(numeric ? DiagnosticCodes.WT3221 : DiagnosticCodes.WT3210, pod.Owner.At(portNode), pod.Owner.Reference, probeName, text,
                            container.Child("name").Text(), AvailablePorts(ports));
                    }
                }
            }
        }
    }

    private static void CheckAutoscaler(ManifestObject hpa, IReadOnlyList<ManifestObject> objects, FindingCollector findings)
    {
        var reference = hpa.Spec.Child("scaleTargetRef");
        var kind = reference.Child("kind").Text();
        var name = reference.Child("name").Text();
        if (kind is null || name is null)
        {
            return;
        }

        var apiVersion = reference.Child("apiVersion").Text();
        var target = objects.FirstOrDefault(o => o.Kind == kind && o.Name == name && o.Namespace == hpa.Namespace
                                                 && (apiVersion is null || o.ApiVersion == apiVersion));
        if (target is null)
        {
            findings.Report(DiagnosticCodes.WT3211, hpa.At(reference.Child("name")), hpa.Reference, kind, name);
            return;
        }

        if (target.Spec.KeyNode("replicas") is { } replicas && !target.Spec.Child("replicas").IsNull())
        {
            findings.Report(DiagnosticCodes.WT3212, target.At(replicas), target.Reference, target.Kind, target.Name, hpa.Name);
        }
    }

    private static string AvailablePorts(IEnumerable<(string? Name, long Number)> ports)
    {
        var text = string.Join(", ", ports.Select(p => p.Name is null ? $"{p.Number}" : $"{p.Name} ({p.Number})").Distinct());
        return text.Length == 0 ? "none" : text;
    }

    private static string Labels(Dictionary<string, string> labels)
        => labels.Count == 0 ? "none" : string.Join(", ", labels.Select(kv => $"{kv.Key}={kv.Value}"));
}
