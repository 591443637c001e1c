using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Tests.Diagnostics;

/// <summary>
/// The one catalog check for every code range (WT1xxx..WT9xxx): resources, generated codes, docs/diagnostics.md and
/// the product's sources agree. Rule-specific facts (validation categories, secret rules) stay with their areas.
/// </summary>
[TestClass]
public sealed partial class DiagnosticCatalogTests
{
    private static readonly string Root = RepositoryRoot();
    private static readonly string ResourceDirectory = Path.Combine(Root, "sdk", "diagnostics", "WellTrack.Diagnostics", "Resources");

    [TestMethod]
    public void TheGeneratedCodesAreExactlyTheResources()
    {
        CollectionAssert.AreEqual(ResourceCodes().Order(StringComparer.Ordinal).ToList(), DiagnosticCodes.All.Select(c => c.Id).Order(StringComparer.Ordinal).ToList());
        CollectionAssert.AllItemsAreUnique(DiagnosticCodes.All.Select(c => c.Id).ToList());
        CollectionAssert.AreEquivalent(new[] { 1, 2, 3, 4, 5, 9 }, DiagnosticCodes.All.Select(c => c.Range).Distinct().ToList(), "every range has codes");
    }

    [TestMethod]
    public void EveryCodeHasADocumentedRowAndEveryRowACode()
    {
        var documented = DocumentedCodes();
        var defined = DiagnosticCodes.All.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var undocumented = defined.Except(documented.Rows).Order(StringComparer.Ordinal).ToList();
        var unknown = documented.Rows.Except(defined).Except(documented.Retired).Order(StringComparer.Ordinal).ToList();

        Assert.IsEmpty(undocumented, "codes without a row in docs/diagnostics.md: " + string.Join(", ", undocumented));
        Assert.IsEmpty(unknown, "rows in docs/diagnostics.md without a resource (nor retired): " + string.Join(", ", unknown));
        Assert.IsEmpty(documented.Retired.Except(documented.Rows).ToList(), "a retired code keeps its row");
        CollectionAssert.AllItemsAreUnique(documented.RowList, "one row per code");
    }

    [TestMethod]
    public void EveryMessageIsAWellFormedFormatString()
    {
        var texts = DiagnosticCodes.All.Select(code => (code.Id, DiagnosticMessages.Template(code)))
            .Concat(ProgressMessage.All.Select(name => (Id: name.Name, name.Template)));
        var arguments = Enumerable.Range(0, 10).Select(i => (object?)("arg" + i)).ToArray();
        foreach (var (id, template) in texts)
        {
            Assert.IsFalse(string.IsNullOrWhiteSpace(template), id);
            Assert.IsFalse(template.StartsWith("WT", StringComparison.Ordinal), $"{id}: messages carry no code prefix (the writers add it)");
            var indexes = Placeholder().Matches(template.Replace("{{", string.Empty, StringComparison.Ordinal).Replace("}}", string.Empty, StringComparison.Ordinal))
                .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
            Assert.IsTrue(indexes.All(i => i < arguments.Length), $"{id}: placeholder index out of range in '{template}'");
            try
            {
                _ = string.Format(CultureInfo.InvariantCulture, template, arguments);
            }
            catch (FormatException e)
            {
                Assert.Fail($"{id}: '{template}' is not a valid format string: {e.Message}");
            }
        }
    }

    [TestMethod]
    public void EveryCodeIsUsedInTheProductOrRetired()
    {
        var used = ProductFiles("*.cs").SelectMany(f => TypedUse().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Concat(ProductFiles("*.targets").Concat(ProductFiles("*.props")).SelectMany(f => TargetsUse().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)))
            .ToHashSet(StringComparer.Ordinal);
        var retired = DocumentedCodes().Retired;
        var unused = DiagnosticCodes.All.Select(c => c.Id).Where(id => !used.Contains(id) && !retired.Contains(id)).ToList();

        Assert.IsEmpty(unused, "codes neither used in sdk/ nor listed as retired in docs/diagnostics.md: " + string.Join(", ", unused));
        foreach (var id in retired)
        {
            Assert.IsFalse(used.Contains(id), $"{id} is listed as retired but still used");
        }
    }

    [TestMethod]
    public void NoCodeIsWrittenAsAStringInTheProduct()
    {
        var literals = ProductFiles("*.cs")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)))
            .Where(x => CodeLiteral().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(Root, x.f)}({x.i + 1}): {x.line.Trim()}")
            .ToList();

        Assert.IsEmpty(literals, "write DiagnosticCodes.WTnnnn instead of a string:\n" + string.Join("\n", literals));
    }

    [TestMethod]
    public void CodesNamedByTheTargetsExist()
    {
        foreach (var file in ProductFiles("*.targets").Concat(ProductFiles("*.props")))
        {
            foreach (Match match in TargetsUse().Matches(File.ReadAllText(file)))
            {
                Assert.IsTrue(DiagnosticCode.TryParse(match.Groups[1].Value, out _), $"{file}: {match.Value}");
            }
        }
    }

    [TestMethod]
    [DataRow("WT3301", true)]
    [DataRow(" WT3301 ", true)]
    [DataRow("WT3300", false)]
    [DataRow("wt3301", false)]
    [DataRow("", false)]
    [DataRow(null, false)]
    public void CodesFromConfigurationAreParsed(string? text, bool known)
    {
        Assert.AreEqual(known, DiagnosticCode.TryParse(text, out var code));
        Assert.AreEqual(known ? "WT3301" : null, code?.Id);
        if (known)
        {
            Assert.AreSame(DiagnosticCodes.WT3301, code, "one instance per code");
        }
    }

    private static IEnumerable<string> ResourceCodes()
        => Directory.EnumerateFiles(ResourceDirectory, "*Messages.resx")
            .Where(f => Path.GetFileName(f) != "ProgressMessages.resx")
            .SelectMany(f => XDocument.Load(f).Root!.Elements("data").Select(d => (string)d.Attribute("name")!));

    private static (HashSet<string> Rows, List<string> RowList, HashSet<string> Retired) DocumentedCodes()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "docs", "diagnostics.md"));
        var rows = lines.Select(l => DocsRow().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        var retired = lines.Where(l => l.StartsWith("Retired codes:", StringComparison.Ordinal))
            .SelectMany(l => AnyCode().Matches(l).Select(m => m.Value)).ToHashSet(StringComparer.Ordinal);
        return (rows.ToHashSet(StringComparer.Ordinal), rows, retired);
    }

    private static IEnumerable<string> ProductFiles(string pattern)
        => Directory.EnumerateFiles(Path.Combine(Root, "sdk"), pattern, SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string RepositoryRoot([CallerFilePath] string thisFile = "")
        => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));

    [GeneratedRegex(@"^\|\s*`?(WT\d{4})`?\s*\|")]
    private static partial Regex DocsRow();

    [GeneratedRegex(@"WT\d{4}")]
    private static partial Regex AnyCode();

    [GeneratedRegex(@"DiagnosticCodes\.(WT\d{4})\b")]
    private static partial Regex TypedUse();

    [GeneratedRegex(@"Code=""(WT\d{4})""")]
    private static partial Regex TargetsUse();

    [GeneratedRegex(@"""WT\d{4}")]
    private static partial Regex CodeLiteral();

    [GeneratedRegex(@"\{(\d+)(?:,-?\d+)?(?::[^}]*)?\}")]
    private static partial Regex Placeholder();
}
