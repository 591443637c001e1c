using WellTrack.Core.Dependencies.Oci;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Dependencies;

/// <summary>
/// Picks the <see cref="IChartSource"/> for a repository URL by its scheme: classic Helm repositories over HTTP(S),
/// OCI registries for <c>oci://</c>. One entry per scheme.
/// </summary>
public sealed class ChartSources
{
    private readonly Dictionary<string, Func<string, DependencyOptions, IChartSource>> _factories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["http"] = (url, options) => new HelmRepositorySource(url, options),
        ["https"] = (url, options) => new HelmRepositorySource(url, options),
        ["oci"] = (url, options) => new OciChartSource(url, new OciSourceOptions { Timeout = options.Timeout, MaxArchiveBytes = options.Limits.MaxArchiveBytes }),
    };

    /// <summary>Adds or replaces the source of <paramref name="scheme"/> (tests use this for fakes).</summary>
    public ChartSources With(string scheme, Func<string, DependencyOptions, IChartSource> factory)
    {
        _factories[scheme] = factory;
        return this;
    }

    /// <exception cref="DiagnosticException">WT3402 when no source handles the URL's scheme.</exception>
    public IChartSource For(string dependency, string repositoryUrl, DependencyOptions options)
    {
        var colon = repositoryUrl.IndexOf("://", StringComparison.Ordinal);
        var scheme = colon < 0 ? string.Empty : repositoryUrl[..colon];
        return _factories.TryGetValue(scheme, out var factory)
            ? factory(repositoryUrl, options)
            : throw DependencyErrors.Error(DiagnosticCodes.WT3402, dependency, repositoryUrl, scheme);
    }
}
