using WellTrack.Templating.Execution;

namespace WellTrack.Templating.Charts;

/// <summary>What `helm template` takes on its command line, with the same defaults.</summary>
public sealed record RenderOptions
{
    public string ReleaseName { get; init; } = "release-name";

    public string Namespace { get; init; } = "default";

    public string KubeVersion { get; init; } = KubeCapabilities.DefaultKubeVersion;

    /// <summary>Extra group/versions for Capabilities.APIVersions.Has, beyond Helm's defaults.</summary>
    public IReadOnlyList<string> ApiVersions { get; init; } = [];

    /// <summary>
    /// Whether Capabilities.APIVersions starts from Helm's offline list (<c>helm template</c>). False: it is exactly
    /// <see cref="ApiVersions"/>, as when Helm asks a cluster's discovery (Argo CD renders with its destination's list).
    /// </summary>
    public bool IncludeDefaultApiVersions { get; init; } = true;

    /// <summary>Values files (-f), merged in order over values.yaml.</summary>
    public IReadOnlyList<string> ValueFiles { get; init; } = [];

    /// <summary>--set arguments, applied in order after the values files.</summary>
    public IReadOnlyList<string> SetValues { get; init; } = [];

    /// <summary>
    /// Checks each chart's values against its values.schema.json before rendering, as Helm does
    /// (chartutil.ValidateAgainstSchema: the chart's coalesced values, then each enabled subchart's section). The
    /// engine has no JSON Schema implementation of its own; null: schemas are not checked.
    /// </summary>
    public ValuesSchemaValidator? ValuesSchemaValidator { get; init; }

    public int Revision { get; init; } = 1;

    public bool IsUpgrade { get; init; }

    public RenderLimits Limits { get; init; } = RenderLimits.Default;

    /// <summary>Clock and random source for now, date, uuidv4, rand*; use <see cref="RenderEnvironment.Deterministic"/> in tests.</summary>
    public RenderEnvironment Environment { get; init; } = RenderEnvironment.Live;

    /// <summary>
    /// Record where each piece of output came from and attach it to every manifest as
    /// <see cref="RenderedManifest.SourceMap"/>. Off by default: output is the same either way.
    /// </summary>
    public bool RecordSourceMap { get; init; }

    /// <summary>
    /// Supplies the dependencies charts/ lacks (fetched into a cache, never written into the chart): given the chart
    /// as loaded from its directory, returns it with those subcharts added (<see cref="LoadedChart.WithDependencies"/>).
    /// Null: the chart renders with what charts/ holds, as <c>helm template</c> does.
    /// </summary>
    public Func<LoadedChart, LoadedChart>? ResolveDependencies { get; init; }
}
