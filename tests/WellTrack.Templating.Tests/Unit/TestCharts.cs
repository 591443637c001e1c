using System.Text;
using WellTrack.Templating.Charts;

namespace WellTrack.Templating.Tests.Unit;

/// <summary>Builds small in-memory charts for unit tests.</summary>
internal static class TestCharts
{
    public static Dictionary<string, byte[]> Files(params (string Path, string Text)[] files)
    {
        var result = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["Chart.yaml"] = Encoding.UTF8.GetBytes("apiVersion: v2\nname: t\nversion: 0.1.0\n"),
        };
        foreach (var (path, text) in files)
        {
            result[path] = Encoding.UTF8.GetBytes(text);
        }

        return result;
    }

    /// <summary>The string a template expression yields, exactly (base64 carries it through the YAML output).</summary>
    public static string RenderText(string expression)
    {
        var rendered = Render($"v: {{{{ {expression} | b64enc }}}}\n");
        Assert.IsTrue(rendered.Succeeded, rendered.Error);
        var encoded = rendered.ToHelmOutput().Split('\n').Single(line => line.StartsWith("v: ", StringComparison.Ordinal))[3..];
        return Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
    }

    public static RenderResult Render(string template, RenderOptions? options = null, params (string Path, string Text)[] extra)
        => ChartRenderer.RenderFiles("t", Files([("templates/t.yaml", template), .. extra]), options);
}
