using System.Globalization;
using WellTrack.Core.Secrets;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Secrets;

/// <summary>
/// The labelled corpus: every true positive must produce exactly its findings (file, line, column, code) and every
/// look-alike none. Precision and recall are printed; any difference fails with the full list.
/// </summary>
[TestClass]
public sealed class SecretCorpusTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void CorpusCoversEveryRuleWithEnoughCases()
    {
        var positives = SecretCorpus.Cases.Where(c => !c.IsLookAlike).ToList();
        var lookAlikes = SecretCorpus.Cases.Where(c => c.IsLookAlike).ToList();
        Assert.IsGreaterThanOrEqualTo(80, positives.Count, "true-positive cases");
        Assert.IsGreaterThanOrEqualTo(70, lookAlikes.Count, "look-alike cases");
        Assert.IsGreaterThanOrEqualTo(150, SecretCorpus.Cases.Count);
        var codes = positives.SelectMany(c => c.Expected).Select(e => e[(e.LastIndexOf(':') + 1)..]).ToHashSet();
        var missing = SecretRuleCatalog.All.Select(r => r.Code.Id).Where(code => string.CompareOrdinal(code, "WT5040") < 0 && !codes.Contains(code)).ToList();
        Assert.AreEqual(0, missing.Count, "rules without a true positive: " + string.Join(", ", missing));
        Assert.IsTrue(lookAlikes.All(c => c.Expected.Count == 0));
    }

    [TestMethod]
    public void EveryCaseFindsExactlyItsLabels()
    {
        using var temp = new TemporaryDirectory("welltrack-secrets-corpus-");
        var mismatches = new List<string>();
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        var index = 0;
        foreach (var corpusCase in SecretCorpus.Cases)
        {
            var root = temp.Combine((index++).ToString(CultureInfo.InvariantCulture));
            SecretCorpus.Materialize(corpusCase, root, new FakeSecrets(SecretCorpus.Seed(corpusCase)));
            var result = SecretScanner.Scan(root, new SecretScanOptions { BaselinePath = string.Empty });
            var actual = result.AllDiagnostics
                .Select(d => string.Create(CultureInfo.InvariantCulture, $"{Path.GetRelativePath(root, d.File!).Replace('\\', '/')}:{d.Line}:{d.Column}:{d.Code}"))
                .ToList();
            var expected = corpusCase.Expected;
            var hits = actual.Intersect(expected).Count();
            truePositives += hits;
            falsePositives += actual.Count - hits;
            falseNegatives += expected.Count - hits;
            if (!actual.Order().SequenceEqual(expected.Order()))
            {
                mismatches.Add($"{corpusCase.Path}\n    expected: {string.Join(' ', expected.Order())}\n    actual:   {string.Join(' ', actual.Order())}");
            }
        }

        var precision = truePositives / (double)Math.Max(1, truePositives + falsePositives);
        var recall = truePositives / (double)Math.Max(1, truePositives + falseNegatives);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"secrets corpus: {SecretCorpus.Cases.Count} cases, {truePositives + falseNegatives} expected findings; TP {truePositives}, FP {falsePositives}, FN {falseNegatives}; precision {precision:F3}, recall {recall:F3}");
        TestContext.WriteLine(summary);
        Console.WriteLine(summary);
        Assert.AreEqual(0, mismatches.Count, summary + "\n" + string.Join("\n", mismatches));
    }

    [TestMethod]
    public void MarkersAreAllReplacedAndCanBeExported()
    {
        var export = Environment.GetEnvironmentVariable("WELLTRACK_SECRETS_CORPUS_EXPORT");
        using var temp = new TemporaryDirectory("welltrack-secrets-export-");
        var root = string.IsNullOrEmpty(export) ? temp.Path : export;
        var lines = new List<string> { "case\tfile\tline\tcode" };
        foreach (var corpusCase in SecretCorpus.Cases)
        {
            var destination = Path.Combine(root, "cases", corpusCase.Path.Replace('/', Path.DirectorySeparatorChar));
            SecretCorpus.Materialize(corpusCase, destination, new FakeSecrets(SecretCorpus.Seed(corpusCase)));
            foreach (var file in Directory.EnumerateFiles(destination, "*", SearchOption.AllDirectories))
            {
                Assert.DoesNotContain("@@FAKE", File.ReadAllText(file), file);
            }

            foreach (var expected in corpusCase.Expected)
            {
                var parts = expected.Split(':');
                lines.Add($"{corpusCase.Path}\t{parts[0]}\t{parts[1]}\t{parts[3]}");
            }
        }

        File.WriteAllLines(Path.Combine(root, "expected.tsv"), lines);
        if (Environment.GetEnvironmentVariable("WELLTRACK_SECRETS_GENERATED_FILES") is { Length: > 0 } count)
        {
            GeneratedRepository.Write(Path.Combine(root, "generated"), int.Parse(count, CultureInfo.InvariantCulture));
        }
    }
}
