using System.Runtime.CompilerServices;

namespace WellTrack.Core.Tests.Secrets;

/// <summary>One labelled case: a file or a small repository under Corpus/, and the findings it must produce exactly.</summary>
internal sealed record CorpusCase(string Path, IReadOnlyList<string> Expected)
{
    public bool IsLookAlike => Path.StartsWith("fp/", StringComparison.Ordinal);
}

/// <summary>Reads Corpus/expectations.txt and lays cases out on disk with their fake secrets made.</summary>
internal static class SecretCorpus
{
    public static string Directory { get; } = Locate();

    public static IReadOnlyList<CorpusCase> Cases { get; } = Load();

    /// <summary>
    /// Writes the case under <paramref name="destination"/> (which becomes the scan root), expanding fake markers.
    /// A single-file case becomes one file at the root; a directory case keeps its tree.
    /// </summary>
    public static void Materialize(CorpusCase corpusCase, string destination, FakeSecrets fakes)
    {
        var source = System.IO.Path.Combine(Directory, corpusCase.Path);
        System.IO.Directory.CreateDirectory(destination);
        if (File.Exists(source))
        {
            File.WriteAllText(System.IO.Path.Combine(destination, System.IO.Path.GetFileName(source)), fakes.Expand(File.ReadAllText(source)));
            return;
        }

        foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(destination, System.IO.Path.GetRelativePath(source, file));
            System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.WriteAllText(target, fakes.Expand(File.ReadAllText(file)));
        }
    }

    public static int Seed(CorpusCase corpusCase)
    {
        var hash = 17;
        foreach (var c in corpusCase.Path)
        {
            hash = unchecked(hash * 31 + c);
        }

        return hash;
    }

    private static List<CorpusCase> Load()
    {
        var cases = new List<CorpusCase>();
        foreach (var line in File.ReadAllLines(System.IO.Path.Combine(Directory, "expectations.txt")))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            var expected = parts[1] == "-" ? [] : parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            cases.Add(new CorpusCase(parts[0], expected));
        }

        return cases;
    }

    // Corpus/ is copied to the output when the project says so; otherwise it is found in the source tree.
    private static string Locate([CallerFilePath] string sourceFile = "")
    {
        var beside = System.IO.Path.Combine(AppContext.BaseDirectory, "Secrets", "Corpus");
        if (File.Exists(System.IO.Path.Combine(beside, "expectations.txt")))
        {
            return beside;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "tests", "WellTrack.Core.Tests", "Secrets", "Corpus");
            if (File.Exists(System.IO.Path.Combine(candidate, "expectations.txt")))
            {
                return candidate;
            }
        }

        var fromSource = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(sourceFile) ?? ".", "Corpus");
        return File.Exists(System.IO.Path.Combine(fromSource, "expectations.txt"))
            ? fromSource
            : throw new InvalidOperationException("Secrets/Corpus/expectations.txt not found beside the tests or in the source tree.");
    }
}
