namespace WellTrack.Core.Dependencies;

/// <summary>
/// A place dependency charts are fetched from, as Chart.yaml's <c>repository</c> names it: a classic Helm repository
/// (<c>https://…</c> with an <c>index.yaml</c>) or an OCI registry (<c>oci://host/path</c>). The resolver picks a version
/// from <see cref="VersionsAsync"/> and caches what <see cref="DownloadAsync"/> returns, so sources never cache.
/// </summary>
public interface IChartSource
{
    /// <summary>The versions of chart <paramref name="name"/> this source offers, with what verifies each archive.</summary>
    /// <exception cref="WellTrack.Diagnostics.DiagnosticException">A coded error naming the repository: unreachable, timed out, 401/403/404, malformed answer.</exception>
    Task<IReadOnlyList<ChartSourceEntry>> VersionsAsync(string name, CancellationToken cancellationToken);

    /// <summary>The chart archive (the bytes of a <c>.tgz</c>) of <paramref name="entry"/>, verified against its digest when it has one.</summary>
    /// <exception cref="WellTrack.Diagnostics.DiagnosticException">A coded error naming the repository and the chart: transport failure, size limit, digest mismatch.</exception>
    Task<byte[]> DownloadAsync(ChartSourceEntry entry, CancellationToken cancellationToken);
}

/// <summary>
/// One version of a chart in a source. <see cref="Version"/> is the chart's SemVer as Chart.yaml writes it (an OCI tag's
/// <c>_</c> already turned back into <c>+</c>); <see cref="Digest"/> is <c>sha256:&lt;hex&gt;</c> of the archive when the
/// source states one (index.yaml's <c>digest</c>, the OCI layer's digest); <see cref="Location"/> is where the archive is.
/// </summary>
public sealed record ChartSourceEntry(string Name, string Version, string? Digest, Uri Location);
