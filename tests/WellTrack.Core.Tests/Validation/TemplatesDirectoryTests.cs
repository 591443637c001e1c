using WellTrack.Core.Validation;
using WellTrack.Diagnostics;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Validation;

/// <summary>templates/ is optional in Helm: a chart of CRDs or of subcharts only loads, lints and renders.</summary>
[TestClass]
public sealed class TemplatesDirectoryTests
{
    [TestMethod]
    public void ChartWithoutTemplatesDirectoryIsNotAnError()
    {
        using var directory = new TemporaryDirectory();
        var files = DemoChart.Files();
        foreach (var template in files.Keys.Where(k => k.StartsWith("templates/", StringComparison.Ordinal)).ToList())
        {
            files.Remove(template);
        }

        var chart = DemoChart.Write(directory.Path, files);
        Directory.Delete(Path.Combine(chart, "templates"), recursive: true);

        var report = ChartValidator.Validate(chart, ValidationSettings.Default with { BaseDirectory = directory.Path }, DemoChart.Renderer(files));

        var all = string.Join("\n", report.Diagnostics);
        Assert.IsFalse(report.Diagnostics.Any(d => d.Code == "WT3018"), all);
        Assert.IsFalse(report.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), all);
    }
}
