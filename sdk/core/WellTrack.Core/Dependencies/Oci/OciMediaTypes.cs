namespace WellTrack.Core.Dependencies.Oci;

/// <summary>The media types Helm writes when it pushes a chart (helm.sh/helm/v3/pkg/registry) and OCI's own.</summary>
internal static class OciMediaTypes
{
    public const string ImageManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string HelmConfig = "application/vnd.cncf.helm.config.v1+json";
    public const string HelmChartContent = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";

    /// <summary>The layer type of charts pushed by Helm before 3.8 (the experimental OCI support); Helm still pulls it.</summary>
    public const string LegacyHelmChartContent = "application/tar+gzip";
}
