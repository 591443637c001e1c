using System.Text;
using WellTrack.Testing;

namespace WellTrack.Templates.Tests;

/// <summary>
/// Snapshots of what the templates generate: the file tree and the key files, with the run's names scrubbed (SDK
/// version, feed path, service and chart names). A change to a template shows up here as a reviewable diff, the new
/// output under artifacts/received/; after reviewing it, accept it with eng/regenerate-goldens.sh --accept and commit
/// Snapshots/. A run never rewrites a snapshot.
/// </summary>
[TestClass]
public sealed class SnapshotTests
{
    private static readonly string[] ServiceKeyFiles =
    [
        "global.json", "{Name}.slnx", "src/{Name}/{Name}.csproj", "src/{Name}/Program.cs", "tests/{Name}.Tests/{Name}.Tests.csproj",
        "charts/{chart}/Chart.yaml", "charts/{chart}/values.yaml", ".github/workflows/{chart}.yml", "NuGet.config", "README.md",
    ];

    private static readonly string[] GitOpsKeyFiles = ["global.json", "GitOps.proj", "welltrack.yaml", ".github/workflows/validate.yml", "README.md"];

    [TestMethod]
    [DataRow("service-default", "")]
    [DataRow("service-ci-none-no-chart", "--ci none --no-chart")]
    [DataRow("service-options", "--port 3002 --host pay.example.com --registry harbor.example.com/welltrack --gitops-repo https://github.com/example/gitops.git")]
    public async Task ServiceTemplate(string snapshot, string options)
    {
        using var service = await GeneratedTemplate.CreateAsync("welltrack-service", "Payments.Api", options.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Verify(snapshot, Render(service, ServiceKeyFiles, ("Payments.Api", "{Name}"), ("payments-api", "{chart}")));
    }

    [TestMethod]
    [DataRow("gitops-default", "")]
    [DataRow("gitops-ci-none", "--ci none --branch production")]
    public async Task GitOpsTemplate(string snapshot, string options)
    {
        using var gitops = await GeneratedTemplate.CreateAsync("welltrack-gitops", "GitOps", options.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Verify(snapshot, Render(gitops, GitOpsKeyFiles));
    }

    private static string Render(GeneratedTemplate generated, string[] keyFiles, params (string Name, string Placeholder)[] names)
    {
        string Scrub(string text)
        {
            text = text.Replace(TemplatePackage.Feed, "{Feed}").Replace(TemplatePackage.SdkVersion, "{SdkVersion}");
            foreach (var (name, placeholder) in names)
            {
                text = text.Replace(name, placeholder);
            }

            return text.Replace("\r\n", "\n");
        }

        var files = generated.Files();
        var builder = new StringBuilder();
        builder.Append("## files\n");
        foreach (var file in files)
        {
            builder.Append(Scrub(file)).Append('\n');
        }

        foreach (var key in keyFiles)
        {
            var file = files.FirstOrDefault(f => Scrub(f) == key);
            if (file is null)
            {
                continue;
            }

            builder.Append("\n## ").Append(key).Append('\n').Append(Scrub(generated.Read(file)));
        }

        return builder.ToString();
    }

    private static void Verify(string name, string actual)
    {
        var path = Path.Combine(TemplatePackage.RepositoryRoot, "tests", "WellTrack.Templates.Tests", "Snapshots", name + ".txt");
        if (!File.Exists(path))
        {
            Assert.Fail($"No snapshot {path}. {ReceivedFile.Write(TemplatePackage.RepositoryRoot, path, actual)}");
        }

        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected != actual)
        {
            var expectedLines = expected.Split('\n');
            var actualLines = actual.Split('\n');
            var first = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length)).FirstOrDefault(i => expectedLines[i] != actualLines[i], Math.Min(expectedLines.Length, actualLines.Length));
            Assert.Fail($"{name}: snapshot differs from line {first + 1}:\n  expected: {expectedLines.ElementAtOrDefault(first)}\n  actual:   {actualLines.ElementAtOrDefault(first)}\n" +
                        ReceivedFile.Write(TemplatePackage.RepositoryRoot, path, actual));
        }
    }
}
