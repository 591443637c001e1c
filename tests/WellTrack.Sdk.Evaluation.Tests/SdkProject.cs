using System.Security;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Execution;
using WellTrack.Testing;

namespace WellTrack.Sdk.Evaluation.Tests;

/// <summary>
/// A project on one of the SDKs, imported by path from sdk/packages/&lt;sdk&gt;/Sdk in the source tree (the layout
/// the package has, so nothing is packed), in a temporary directory of its own with its own Directory.Build.props.
/// </summary>
internal sealed class SdkProject : IDisposable
{
    public const string ServiceSdk = "WellTrack.Sdk";
    public const string GitOpsSdk = "WellTrack.Sdk.GitOps";

    private readonly TemporaryDirectory _directory = new("welltrack-evaluation-");
    private readonly Dictionary<string, string> _globalProperties = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _sdk;
    private readonly string _fileName;
    private readonly List<(string Name, string Value)> _bodyProperties = [];
    private readonly List<(string Name, string Value)> _directoryBuildProperties = [];
    private string _extraBody = string.Empty;

    private SdkProject(string sdk, string fileName)
    {
        _sdk = sdk;
        _fileName = fileName;
    }

    /// <summary>A service named WellTrack.Backend, as the README's example, on WellTrack.Sdk.</summary>
    public static SdkProject Service() => new(ServiceSdk, "WellTrack.Backend.csproj");

    /// <summary>A GitOps repository's GitOps.proj on WellTrack.Sdk.GitOps.</summary>
    public static SdkProject GitOps() => new(GitOpsSdk, "GitOps.proj");

    public string Directory => _directory.Path;

    public string FullPath => Path.Combine(Directory, _fileName);

    public static string RepositoryRoot => RepositoryPaths.Root(typeof(SdkProject).Assembly);

    public static string SdkDirectory(string sdk) => Path.Combine(RepositoryRoot, "sdk", "packages", sdk, "Sdk");

    /// <summary>Sets every property in <paramref name="overrides"/> from <paramref name="source"/>, evaluates, and asserts
    /// that each value won over the SDK's default.</summary>
    public void AssertEveryOverrideWins(PropertySource source, IReadOnlyDictionary<string, string> overrides)
    {
        foreach (var (name, value) in overrides)
        {
            Set(source, name, value);
        }

        var project = Evaluate();
        foreach (var (name, value) in overrides)
        {
            Assert.AreEqual(value, project.GetPropertyValue(name), $"{name} set in {source}");
        }
    }

    public SdkProject Set(PropertySource source, string name, string value)
    {
        switch (source)
        {
            case PropertySource.CommandLine:
                _globalProperties[name] = value;
                break;
            case PropertySource.DirectoryBuildProps:
                _directoryBuildProperties.Add((name, value));
                break;
            default:
                _bodyProperties.Add((name, value));
                break;
        }

        return this;
    }

    /// <summary>Adds raw XML (targets, item groups) to the project body, after its properties.</summary>
    public SdkProject WithBody(string xml)
    {
        _extraBody += xml;
        return this;
    }

    /// <summary>Writes a file beside the project and returns its full path.</summary>
    public string WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Evaluates the project in a fresh collection, so no evaluation leaks into another test.</summary>
    public ProjectInstance Evaluate()
    {
        Write();
        using var collection = new ProjectCollection(_globalProperties);
        var project = collection.LoadProject(FullPath);
        return project.CreateProjectInstance();
    }

    /// <summary>Runs <paramref name="targets"/> in this process and records what happened.</summary>
    public BuildRecord Build(params string[] targets)
    {
        var instance = Evaluate();
        var record = new BuildRecord();
        record.Succeeded = instance.Build(targets, [record]);
        return record;
    }

    /// <summary>
    /// Restores in this process, as <c>dotnet build</c> does before building, from an empty local feed: a GitOps project
    /// needs no package, and Microsoft.Build.NoTargets comes from the global packages folder (offline from the cache).
    /// </summary>
    public void Restore()
    {
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "feed"));
        WriteFile("NuGet.config", """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="empty" value="feed" />
              </packageSources>
            </configuration>
            """);
        Write();
        // A separate evaluation, as -restore does: restore writes imports the build's evaluation must then read.
        var restoreProperties = new Dictionary<string, string>(_globalProperties, StringComparer.OrdinalIgnoreCase)
        {
            ["MSBuildRestoreSessionId"] = Guid.NewGuid().ToString("D"),
            ["ExcludeRestorePackageImports"] = "true",
        };
        using var collection = new ProjectCollection(restoreProperties);
        var record = new BuildRecord();
        if (!collection.LoadProject(FullPath).CreateProjectInstance().Build(["Restore"], [record]))
        {
            throw new InvalidOperationException($"Restore failed:\n{record.Text}");
        }
    }

    public void Dispose() => _directory.Dispose();

    private void Write()
    {
        // A Directory.Build.props of its own, even an empty one, also stops MSBuild looking above the temp directory.
        WriteFile("Directory.Build.props", $"<Project>\n  <PropertyGroup>\n{Properties(_directoryBuildProperties)}  </PropertyGroup>\n</Project>\n");
        var sdk = SdkDirectory(_sdk);
        WriteFile(_fileName, $"""
            <Project>
              <Import Project="{Path.Combine(sdk, "Sdk.props")}" />
              <PropertyGroup>
            {Properties(_bodyProperties)}  </PropertyGroup>
            {_extraBody}
              <Import Project="{Path.Combine(sdk, "Sdk.targets")}" />
            </Project>
            """);
    }

    private static string Properties(IEnumerable<(string Name, string Value)> properties)
        => string.Concat(properties.Select(p => $"    <{p.Name}>{SecurityElement.Escape(p.Value)}</{p.Name}>\n"));
}
