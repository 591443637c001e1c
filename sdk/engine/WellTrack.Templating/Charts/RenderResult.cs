using WellTrack.Diagnostics;

namespace WellTrack.Templating.Charts;

/// <summary>
/// The outcome of rendering a chart: the manifests in Helm's order (with their source templates), or the error
/// Helm would print, as text and as a coded diagnostic with file, line and column.
/// </summary>
public sealed class RenderResult
{
    internal RenderResult(IReadOnlyList<RenderedManifest> manifests, string? error, IReadOnlyList<Diagnostic> diagnostics)
    {
        Manifests = manifests;
        Error = error;
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<RenderedManifest> Manifests { get; }

    /// <summary>Helm's error text (what follows "Error: "), or null when rendering succeeded.</summary>
    public string? Error { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool Succeeded => Error is null;

    /// <summary>Exactly what `helm template` prints on stdout for this result (empty on error).</summary>
    public string ToHelmOutput() => Succeeded ? HelmTemplateOutput.Format(Manifests) : string.Empty;
}
