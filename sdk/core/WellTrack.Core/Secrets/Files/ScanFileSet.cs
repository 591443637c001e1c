using WellTrack.Templating.Charts;

namespace WellTrack.Core.Secrets.Files;

/// <summary>
/// The files a scan reads: every file under the start paths except excluded directory names, exclude globs, and
/// (as options ask) what <c>.gitignore</c> files and each chart's <c>.helmignore</c> leave out. Ignore files are
/// read on the way down, so an ignored directory is never entered.
/// </summary>
internal static class ScanFileSet
{
    private const string ChartFile = "Chart.yaml";

    /// <summary>One ignore file's rules and the directory (relative to the scan root) its patterns are relative to.</summary>
    private sealed record Scope(string Base, GitIgnore? Git, HelmIgnore? Helm);

    public static List<string> Enumerate(string root, SecretScanOptions options, IReadOnlyList<string> excludeGlobs)
    {
        var files = new List<string>();
        var walker = new Walker(root, options, GitIgnore.Parse(excludeGlobs), files);
        var starts = options.IncludePaths.Count == 0 ? [string.Empty] : options.IncludePaths.Select(p => p.Replace('\\', '/').Trim('/')).ToList();
        foreach (var start in starts.Distinct(StringComparer.Ordinal))
        {
            var full = start.Length == 0 ? root : Path.Combine(root, start);
            if (File.Exists(full))
            {
                files.Add(start);
            }
            else if (Directory.Exists(full))
            {
                walker.Walk(full, start, walker.ScopesAbove(start));
            }
        }

        return files.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    private sealed class Walker(string root, SecretScanOptions options, GitIgnore excludes, List<string> files)
    {
        private static readonly EnumerationOptions Enumeration = new() { IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        private readonly HashSet<string> _excludedNames = new(options.ExcludeDirectories, StringComparer.Ordinal);
        private readonly HashSet<string> _extensions = new(options.Extensions, StringComparer.OrdinalIgnoreCase);

        /// <summary>The ignore files of the directories above a start path given with <see cref="SecretScanOptions.IncludePaths"/>.</summary>
        public List<Scope> ScopesAbove(string start)
        {
            var scopes = new List<Scope>();
            var current = string.Empty;
            foreach (var segment in start.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                AddScope(Path.Combine(root, current), current, scopes);
                current = current.Length == 0 ? segment : $"{current}/{segment}";
            }

            return scopes;
        }

        public void Walk(string directory, string relative, List<Scope> inherited)
        {
            var scopes = new List<Scope>(inherited);
            AddScope(directory, relative, scopes);
            foreach (var file in Directory.EnumerateFiles(directory, "*", Enumeration))
            {
                var name = Path.GetFileName(file);
                var path = relative.Length == 0 ? name : $"{relative}/{name}";
                if ((_extensions.Count == 0 || _extensions.Contains(Path.GetExtension(name))) && !Ignored(path, isDirectory: false, scopes))
                {
                    files.Add(path);
                }
            }

            foreach (var sub in Directory.EnumerateDirectories(directory, "*", Enumeration))
            {
                var name = Path.GetFileName(sub);
                var path = relative.Length == 0 ? name : $"{relative}/{name}";
                if (!_excludedNames.Contains(name) && !Ignored(path, isDirectory: true, scopes))
                {
                    Walk(sub, path, scopes);
                }
            }
        }

        private void AddScope(string directory, string relative, List<Scope> scopes)
        {
            var git = options.RespectGitIgnore && File.Exists(Path.Combine(directory, ".gitignore")) ? GitIgnore.Load(Path.Combine(directory, ".gitignore")) : null;
            HelmIgnore? helm = null;
            if (options.RespectHelmIgnore && File.Exists(Path.Combine(directory, ChartFile)))
            {
                try
                {
                    helm = HelmIgnore.Load(directory);
                }
                catch (ChartLoadException)
                {
                    // Helm refuses such a chart; its validation reports the rule. The files are scanned all the same.
                }
            }

            if (git is not null || helm is not null)
            {
                scopes.Add(new Scope(relative, git, helm));
            }
        }

        private bool Ignored(string path, bool isDirectory, List<Scope> scopes)
        {
            if (excludes.Match(path, isDirectory) == true)
            {
                return true;
            }

            // The deepest .gitignore that says something decides; a chart's .helmignore ignores within its chart.
            bool? git = null;
            foreach (var scope in scopes)
            {
                var local = scope.Base.Length == 0 ? path : path[(scope.Base.Length + 1)..];
                if (scope.Helm is not null && scope.Helm.Ignore(local, isDirectory))
                {
                    return true;
                }

                if (scope.Git?.Match(local, isDirectory) is { } verdict)
                {
                    git = verdict;
                }
            }

            return git == true;
        }
    }
}
