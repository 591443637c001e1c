using System.Globalization;
using System.Text;
using WellTrack.Testing;

namespace WellTrack.Templates.Tests;

/// <summary>
/// One instantiation of a template from the private hive into its own temporary directory, pinned to the packed
/// WellTrack.Sdk and its feed (<c>--sdk-version</c>, <c>--feed</c>) as the tests need, plus the commands users run in it.
/// </summary>
internal sealed class GeneratedTemplate : IDisposable
{
    private readonly TemporaryDirectory _root;

    private GeneratedTemplate(TemporaryDirectory root, string directory, ProcessRunner.Result result)
    {
        _root = root;
        Directory = directory;
        Result = result;
    }

    /// <summary>The generated tree.</summary>
    public string Directory { get; }

    /// <summary>What <c>dotnet new</c> printed.</summary>
    public ProcessRunner.Result Result { get; }

    /// <summary>Scratch space beside the generated tree (GitOps cache clones, bare remotes).</summary>
    public string Root => _root.Path;

    public static async Task<GeneratedTemplate> CreateAsync(string template, string name, IEnumerable<string> options, bool pinTestSdk = true, bool restore = false)
    {
        var root = new TemporaryDirectory($"welltrack-{template}-");
        var directory = Path.Combine(root.Path, name);
        List<string> arguments = ["new", template, "-n", name, "-o", directory, "--debug:custom-hive", TemplatePackage.Hive];
        if (pinTestSdk)
        {
            arguments.AddRange(["--sdk-version", TemplatePackage.SdkVersion, "--feed", TemplatePackage.Feed]);
        }

        if (!restore)
        {
            arguments.Add("--no-restore");
        }

        arguments.AddRange(options);
        var result = await DotnetCli.RunAsync(root.Path, arguments, Environment());
        if (result.ExitCode != 0)
        {
            root.Dispose();
            throw new AssertFailedException($"dotnet {string.Join(' ', arguments)} failed ({result.ExitCode}):\n{result.Output}\n{result.Error}");
        }

        return new GeneratedTemplate(root, directory, result);
    }

    /// <summary>Runs dotnet in the generated tree, with a private GitOps cache.</summary>
    public Task<ProcessRunner.Result> DotnetAsync(params string[] arguments) => DotnetAsync(arguments, null);

    public Task<ProcessRunner.Result> DotnetAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment)
    {
        var variables = new Dictionary<string, string?>(Environment()) { ["WELLTRACK_CACHE"] = Path.Combine(Root, "cache") };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[key] = value;
        }

        return DotnetCli.RunAsync(Directory, arguments, variables);
    }

    /// <summary>Runs dotnet and fails the test with its output when it fails.</summary>
    public async Task<ProcessRunner.Result> DotnetSucceedsAsync(params string[] arguments)
    {
        var result = await DotnetAsync(arguments);
        Assert.AreEqual(0, result.ExitCode, $"dotnet {string.Join(' ', arguments)} in {Directory} failed:\n{result.Output}\n{result.Error}");
        return result;
    }

    public string FullPath(string relative) => System.IO.Path.Combine(Directory, relative);

    public string Read(string relative) => File.ReadAllText(FullPath(relative));

    public bool Exists(string relative) => File.Exists(FullPath(relative)) || System.IO.Directory.Exists(FullPath(relative));

    /// <summary>Every generated file, relative, '/'-separated, sorted ordinally.</summary>
    public IReadOnlyList<string> Files()
        => System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories)
            .Select(file => System.IO.Path.GetRelativePath(Directory, file).Replace('\\', '/'))
            .Where(file => !file.StartsWith(".git/", StringComparison.Ordinal) && !IsBuildOutput(file))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Template placeholders that must never survive instantiation.</summary>
    public void AssertNoPlaceholderLeft()
    {
        string[] placeholders = ["Sample.Service", "sample-service", "Sample_Service", "sample.service", "0.0.0-welltrack-sdk-version", "WELLTRACK_NUGET_SOURCE", "gitops-default-branch", "hongda-zhu/sample"];
        var found = new StringBuilder();
        foreach (var file in Files())
        {
            var text = Read(file);
            foreach (var placeholder in placeholders.Where(p => file.Contains(p, StringComparison.Ordinal) || text.Contains(p, StringComparison.Ordinal)))
            {
                found.AppendLine(CultureInfo.InvariantCulture, $"{file}: {placeholder}");
            }
        }

        Assert.AreEqual(string.Empty, found.ToString(), "template placeholders left in the generated tree");
    }

    public void Dispose() => _root.Dispose();

    private static bool IsBuildOutput(string file)
        => file.Split('/') is var parts && parts.Any(part => part is "bin" or "obj" or "TestResults");

    private static IReadOnlyDictionary<string, string?> Environment() => new Dictionary<string, string?>
    {
        // A generated repository is standalone: nothing from the test host's build may leak into it.
        ["WELLTRACK_ARTIFACTS"] = null,
    };
}
