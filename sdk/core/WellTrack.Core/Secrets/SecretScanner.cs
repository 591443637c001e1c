using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using System.Security.Cryptography;
using WellTrack.Core.Secrets.Files;
using WellTrack.Core.Secrets.Formats;
using WellTrack.Core.Secrets.Rules;
using WellTrack.Core.Yaml;
using WellTrack.Diagnostics;
using WellTrack.Templating.Parsing;
using YamlDotNet.Core;

namespace WellTrack.Core.Secrets;

/// <summary>
/// Finds plain secrets in a GitOps repository: values files, Helm templates and any YAML or JSON. Charts are read
/// as charts: a template that turns values into a Secret makes the values it reads suspects in the chart's values
/// files. Every finding is redacted and fingerprinted here; the secret itself never leaves this class.
/// </summary>
public static partial class SecretScanner
{
    private const string ChartFile = "Chart.yaml";

    /// <summary>Scans <paramref name="rootDirectory"/>; files in findings are <paramref name="rootDirectory"/> joined with the relative path.</summary>
    /// <exception cref="DiagnosticException">WT5042 when the directory does not exist, WT5041 when the baseline cannot be read.</exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled (checked between files).</exception>
    public static SecretScanResult Scan(string rootDirectory, SecretScanOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SecretScanOptions();
        if (!Directory.Exists(rootDirectory))
        {
            throw DiagnosticException.Error(SecretCodes.DirectoryMissing, SourceLocation.InFile(rootDirectory), rootDirectory);
        }

        var baseline = LoadBaseline(rootDirectory, options);
        var (configuration, configurationProblem) = SecretScanConfiguration.Load(rootDirectory);
        options = options with { GitIgnore = options.GitIgnore ?? configuration.GitIgnore, HelmIgnore = options.HelmIgnore ?? configuration.HelmIgnore };
        var files = ScanFileSet.Enumerate(rootDirectory, options, [.. configuration.Exclude, .. options.ExcludePatterns]);
        var chartRoots = new ConcurrentDictionary<string, string?>(StringComparer.Ordinal);
        string? ChartRootOf(string relative) => ChartRoot(rootDirectory, relative, chartRoots);

        var templates = files.Where(f => IsTemplate(f, ChartRootOf(f))).ToHashSet(StringComparer.Ordinal);
        var tokens = new TokenRules(options.AllowPlaceholders);
        var results = new ConcurrentBag<(FileScan Scan, Diagnostic? Problem)>();
        var fedByChart = new ConcurrentDictionary<string, List<FedPath>>(StringComparer.Ordinal);

        // Templates first: they tell which values paths end up in a Secret. A chart's templates are parsed together,
        // since a helper defined in one is included from another.
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        var templateScans = new ConcurrentBag<FileScan>();
        Parallel.ForEach(templates, parallel, relative =>
        {
            var (scan, problem) = Read(rootDirectory, relative, tokens, options);
            if (scan is not null)
            {
                templateScans.Add(scan);
            }

            results.Add((scan!, problem));
        });

        Parallel.ForEach(templateScans.GroupBy(s => ChartRootOf(s.RelativePath) ?? s.RelativePath), parallel, chartTemplates =>
        {
            // Which values an action reads matters only in a Secret document: a chart with no template that may
            // declare one needs only where its actions are, and is not parsed; in one that does, only those templates
            // have their reads followed (the others are parsed for their helpers).
            var texts = chartTemplates.ToDictionary(s => s.RelativePath, s => s.Text, StringComparer.Ordinal);
            var declaringSecrets = texts.Where(t => TemplateAnalyzer.MayDeclareSecret(t.Value)).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
            var reads = TemplateValuesReads.Analyze(texts, followValues: declaringSecrets.Count > 0, readsWanted: declaringSecrets.Contains);
            foreach (var scan in chartTemplates)
            {
                var fed = new List<FedPath>();
                TemplateAnalyzer.Analyze(scan, reads.ActionsOf(scan.RelativePath), fed);
                if (fed.Count > 0 && ChartRootOf(scan.RelativePath) is { } chart)
                {
                    var list = fedByChart.GetOrAdd(chart, _ => []);
                    lock (list)
                    {
                        list.AddRange(fed);
                    }
                }
            }
        });

        Parallel.ForEach(files.Where(f => !templates.Contains(f)), parallel, relative =>
        {
            var (scan, problem) = Read(rootDirectory, relative, tokens, options);
            if (scan is not null)
            {
                var chart = ChartRootOf(relative);
                IReadOnlyList<FedPath> fed = chart is not null && IsValuesFile(relative) && fedByChart.TryGetValue(chart, out var list) ? list : [];
                AnalyzeData(scan, fed);
            }

            results.Add((scan!, problem));
        });

        var findings = new List<SecretFinding>();
        var diagnostics = new List<Diagnostic>();
        if (configurationProblem is not null)
        {
            diagnostics.Add(configurationProblem);
        }

        int suppressed = 0, baselined = 0;
        foreach (var (scan, problem) in results)
        {
            if (problem is not null)
            {
                diagnostics.Add(problem);
            }

            if (scan is null)
            {
                continue;
            }

            var display = DisplayPath(rootDirectory, scan.RelativePath);
            var warnedLines = new HashSet<int>();
            foreach (var raw in scan.Findings)
            {
                switch (Suppression(scan, raw, out var markerLine))
                {
                    case SuppressionState.Suppressed:
                        suppressed++;
                        continue;
                    case SuppressionState.MissingReason when warnedLines.Add(markerLine):
                        diagnostics.Add(Diagnostic.Warning(SecretCodes.SuppressionWithoutReason, new SourceLocation(display, markerLine, 1)));
                        break;
                }

                var finding = ToFinding(raw, scan.RelativePath, display);
                if (baseline.Contains(finding.Fingerprint))
                {
                    baselined++;
                    continue;
                }

                findings.Add(finding);
            }
        }

        findings.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath) is var c and not 0 ? c
            : a.Diagnostic.Line != b.Diagnostic.Line ? a.Diagnostic.Line.CompareTo(b.Diagnostic.Line)
            : a.Diagnostic.Column != b.Diagnostic.Column ? a.Diagnostic.Column.CompareTo(b.Diagnostic.Column)
            : string.CompareOrdinal(a.Code, b.Code));
        return new SecretScanResult(findings, diagnostics, results.Count(r => r.Scan is not null), suppressed, baselined);
    }

    /// <summary>Scans one file's text as if it were at <paramref name="relativePath"/> (no chart context, no baseline).</summary>
    public static IReadOnlyList<SecretFinding> ScanText(string relativePath, string text, bool allowPlaceholders = true)
    {
        var scan = new FileScan(relativePath, text, new TokenRules(allowPlaceholders), allowPlaceholders);
        if (relativePath.Contains("/templates/", StringComparison.Ordinal) || relativePath.StartsWith("templates/", StringComparison.Ordinal) || relativePath.EndsWith(".tpl", StringComparison.Ordinal))
        {
            TemplateAnalyzer.AnalyzeAlone(scan);
        }
        else
        {
            AnalyzeData(scan, []);
        }

        return scan.Findings
            .Where(raw => Suppression(scan, raw, out _) != SuppressionState.Suppressed)
            .Select(raw => ToFinding(raw, relativePath, relativePath))
            .OrderBy(f => f.Diagnostic.Line).ThenBy(f => f.Diagnostic.Column).ToList();
    }

    private static void AnalyzeData(FileScan scan, IReadOnlyList<FedPath> fed)
    {
        if (scan.Text.Length == 0)
        {
            return;
        }

        if (ConfigFormats.Detect(scan.RelativePath, scan.Text) is var format and not ConfigFormat.None)
        {
            ConfigFileAnalyzer.Analyze(scan, format);
            return;
        }

        IReadOnlyList<YamlSourceNode> documents;
        try
        {
            documents = YamlSourceParser.ParseDocuments(scan.Text);
        }
        catch (YamlException)
        {
            // Not YAML (or a template outside templates/): read it line by line instead.
            TemplateAnalyzer.AnalyzeAlone(scan);
            return;
        }

        ManifestAnalyzer.Analyze(scan, documents, fed);
    }

    private static SecretFinding ToFinding(RawFinding raw, string relativePath, string display)
    {
        // A template line and a key store's content hash are shown as nothing: neither is a secret's prefix.
        var excerpt = raw.Code == SecretCodes.SecretTemplateFromValues || raw.Code == SecretCodes.KeyStore ? string.Empty : SecretRedaction.Redact(raw.Secret);
        var message = DiagnosticMessages.Format(raw.Code, raw.KeyPath, excerpt, raw.Detail);
        var diagnostic = new Diagnostic(raw.Code.Id, raw.Severity, message, display, raw.Line, raw.Column);
        var rule = raw.RuleId ?? SecretRuleCatalog.Find(raw.Code)?.Id ?? raw.Code.Id;
        return new SecretFinding(diagnostic, rule, raw.KeyPath, excerpt, SecretRedaction.Fingerprint(raw.Code.Id, relativePath, raw.Secret), relativePath);
    }

    private enum SuppressionState
    {
        None,
        Suppressed,
        MissingReason,
    }

    private static SuppressionState Suppression(FileScan scan, RawFinding raw, out int markerLine)
    {
        markerLine = 0;
        var state = SuppressionState.None;
        foreach (var line in new[] { raw.Line, raw.Line - 1, raw.KeyLine, raw.KeyLine - 1 }.Distinct())
        {
            if (line < 1 || scan.LineText(line) is not { } text || !text.Contains("welltrack:allow-secret", StringComparison.Ordinal))
            {
                continue;
            }

            var marker = AllowMarker().Match(text);
            if (marker.Success && marker.Groups["reason"].Value.Any(char.IsLetterOrDigit))
            {
                return SuppressionState.Suppressed;
            }

            markerLine = line;
            state = SuppressionState.MissingReason;
        }

        return state;
    }

    private static SecretBaseline LoadBaseline(string rootDirectory, SecretScanOptions options)
    {
        if (options.BaselinePath is null)
        {
            var implicitPath = Path.Combine(rootDirectory, SecretBaseline.DefaultFileName);
            return File.Exists(implicitPath) ? SecretBaseline.Load(implicitPath) : SecretBaseline.Empty;
        }

        return options.BaselinePath.Length == 0 ? SecretBaseline.Empty : SecretBaseline.Load(options.BaselinePath);
    }

    private static (FileScan? Scan, Diagnostic? Problem) Read(string root, string relative, TokenRules tokens, SecretScanOptions options)
    {
        var path = Path.Combine(root, relative);
        var location = SourceLocation.InFile(DisplayPath(root, relative));
        try
        {
            var length = new FileInfo(path).Length;
            var storeByName = ContentSniffer.KeyStoreByName(relative);
            if (length > options.MaxFileBytes && storeByName is null)
            {
                return (null, Diagnostic.Create(SecretCodes.FileTooLarge, DiagnosticSeverity.Note, location, relative, options.MaxFileBytes));
            }

            var bytes = File.ReadAllBytes(path);
            var content = ContentSniffer.Sniff(relative, bytes);
            return content.Kind switch
            {
                ContentKind.Text => (new FileScan(relative, ScannedText.Decode(bytes), tokens, options.AllowPlaceholders), null),
                ContentKind.KeyStore => (KeyStoreScan(relative, content.Format, bytes, tokens, options), null),
                ContentKind.Archive => (null, Diagnostic.Create(SecretCodes.ArchiveNotOpened, DiagnosticSeverity.Note, location, relative, content.Format)),
                ContentKind.UnknownBinary => (null, Diagnostic.Create(SecretCodes.BinaryFileSkipped, DiagnosticSeverity.Note, location, relative, $"{bytes.Length} bytes")),
                _ => (null, null),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, Diagnostic.Warning(SecretCodes.FileUnreadable, location, relative, e.Message));
        }
    }

    /// <summary>A key store holds private keys whatever its password: one finding at the file, fingerprinted by its content.</summary>
    private static FileScan KeyStoreScan(string relative, string format, byte[] bytes, TokenRules tokens, SecretScanOptions options)
    {
        var scan = new FileScan(relative, string.Empty, tokens, options.AllowPlaceholders);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        scan.Add(new RawFinding(SecretCodes.KeyStore, DiagnosticSeverity.Error, 1, 1, 1, Path.GetFileName(relative), hash, format));
        return scan;
    }

    private static string? ChartRoot(string root, string relative, ConcurrentDictionary<string, string?> cache)
    {
        var slash = relative.LastIndexOf('/');
        var directory = slash < 0 ? string.Empty : relative[..slash];
        return cache.GetOrAdd(directory, dir =>
        {
            var current = dir;
            while (true)
            {
                if (File.Exists(Path.Combine(root, current, ChartFile)))
                {
                    return current;
                }

                if (current.Length == 0)
                {
                    return null;
                }

                var up = current.LastIndexOf('/');
                current = up < 0 ? string.Empty : current[..up];
            }
        });
    }

    private static bool IsTemplate(string relative, string? chartRoot)
        => relative.EndsWith(".tpl", StringComparison.OrdinalIgnoreCase)
           || chartRoot is not null && relative.StartsWith(chartRoot.Length == 0 ? "templates/" : $"{chartRoot}/templates/", StringComparison.Ordinal);

    private static bool IsValuesFile(string relative)
    {
        var name = Path.GetFileName(relative);
        return name is not (ChartFile or "Chart.lock") && (relative.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || relative.EndsWith(".yml", StringComparison.OrdinalIgnoreCase));
    }

    private static string DisplayPath(string root, string relative)
    {
        var trimmed = root.TrimEnd('/', '\\');
        return trimmed is "." or "" ? relative : Path.Combine(trimmed, relative.Replace('/', Path.DirectorySeparatorChar));
    }

    [GeneratedRegex(@"welltrack:allow-secret(?<reason>(?:[ \t:]+[^\r\n]*)?)", RegexOptions.CultureInvariant)]
    private static partial Regex AllowMarker();
}
