namespace WellTrack.Testing;

/// <summary>
/// A GitOps repository for tests: a bare remote with three charts whose values files look like the WellTrack ones
/// (comments, blank lines, a digest key on the backend), plus a private cache directory for the bump's clones.
/// </summary>
public sealed class GitOpsFixture : IDisposable
{
    public const string InitialTag = "1a2b3c4";

    private readonly TemporaryDirectory _directory = new("welltrack-gitops-");

    public GitOpsFixture(IReadOnlyDictionary<string, string>? extraFiles = null)
    {
        var files = new Dictionary<string, string>
        {
            ["charts/welltrack-frontend/Chart.yaml"] = Chart("welltrack-frontend"),
            ["charts/welltrack-frontend/templates/configmap.yaml"] = Template,
            ["charts/welltrack-backend/templates/configmap.yaml"] = Template,
            ["charts/welltrack-ml/templates/configmap.yaml"] = Template,
            ["charts/welltrack-frontend/values.yaml"] = Values("welltrack-frontend", 3000, withDigest: false),
            ["charts/welltrack-backend/Chart.yaml"] = Chart("welltrack-backend"),
            ["charts/welltrack-backend/values.yaml"] = Values("welltrack-backend", 3001, withDigest: true),
            ["charts/welltrack-ml/Chart.yaml"] = Chart("welltrack-ml"),
            ["charts/welltrack-ml/values.yaml"] = Values("welltrack-ml", 5001, withDigest: false),
            ["README.md"] = "# GitOps\n",
        };
        foreach (var (path, content) in extraFiles ?? new Dictionary<string, string>())
        {
            files[path] = content;
        }

        BareRepository = TestGit.CreateBareRepository(_directory.Path, files);
        CacheDirectory = _directory.CreateDirectory("cache");
    }

    public string Root => _directory.Path;

    public string BareRepository { get; }

    public string CacheDirectory { get; }

    public string Show(string path, string revision = "main") => TestGit.Show(BareRepository, revision, path);

    public IReadOnlyList<string> Commits() => TestGit.Log(BareRepository);

    /// <summary>What a second pipeline would do: clone, change a file, commit and push.</summary>
    public void PushConcurrentChange(string path, Func<string, string> change, string message = "A concurrent change")
    {
        var clone = Path.Combine(Root, "concurrent-" + Guid.NewGuid().ToString("N")[..8]);
        TestGit.Run(Root, "clone", "--quiet", BareRepository, clone);
        var file = Path.Combine(clone, path);
        File.WriteAllText(file, change(File.ReadAllText(file)));
        TestGit.Run(clone, "commit", "--quiet", "-am", message);
        TestGit.Run(clone, "push", "--quiet", "origin", "HEAD:main");
        TemporaryDirectory.Delete(clone);
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>
    /// The smallest template that makes each chart a real one: it renders the image reference, so a bump's chart
    /// validation (which every bump runs before committing) has an object to check.
    /// </summary>
    public const string Template = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ .Chart.Name }}-image
        data:
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"

        """;

    public static string Chart(string name) => $"apiVersion: v2\nname: {name}\nversion: 0.1.0\nappVersion: \"1.0.0\"\n";

    public static string Values(string name, int port, bool withDigest)
        => $"""
           # Values for {name}.
           replicaCount: 1

           image:
             repository: ghcr.io/hongda-zhu/{name}
             tag: {InitialTag} # Updated by CI
           {(withDigest ? "  digest: \"\"\n" : string.Empty)}  pullPolicy: IfNotPresent

           service:
             port: {port}
           """.Replace("\r\n", "\n") + "\n";
}
