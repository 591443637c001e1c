using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Tests.Yaml;

/// <summary>Every code the editor, image rules and atomic writes use has a message and a row in docs/diagnostics.md.</summary>
[TestClass]
public sealed partial class YamlDiagnosticCodesTests
{
    private static readonly string[] SourceDirectories = ["Yaml", "Images", "IO"];

    [TestMethod]
    public void EveryCodeUsedHasAMessageAndIsDocumented()
    {
        var repository = RepositoryRoot();
        var sources = SourceDirectories
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(repository, "sdk", "core", "WellTrack.Core", d), "*.cs", SearchOption.AllDirectories))
            .Select(File.ReadAllText);
        var used = sources.SelectMany(text => Code().Matches(text).Select(m => m.Value)).Distinct().Order().ToList();
        var resx = File.ReadAllText(Path.Combine(repository, "sdk", "diagnostics", "WellTrack.Diagnostics", "Resources", "YamlMessages.resx"));
        var defined = ResourceName().Matches(resx).Select(m => m.Groups[1].Value).Distinct().Order().ToList();
        var docs = File.ReadAllText(Path.Combine(repository, "docs", "diagnostics.md"));

        Assert.IsNotEmpty(used);
        CollectionAssert.IsSubsetOf(used, defined, "every code used has a message resource");
        foreach (var code in defined)
        {
            Assert.IsNotNull(DiagnosticMessages.Template(code), code);
            StringAssert.Contains(docs, $"| {code} |", $"{code} is documented");
        }
    }

    [GeneratedRegex("WT10[0-9]{2}")]
    private static partial Regex Code();

    [GeneratedRegex("<data name=\"(WT10[0-9]{2})\"")]
    private static partial Regex ResourceName();

    private static string RepositoryRoot([CallerFilePath] string thisFile = "")
        => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
}
