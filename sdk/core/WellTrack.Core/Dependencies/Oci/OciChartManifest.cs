using System.Text.Json;
using System.Text.RegularExpressions;

namespace WellTrack.Core.Dependencies.Oci;

/// <summary>
/// The part of an OCI image manifest that makes it a Helm chart: config of media type
/// <c>application/vnd.cncf.helm.config.v1+json</c> and exactly one chart content layer, whose digest and size are
/// what the download is checked against.
/// </summary>
internal sealed partial record OciChartManifest(string LayerDigest, long LayerSize)
{
    /// <summary>Reads the chart layer of <paramref name="manifest"/>; WT3436 when it is not a chart, WT3439 when malformed.</summary>
    public static OciChartManifest Read(JsonElement manifest, OciFailures failures, string version, string what)
    {
        if (manifest.ValueKind != JsonValueKind.Object)
        {
            throw failures.MalformedJson(what, "the manifest is not a JSON object");
        }

        if (String(manifest, "mediaType") is { } mediaType && mediaType != OciMediaTypes.ImageManifest)
        {
            throw failures.NotAHelmChart(version, $"its manifest is '{mediaType}', not '{OciMediaTypes.ImageManifest}'");
        }

        var configType = manifest.TryGetProperty("config", out var config) && config.ValueKind == JsonValueKind.Object ? String(config, "mediaType") : null;
        if (configType != OciMediaTypes.HelmConfig)
        {
            throw failures.NotAHelmChart(version, $"its config media type is '{configType}', not '{OciMediaTypes.HelmConfig}'");
        }

        if (!manifest.TryGetProperty("layers", out var layers) || layers.ValueKind != JsonValueKind.Array)
        {
            throw failures.MalformedJson(what, "the manifest has no 'layers' array");
        }

        var chartLayers = layers.EnumerateArray()
            .Where(l => l.ValueKind == JsonValueKind.Object && String(l, "mediaType") is OciMediaTypes.HelmChartContent or OciMediaTypes.LegacyHelmChartContent)
            .ToList();
        if (chartLayers.Count != 1)
        {
            throw failures.NotAHelmChart(version, $"it has {chartLayers.Count} layers of media type '{OciMediaTypes.HelmChartContent}', not one");
        }

        var layer = chartLayers[0];
        var digest = String(layer, "digest");
        if (digest is null || !Sha256Digest().IsMatch(digest))
        {
            throw failures.NotAHelmChart(version, $"its chart layer's digest '{digest}' is not sha256:<64 hex digits>");
        }

        if (!layer.TryGetProperty("size", out var size) || size.ValueKind != JsonValueKind.Number || !size.TryGetInt64(out var bytes) || bytes < 0)
        {
            throw failures.MalformedJson(what, "the chart layer has no valid 'size'");
        }

        return new OciChartManifest(digest, bytes);
    }

    private static string? String(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex("^sha256:[a-f0-9]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Sha256Digest();
}
