namespace WellTrack.Testing;

/// <summary>Runs real git for tests, with an isolated configuration so the machine's settings cannot leak in.</summary>
public static class TestGit
{
    public static string Run(string workingDirectory, params string[] arguments)
    {
        var (code, output, error) = TryRun(workingDirectory, arguments);
        if (code != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed ({code}): {error}{output}");
        }

        return output;
    }

    private static readonly IReadOnlyDictionary<string, string?> Identity = new Dictionary<string, string?>
    {
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_AUTHOR_NAME"] = "Test Author",
        ["GIT_AUTHOR_EMAIL"] = "author@example.test",
        ["GIT_COMMITTER_NAME"] = "Test Author",
        ["GIT_COMMITTER_EMAIL"] = "author@example.test",
    };

    public static (int ExitCode, string Output, string Error) TryRun(string workingDirectory, params string[] arguments)
    {
        var result = ProcessRunner.RunAsync("git", arguments, workingDirectory, Identity, TimeSpan.FromMinutes(2)).GetAwaiter().GetResult();
        return (result.ExitCode, result.Output, result.Error);
    }

    /// <summary>Creates a bare repository with branch main holding <paramref name="files"/>, and returns its path.</summary>
    public static string CreateBareRepository(string parent, IReadOnlyDictionary<string, string> files, string name = "gitops.git")
    {
        var seed = Path.Combine(parent, name + "-seed");
        Directory.CreateDirectory(seed);
        Run(seed, "init", "--quiet", "--initial-branch=main");
        WriteFiles(seed, files);
        Run(seed, "add", "--all");
        Run(seed, "commit", "--quiet", "-m", "Seed the GitOps repository");
        var bare = Path.Combine(parent, name);
        Run(parent, "clone", "--quiet", "--bare", seed, bare);
        TemporaryDirectory.Delete(seed);
        return bare;
    }

    /// <summary>Copies a directory tree into a new bare repository (the charts of this repository, say).</summary>
    public static string CreateBareRepositoryFromDirectory(string parent, string sourceDirectory, string prefix, string name = "gitops.git")
    {
        var files = Directory.EnumerateFiles(sourceDirectory, "*", SearchOption.AllDirectories)
            .ToDictionary(
                file => prefix + "/" + Path.GetRelativePath(sourceDirectory, file).Replace('\\', '/'),
                File.ReadAllText);
        return CreateBareRepository(parent, files, name);
    }

    public static void WriteFiles(string root, IReadOnlyDictionary<string, string> files)
    {
        foreach (var (relative, content) in files)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
        }
    }

    /// <summary>The contents of a file at a revision of a (bare) repository.</summary>
    public static string Show(string repository, string revision, string path) => Run(repository, "show", $"{revision}:{path}");

    public static IReadOnlyList<string> Log(string repository, string branch = "main")
        => Run(repository, "log", "--format=%H", branch).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static string Head(string repository, string branch = "main") => Run(repository, "rev-parse", branch).Trim();
}
