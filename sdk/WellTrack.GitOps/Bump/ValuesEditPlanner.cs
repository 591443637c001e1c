using System.Text.RegularExpressions;
using WellTrack.GitOps.Diagnostics;
using WellTrack.GitOps.Yaml;

namespace WellTrack.GitOps.Bump;

/// <summary>
/// Computes, in memory, the new bytes of each chart's values files for a bump. Nothing is written here, so a dry
/// run and a real run share exactly the same edit, and a failure anywhere leaves every file untouched.
/// </summary>
public static partial class ValuesEditPlanner
{
    public const string TagPath = "image.tag";
    public const string DigestPath = "image.digest";
    public const string RepositoryPath = "image.repository";

    public static ValuesEditPlan Plan(string repositoryRoot, BumpRequest request)
    {
        var files = new List<BumpFileChange>();
        var diagnostics = new List<Diagnostic>();
        var root = Path.GetFullPath(repositoryRoot);
        foreach (var chart in request.Charts)
        {
            if (!ChartName().IsMatch(chart))
            {
                diagnostics.Add(Diagnostic.Error("WT1101", null, chart));
                continue;
            }

            var chartDirectory = Path.Combine(request.ChartsDirectory, chart);
            if (!Directory.Exists(Path.Combine(root, chartDirectory)))
            {
                diagnostics.Add(Diagnostic.Error("WT1103", SourceLocation.InFile(Normalize(chartDirectory)), chart, Normalize(request.ChartsDirectory)));
                continue;
            }

            foreach (var valuesFile in request.ValuesFiles)
            {
                var relative = Normalize(Path.Combine(chartDirectory, valuesFile));
                var full = Path.GetFullPath(Path.Combine(root, relative));
                if (Path.IsPathRooted(valuesFile) || !full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    diagnostics.Add(Diagnostic.Error("WT1102", null, valuesFile));
                    continue;
                }

                if (!File.Exists(full))
                {
                    diagnostics.Add(Diagnostic.Error("WT1104", SourceLocation.InFile(relative), valuesFile, chart));
                    continue;
                }

                var before = File.ReadAllBytes(full);
                var edits = EditsFor(relative, before, request, diagnostics);
                var result = YamlScalarEditor.Apply(relative, before, edits);
                diagnostics.AddRange(result.Diagnostics.Where(d => d.IsError));
                if (result.Succeeded && result.Changed)
                {
                    files.Add(new BumpFileChange(chart, relative, before, result.Content, result.Changes.Where(c => c.OldValue != c.NewValue).ToList()));
                }
            }
        }

        return diagnostics.Count > 0 ? new ValuesEditPlan([], diagnostics) : new ValuesEditPlan(files, []);
    }

    private static List<ScalarEdit> EditsFor(string relative, byte[] content, BumpRequest request, List<Diagnostic> diagnostics)
    {
        var edits = new List<ScalarEdit> { new(TagPath, request.Tag) };
        // The digest is written only where the chart has chosen to carry one; its absence is not an error.
        if (!string.IsNullOrEmpty(request.Digest))
        {
            if (YamlScalarEditor.Find(relative, content, DigestPath, out var lookupErrors) is not null)
            {
                edits.Add(new ScalarEdit(DigestPath, request.Digest));
            }
            else
            {
                diagnostics.AddRange(lookupErrors.Where(d => d.IsError && d.Code != YamlScalarEditor.MissingKeyCode));
            }
        }

        if (request.SetRepository && request.ImageRepository is { } repository)
        {
            edits.Add(new ScalarEdit(RepositoryPath, repository, CreateIfMissing: true));
        }

        return edits;
    }

    private static string Normalize(string path) => path.Replace('\\', '/');

    // A chart is a directory name: no separators, no "..", nothing git or a shell could read as an option.
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$")]
    private static partial Regex ChartName();
}
