#:package YamlDotNet@18.1.0
#:property ManagePackageVersionsCentrally=false
// Reads `welltrack template` output on standard input and prints, as shell assignments, how the chart's Deployment
// runs its container: image, container port, probe paths, user, read-only root, and the environment it would get
// from literal env entries and the ConfigMaps it names (envFrom / configMapKeyRef). Secret references are listed,
// not resolved: in the demo there is no External Secrets operator to create them.
//   welltrack template charts/welltrack-backend | dotnet run eng/deployment-spec.cs
using YamlDotNet.RepresentationModel;

var stream = new YamlStream();
stream.Load(new StringReader(Console.In.ReadToEnd()));
var objects = stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().ToList();

string? Text(YamlNode? node, params string[] path)
{
    foreach (var key in path)
    {
        if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out node))
        {
            return null;
        }
    }

    return (node as YamlScalarNode)?.Value;
}

YamlNode? Child(YamlNode? node, params string[] path)
{
    foreach (var key in path)
    {
        if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out node))
        {
            return null;
        }
    }

    return node;
}

IEnumerable<YamlNode> Items(YamlNode? node) => node is YamlSequenceNode sequence ? sequence.Children : [];

var deployment = objects.FirstOrDefault(o => Text(o, "kind") == "Deployment")
    ?? throw new InvalidOperationException("The rendered chart has no Deployment.");
var container = Items(Child(deployment, "spec", "template", "spec", "containers")).First();
var configMaps = objects.Where(o => Text(o, "kind") == "ConfigMap")
    .ToDictionary(o => Text(o, "metadata", "name") ?? string.Empty, o => Child(o, "data") as YamlMappingNode);

string Quote(string value) => "'" + value.Replace("'", "'\\''") + "'";
var ports = Items(Child(container, "ports")).ToList();
string? PortNumber(string? nameOrNumber)
    => int.TryParse(nameOrNumber, out _) ? nameOrNumber
       : ports.Where(p => Text(p, "name") == nameOrNumber).Select(p => Text(p, "containerPort")).FirstOrDefault();

Console.WriteLine($"image={Quote(Text(container, "image")!)}");
Console.WriteLine($"container_port={PortNumber(Text(ports.FirstOrDefault(), "name")) ?? Text(ports.FirstOrDefault(), "containerPort")}");
Console.WriteLine($"liveness_path={Quote(Text(container, "livenessProbe", "httpGet", "path") ?? "/healthz")}");
Console.WriteLine($"readiness_path={Quote(Text(container, "readinessProbe", "httpGet", "path") ?? "/readyz")}");
Console.WriteLine($"run_user={Text(container, "securityContext", "runAsUser") ?? Text(deployment, "spec", "template", "spec", "securityContext", "runAsUser") ?? string.Empty}");
Console.WriteLine($"read_only={(Text(container, "securityContext", "readOnlyRootFilesystem") == "true" ? 1 : 0)}");

var environment = new List<string>();
var secrets = new List<string>();
foreach (var source in Items(Child(container, "envFrom")))
{
    if (Text(source, "configMapRef", "name") is { } map && configMaps.TryGetValue(map, out var data) && data is not null)
    {
        environment.AddRange(data.Children.Select(kv => $"{((YamlScalarNode)kv.Key).Value}={((YamlScalarNode)kv.Value).Value}"));
    }
    else if (Text(source, "secretRef", "name") is { } secret)
    {
        secrets.Add($"all keys of Secret {secret}");
    }
}

foreach (var variable in Items(Child(container, "env")))
{
    var name = Text(variable, "name");
    if (Text(variable, "value") is { } value)
    {
        environment.Add($"{name}={value}");
    }
    else if (Text(variable, "valueFrom", "configMapKeyRef", "name") is { } map && configMaps.TryGetValue(map, out var data)
             && data?.Children.TryGetValue(new YamlScalarNode(Text(variable, "valueFrom", "configMapKeyRef", "key")!), out var entry) == true)
    {
        environment.Add($"{name}={((YamlScalarNode)entry).Value}");
    }
    else if (Text(variable, "valueFrom", "secretKeyRef", "name") is { } secret)
    {
        secrets.Add($"{name} from Secret {secret}");
    }
}

Console.WriteLine($"environment=({string.Join(' ', environment.Select(Quote))})");
Console.WriteLine($"secret_references=({string.Join(' ', secrets.Select(Quote))})");
