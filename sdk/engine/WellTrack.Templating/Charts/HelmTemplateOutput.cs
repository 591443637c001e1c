using System.Text;

namespace WellTrack.Templating.Charts;

/// <summary>`helm template`'s stdout: each document as <c>---\n# Source: FILE\n...</c>, hooks after the rest.</summary>
public static class HelmTemplateOutput
{
    public static string Format(IReadOnlyList<RenderedManifest> manifests)
    {
        var main = new StringBuilder();
        foreach (var m in manifests.Where(m => !m.IsHook))
        {
            main.Append("---\n# Source: ").Append(m.SourceTemplate).Append('\n').Append(m.Content).Append('\n');
        }

        var output = new StringBuilder();
        output.Append(main.ToString().Trim(' ', '\t', '\n', '\r', '\v', '\f')).Append('\n');
        foreach (var m in manifests.Where(m => m.IsHook))
        {
            output.Append("---\n# Source: ").Append(m.SourceTemplate).Append('\n').Append(m.Content).Append('\n');
        }

        return output.ToString();
    }
}
