using System.Xml.Linq;

namespace WellTrack.Core.Tests.Architecture;

/// <summary>
/// The layers of sdk/ as folders, bottom first, and the references between their projects read from the MSBuild files
/// (project files and the .targets they share). A layer may use only the layers below it; the two front ends do not use
/// each other. docs/architecture.md describes the same order.
/// </summary>
internal static class ProjectLayers
{
    public static readonly string[] Order = ["diagnostics", "engine", "core", "frontends", "packages"];

    public sealed record Reference(string From, string To);

    /// <summary>Every reference in <paramref name="sdkDirectory"/> that breaks the layering, described for a human.</summary>
    public static List<string> Violations(string sdkDirectory)
    {
        var violations = new List<string>();
        foreach (var file in MSBuildFiles(sdkDirectory))
        {
            var fromLayer = LayerOf(sdkDirectory, file);
            if (fromLayer < 0)
            {
                violations.Add($"{Relative(sdkDirectory, file)} is in no layer folder ({string.Join(", ", Order)})");
                continue;
            }

            foreach (var target in ReferencedProjects(file))
            {
                var toLayer = LayerOf(sdkDirectory, target);
                var allowed = toLayer >= 0 && (toLayer < fromLayer || SameProject(file, target));
                if (!allowed)
                {
                    violations.Add($"{Relative(sdkDirectory, file)} ({Name(fromLayer)}) references {Relative(sdkDirectory, target)} ({Name(toLayer)})");
                }
            }
        }

        return violations;
    }

    private static IEnumerable<string> MSBuildFiles(string sdkDirectory)
        => Directory.EnumerateFiles(sdkDirectory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".csproj", StringComparison.Ordinal) || f.EndsWith(".targets", StringComparison.Ordinal) || f.EndsWith(".props", StringComparison.Ordinal))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Where(f => Path.GetDirectoryName(f) != sdkDirectory.TrimEnd(Path.DirectorySeparatorChar))
            .Order(StringComparer.Ordinal);

    private static IEnumerable<string> ReferencedProjects(string file)
    {
        var directory = Path.GetDirectoryName(file)!;
        return XDocument.Load(file).Descendants()
            .Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => (string?)e.Attribute("Include"))
            .Where(include => !string.IsNullOrEmpty(include))
            .Select(include => Path.GetFullPath(Path.Combine(directory, include!.Replace("$(MSBuildThisFileDirectory)", "", StringComparison.Ordinal).Replace('\\', '/'))));
    }

    /// <summary>The index in <see cref="Order"/> of the layer folder holding <paramref name="path"/>, or -1.</summary>
    private static int LayerOf(string sdkDirectory, string path)
    {
        var relative = Relative(sdkDirectory, path);
        var first = relative.Split('/')[0];
        return relative.StartsWith("..", StringComparison.Ordinal) ? -1 : Array.IndexOf(Order, first);
    }

    private static bool SameProject(string file, string target)
        => Path.GetDirectoryName(file) == Path.GetDirectoryName(target);

    private static string Name(int layer) => layer < 0 ? "outside the layers" : Order[layer];

    private static string Relative(string sdkDirectory, string path)
        => Path.GetRelativePath(sdkDirectory, path).Replace('\\', '/');
}
