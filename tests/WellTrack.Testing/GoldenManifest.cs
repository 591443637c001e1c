using System.Security.Cryptography;
using System.Text.Json;

namespace WellTrack.Testing;

/// <summary>
/// The golden-manifest.json that eng/regenerate-goldens.sh writes beside each golden set: the sha256 of the oracle's
/// sources and of every input (charts, cases) and golden file of the set. Recomputing the hashes tells whether the
/// goldens still agree with what they were made from: a chart edited without regenerating, a case added, a golden
/// edited by hand.
/// </summary>
public sealed class GoldenManifest
{
    public const string FileName = "golden-manifest.json";

    public const string Remedy = "Run eng/regenerate-goldens.sh and commit what it changes.";

    private readonly string _repositoryRoot;
    private readonly IReadOnlyList<string> _inputRoots;
    private readonly IReadOnlyDictionary<string, string> _inputs;
    private readonly IReadOnlyDictionary<string, string> _outputs;

    private GoldenManifest(string repositoryRoot, string setDirectory, JsonElement json)
    {
        _repositoryRoot = repositoryRoot;
        SetDirectory = setDirectory;
        Oracle = json.GetProperty("oracle").GetString()!;
        _inputRoots = json.GetProperty("inputRoots").EnumerateArray().Select(e => e.GetString()!).ToList();
        _inputs = Hashes(json.GetProperty("inputs"));
        _outputs = Hashes(json.GetProperty("outputs"));
    }

    /// <summary>The golden set's directory, relative to the repository, with '/'.</summary>
    public string SetDirectory { get; }

    /// <summary>The sha256 of the oracle's sources the set was made with.</summary>
    public string Oracle { get; }

    public int OutputCount => _outputs.Count;

    public static GoldenManifest Read(string repositoryRoot, string setDirectory)
    {
        var path = Path.Combine(repositoryRoot, setDirectory, FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{setDirectory} has no {FileName}. {Remedy}", path);
        }

        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        return new GoldenManifest(repositoryRoot, setDirectory.Replace('\\', '/'), json.RootElement.Clone());
    }

    /// <summary>Every golden set of the repository: the directories under tests/ that hold a manifest.</summary>
    public static IReadOnlyList<GoldenManifest> All(string repositoryRoot)
        => Directory.EnumerateFiles(Path.Combine(repositoryRoot, "tests"), FileName, SearchOption.AllDirectories)
            .Select(file => Relative(repositoryRoot, Path.GetDirectoryName(file)!))
            .Order(StringComparer.Ordinal)
            .Select(directory => Read(repositoryRoot, directory))
            .ToList();

    /// <summary>What no longer agrees, one line each; empty when the goldens are current.</summary>
    public IReadOnlyList<string> Disagreements()
    {
        var manifest = SetDirectory + "/" + FileName;
        var found = new HashSet<string>(StringComparer.Ordinal);
        var disagreements = new List<string>();
        foreach (var file in _inputRoots.Append(SetDirectory).SelectMany(FilesUnder).Distinct(StringComparer.Ordinal).Where(f => f != manifest).Order(StringComparer.Ordinal))
        {
            found.Add(file);
            var hash = Sha256(file);
            if (_outputs.TryGetValue(file, out var golden))
            {
                if (golden != hash)
                {
                    disagreements.Add($"golden {file} is not what the oracle made (edited by hand?)");
                }
            }
            else if (_inputs.TryGetValue(file, out var input))
            {
                if (input != hash)
                {
                    disagreements.Add($"{file} changed since the goldens were made");
                }
            }
            else
            {
                disagreements.Add($"{file} is new since the goldens were made");
            }
        }

        disagreements.AddRange(_inputs.Keys.Concat(_outputs.Keys).Where(f => !found.Contains(f)).Order(StringComparer.Ordinal)
            .Select(f => $"{f} was removed since the goldens were made"));
        return disagreements;
    }

    private IEnumerable<string> FilesUnder(string relativeDirectory)
    {
        var directory = Path.Combine(_repositoryRoot, relativeDirectory);
        return Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Select(f => Relative(_repositoryRoot, f))
            : [];
    }

    private string Sha256(string relativeFile)
        => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(_repositoryRoot, relativeFile))));

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static Dictionary<string, string> Hashes(JsonElement element)
        => element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
}
