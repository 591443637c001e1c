using WellTrack.Core.Bump;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Secrets;

/// <summary>
/// The plain-secrets scan as a bump check: before a bump commits, every chart it changed is scanned (values files,
/// templates, CI values); an error finding means no commit and no push. Paths in the findings are relative to the
/// GitOps repository. The repository's <see cref="SecretBaseline.DefaultFileName"/> applies when present.
/// </summary>
public sealed class SecretsBumpCheck(SecretScanOptions? options = null) : IBumpCheck
{
    private readonly SecretScanOptions _options = options ?? new SecretScanOptions();

    public IReadOnlyList<Diagnostic> Check(string repositoryRoot, IReadOnlyList<BumpFileChange> files)
    {
        var include = files.Select(file => ChartDirectory(repositoryRoot, file.RelativePath)).Distinct(StringComparer.Ordinal).ToList();
        if (include.Count == 0)
        {
            return [];
        }

        var result = SecretScanner.Scan(repositoryRoot, _options with { IncludePaths = include });
        return [.. result.Findings.Select(f => f.Diagnostic with { File = f.RelativePath }), .. result.Diagnostics];
    }

    /// <summary>The chart directory holding a changed file (nearest ancestor with Chart.yaml), else the file's directory.</summary>
    private static string ChartDirectory(string root, string relativePath)
    {
        var normalized = relativePath.Replace('\\', '/');
        var slash = normalized.LastIndexOf('/');
        var directory = slash < 0 ? string.Empty : normalized[..slash];
        for (var current = directory; current.Length > 0;)
        {
            if (File.Exists(Path.Combine(root, current, "Chart.yaml")))
            {
                return current;
            }

            var up = current.LastIndexOf('/');
            current = up < 0 ? string.Empty : current[..up];
        }

        return directory.Length == 0 ? normalized : directory;
    }
}
