using System.Text.Json;
using WellTrack.Testing;

namespace WellTrack.Templates.Tests;

/// <summary>The <c>welltrack</c> tool (sdk/frontends/WellTrack.Cli, copied beside the tests) run as a process, as CI runs it.</summary>
internal static class WelltrackCli
{
    public static string Assembly => Path.Combine(AppContext.BaseDirectory, "welltrack.dll");

    public static Task<ProcessRunner.Result> RunAsync(params string[] arguments)
        => ProcessRunner.RunAsync(ProcessRunner.DotnetHost, [Assembly, .. arguments], AppContext.BaseDirectory, timeout: TimeSpan.FromMinutes(3));

    /// <summary>
    /// <c>welltrack validate --strict</c> and <c>welltrack scan</c> of a chart (or a charts directory): both exit 0
    /// and report nothing but the one note a new chart is meant to carry: WT3301 for the <c>image.tag: latest</c>
    /// placeholder, which the generated welltrack.yaml grades as a note (as this repository's own charts do) and the
    /// service's first CI bump removes. Any error, warning or other note fails.
    /// </summary>
    public static async Task AssertChartIsCleanAsync(string chartDirectory, bool allowLatestPlaceholder = true)
    {
        foreach (var arguments in new[]
                 {
                     new[] { "validate", chartDirectory, "--strict", "--format", "json" },
                     new[] { "scan", chartDirectory, "--format", "json" },
                 })
        {
            var result = await RunAsync(arguments);
            var command = "welltrack " + string.Join(' ', arguments);
            Assert.AreEqual(0, result.ExitCode, $"{command} exited {result.ExitCode}:\n{result.Output}\n{result.Error}");
            var unexpected = Diagnostics(result.Output, command).Where(d => !(allowLatestPlaceholder && IsLatestPlaceholderNote(d))).ToList();
            Assert.AreEqual(0, unexpected.Count, $"{command} reported findings:\n{result.Output}");
        }
    }

    private static bool IsLatestPlaceholderNote(JsonElement diagnostic)
        => diagnostic.GetProperty("code").GetString() == "WT3301"
           && diagnostic.GetProperty("severity").GetString() == "note"
           && diagnostic.GetProperty("message").GetString()?.Contains(":latest'", StringComparison.Ordinal) == true;

    private static List<JsonElement> Diagnostics(string json, string command)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.Clone()).ToList();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new AssertFailedException($"{command} did not print a JSON report ({e.Message}):\n{json}");
        }
    }
}
