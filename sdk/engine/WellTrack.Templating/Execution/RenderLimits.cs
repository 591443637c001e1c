namespace WellTrack.Templating.Execution;

/// <summary>
/// Bounds that keep a hostile or buggy template from exhausting the machine. Each limit breached is a coded error
/// (WT4010 output size, WT4011 iterations, WT4012 nesting), never a hang or a crash.
/// </summary>
public sealed record RenderLimits
{
    public static readonly RenderLimits Default = new();

    /// <summary>Characters one render may produce, over all templates.</summary>
    public long MaxOutputChars { get; init; } = 64L * 1024 * 1024;

    /// <summary>Range iterations one render may run, over all loops.</summary>
    public long MaxRangeIterations { get; init; } = 10_000_000;

    /// <summary>Nesting of template/include/tpl calls; Helm's own include limit (1000) applies first.</summary>
    public int MaxNestingDepth { get; init; } = 1_500;

    /// <summary>
    /// Stack the render may use on the calling thread before nesting is refused. .NET cannot recover from a stack
    /// overflow, so this stays well inside a default 1.5 MB thread stack; <see cref="Charts.ChartRenderer"/> renders
    /// on its own thread with a large stack and raises it, so Helm's own include limit (1000) is reached first.
    /// </summary>
    public long MaxStackBytes { get; init; } = 640 * 1024;
}
