namespace WellTrack.Templating.Tests.Conformance;

/// <summary>Finds the conformance cases copied beside the test assembly.</summary>
public static class ConformanceCases
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Conformance");

    public static IEnumerable<object[]> Snippets()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "Snippets"), "*.cases").Order(StringComparer.Ordinal))
        {
            var group = Path.GetFileNameWithoutExtension(file);
            foreach (var c in SnippetCase.Parse(group, File.ReadAllText(file)))
            {
                yield return [c.Group, c.Name];
            }
        }
    }

    public static SnippetCase FindSnippet(string group, string name)
        => SnippetCase.Parse(group, File.ReadAllText(Path.Combine(Root, "Snippets", group + ".cases"))).Single(c => c.Name == name);

    public static ExpectedResult? SnippetGolden(string group, string name)
    {
        var path = Path.Combine(Root, "Snippets", group + ".golden.json");
        return File.Exists(path) && ExpectedResult.ReadGroup(path).TryGetValue(name, out var r) ? r : null;
    }

    public static IEnumerable<object[]> Charts()
    {
        var dir = Path.Combine(Root, "Charts");
        if (!Directory.Exists(dir))
        {
            yield break;
        }

        foreach (var caseDir in Directory.EnumerateDirectories(dir).Order(StringComparer.Ordinal))
        {
            yield return [Path.GetFileName(caseDir)];
        }
    }
}
