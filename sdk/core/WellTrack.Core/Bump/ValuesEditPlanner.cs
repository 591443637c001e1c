using System.Text.RegularExpressions;
using WellTrack.Core.Yaml;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Bump;

/// <summary>
/// Computes, in memory, the new bytes of each chart's values files for a bump. Nothing is written here, so a dry
/// run and a real run share exactly the same edit, and a failure anywhere leaves every file untouched. Pinned values
/// and values last set by a newer build are skipped with a warning; the digest and repository of an image follow its
/// tag, so a skipped tag keeps them too.
/// </summary>
public sealed partial class ValuesEditPlanner(BumpRequest request, IBumpHistory history)
{
    public const string TagPath = "image.tag";
    public const string DigestPath = "image.digest";
    public const string RepositoryPath = "image.repository";

    public ValuesEditPlan Plan(string repositoryRoot)
    {
        var files = new List<BumpFileChange>();
        var diagnostics = new List<Diagnostic>();
        var root = Path.GetFullPath(repositoryRoot);
        foreach (var chart in request.Charts)
        {
            if (!ChartName().IsMatch(chart))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.WT1101, null, chart));
                continue;
            }

            var chartDirectory = Path.Combine(request.ChartsDirectory, chart);
            if (!Directory.Exists(Path.Combine(root, chartDirectory)))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.WT1103, SourceLocation.InFile(Normalize(chartDirectory)), chart, Normalize(request.ChartsDirectory)));
                continue;
            }

            foreach (var valuesFile in request.ValuesFiles)
            {
                if (PlanFile(root, chart, chartDirectory, valuesFile, diagnostics) is { } change)
                {
                    files.Add(change);
                }
            }
        }

        return diagnostics.Any(d => d.IsError) ? new ValuesEditPlan([], diagnostics) : new ValuesEditPlan(files, diagnostics);
    }

    private BumpFileChange? PlanFile(string root, string chart, string chartDirectory, string valuesFile, List<Diagnostic> diagnostics)
    {
        var relative = Normalize(Path.Combine(chartDirectory, valuesFile));
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (Path.IsPathRooted(valuesFile) || !full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.WT1102, null, valuesFile));
            return null;
        }

        if (!File.Exists(full))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.WT1104, SourceLocation.InFile(relative), valuesFile, chart));
            return null;
        }

        var before = File.ReadAllBytes(full);
        var edits = EditsFor(relative, before, diagnostics);
        if (edits.Count == 0)
        {
            return null;
        }

        var result = YamlScalarEditor.Apply(relative, before, edits);
        diagnostics.AddRange(result.Diagnostics);
        return result.Succeeded && result.Changed ? new BumpFileChange(chart, relative, before, result.Content, result.Changes) : null;
    }

    private List<ScalarEdit> EditsFor(string relative, byte[] content, List<Diagnostic> diagnostics)
    {
        var edits = new List<ScalarEdit>();
        foreach (var path in request.ValuePaths)
        {
            var current = YamlScalarEditor.Find(relative, content, path, out var lookupErrors);
            if (current is null)
            {
                diagnostics.AddRange(lookupErrors);
                continue;
            }

            if (current.Value != request.Tag && MayBump(relative, current, diagnostics))
            {
                edits.Add(new ScalarEdit(path, request.Tag));
            }
        }

        if (edits.Count == 0)
        {
            return edits;
        }

        // The digest is written only where the chart has chosen to carry one; its absence is not an error.
        if (!string.IsNullOrEmpty(request.Digest))
        {
            if (YamlScalarEditor.Find(relative, content, DigestPath, out var digestErrors) is not null)
            {
                edits.Add(new ScalarEdit(DigestPath, request.Digest));
            }
            else
            {
                diagnostics.AddRange(digestErrors.Where(d => !d.Is(YamlScalarEditor.MissingKeyCode)));
            }
        }

        if (request.SetRepository && request.ImageRepository is { } repository)
        {
            edits.Add(new ScalarEdit(RepositoryPath, repository, CreateIfMissing: true));
        }

        return edits;
    }

    /// <summary>The pin and ordering rules: warnings, not errors, because skipping is the correct outcome.</summary>
    private bool MayBump(string relative, ScalarLookup current, List<Diagnostic> diagnostics)
    {
        var where = new SourceLocation(relative, current.Line, current.Column);
        if (PinMarker.TryRead(current.LineComment, out var reason) && !request.ForcePinned)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.WT1105, where, current.Path, reason, current.Value));
            return false;
        }

        if (request.AllowDowngrade)
        {
            return true;
        }

        if (TagVersionOrder.IsDowngrade(current.Value, request.Tag))
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.WT1107, where, current.Path, current.Value, request.Tag));
            return false;
        }

        if (request.BuildNumber is { } build && history.LastBuildNumber(relative) is { } last && build < last)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.WT1106, where, current.Path, current.Value, last, build));
            return false;
        }

        return true;
    }

    private static string Normalize(string path) => path.Replace('\\', '/');

    // A chart is a directory name: no separators, no "..", nothing git or a shell could read as an option.
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$")]
    private static partial Regex ChartName();
}
