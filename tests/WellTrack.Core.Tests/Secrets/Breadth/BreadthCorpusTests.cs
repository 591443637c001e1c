using System.Globalization;
using System.Text;
using WellTrack.Core.Secrets;
using WellTrack.Diagnostics;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Secrets.Breadth;

/// <summary>
/// The breadth corpus of issue 16: cases generated at run time for every token format and context rule, scanned
/// together as one repository would be. Precision and recall are printed per family and must reach 0.95 in each.
/// </summary>
[TestClass]
public sealed class BreadthCorpusTests
{
    private const double Required = 0.95;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void CorpusIsAsLargeAndAsVariedAsTheIssueAsks()
    {
        var mustFlag = BreadthCorpus.Cases.Where(c => c.MustFlag).ToList();
        Assert.IsGreaterThanOrEqualTo(600, BreadthCorpus.Cases.Count, "cases");
        Assert.IsGreaterThanOrEqualTo(400, mustFlag.Count, "must-flag cases");
        Assert.IsGreaterThanOrEqualTo(100, mustFlag.Select(c => c.Format).Distinct(StringComparer.Ordinal).Count(), "formats among must-flag cases");
        Assert.IsGreaterThanOrEqualTo(200, BreadthCorpus.Cases.Count(c => !c.MustFlag), "look-alikes");
    }

    [TestMethod]
    public void EveryFamilyReachesTheRequiredPrecisionAndRecall()
    {
        using var temp = new TemporaryDirectory("welltrack-secrets-breadth-");
        var paths = new List<string>();
        for (var i = 0; i < BreadthCorpus.Cases.Count; i++)
        {
            var relative = BreadthCorpus.RelativePath(i, BreadthCorpus.Cases[i]);
            var path = temp.Combine(relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, BreadthCorpus.Cases[i].Text);
            paths.Add(relative);
        }

        var result = SecretScanner.Scan(temp.Path, new SecretScanOptions { BaselinePath = string.Empty });
        var flagged = result.Findings
            .Where(f => f.Diagnostic.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning)
            .GroupBy(f => f.RelativePath, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.Diagnostic.Line).ToHashSet(), StringComparer.Ordinal);

        var tally = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        var misses = new List<string>();
        for (var i = 0; i < BreadthCorpus.Cases.Count; i++)
        {
            var labelled = BreadthCorpus.Cases[i];
            var lines = flagged.GetValueOrDefault(paths[i]);
            var found = lines is not null && (labelled.Line is not { } line || lines.Contains(line));
            var family = tally.TryGetValue(labelled.Family, out var t) ? t : tally[labelled.Family] = new Tally();
            family.Add(labelled.MustFlag, found);
            if (found != labelled.MustFlag)
            {
                misses.Add($"{(labelled.MustFlag ? "missed" : "false alarm")} [{labelled.Family}/{labelled.Format}] {paths[i]}"
                    + (lines is null ? string.Empty : " lines " + string.Join(',', lines.Order())));
            }
        }

        var overall = new Tally();
        var report = new StringBuilder("family\tcases\tprecision\trecall\n");
        foreach (var (family, counts) in tally)
        {
            overall.Merge(counts);
            report.AppendLine(CultureInfo.InvariantCulture, $"{family}\t{counts.Cases}\t{counts.Precision:F3}\t{counts.Recall:F3}");
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"overall\t{overall.Cases}\t{overall.Precision:F3}\t{overall.Recall:F3}");
        TestContext.WriteLine(report.ToString());
        Console.WriteLine(report.ToString());
        var failing = tally.Where(f => f.Value.Precision < Required || f.Value.Recall < Required).Select(f => f.Key).ToList();
        Assert.IsEmpty(failing, $"families below {Required}: {string.Join(", ", failing)}\n{report}\n{string.Join('\n', misses)}");
    }

    private sealed class Tally
    {
        private int _truePositives, _falsePositives, _falseNegatives, _trueNegatives;

        public int Cases => _truePositives + _falsePositives + _falseNegatives + _trueNegatives;

        /// <summary>1 when nothing was flagged: a family of look-alikes only has no false alarm to count against.</summary>
        public double Precision => _truePositives + _falsePositives == 0 ? 1 : _truePositives / (double)(_truePositives + _falsePositives);

        public double Recall => _truePositives + _falseNegatives == 0 ? 1 : _truePositives / (double)(_truePositives + _falseNegatives);

        public void Add(bool mustFlag, bool found)
        {
            _ = (mustFlag, found) switch
            {
                (true, true) => _truePositives++,
                (false, true) => _falsePositives++,
                (true, false) => _falseNegatives++,
                (false, false) => _trueNegatives++,
            };
        }

        public void Merge(Tally other)
        {
            _truePositives += other._truePositives;
            _falsePositives += other._falsePositives;
            _falseNegatives += other._falseNegatives;
            _trueNegatives += other._trueNegatives;
        }
    }
}
