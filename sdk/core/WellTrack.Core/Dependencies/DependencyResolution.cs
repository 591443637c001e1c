using WellTrack.Diagnostics;
using WellTrack.Templating.Charts;

namespace WellTrack.Core.Dependencies;

/// <summary>What a resolution is for.</summary>
public enum ResolutionMode
{
    /// <summary>validate, template, build, bump: only what charts/ lacks; Chart.lock when it agrees with Chart.yaml.</summary>
    Missing,

    /// <summary><c>dependency build</c>: every dependency, from Chart.lock when there is one (a stale one is an error).</summary>
    Build,

    /// <summary><c>dependency update</c>: every dependency, from Chart.yaml's constraints; Chart.lock is rewritten.</summary>
    Update,
}

/// <summary>A dependency fetched (or read from a <c>file://</c> directory), checked, and loaded.</summary>
/// <param name="Archive">The <c>.tgz</c> as charts/ would hold it (a <c>file://</c> chart packed).</param>
public sealed record ResolvedDependency(ChartDependency Request, LockedDependency Locked, LoadedChart Chart, byte[] Archive)
{
    /// <summary>Helm's name for the archive in charts/.</summary>
    public string FileName => $"{Locked.Name}-{Locked.Version}.tgz";
}

/// <summary>A coded error about one dependency (<paramref name="Dependency"/> null: about the lock file).</summary>
public sealed record DependencyProblem(string? Dependency, Diagnostic Diagnostic);

/// <summary>
/// The outcome of resolving a chart's dependencies. <see cref="Lock"/> is the lock Helm would write, present when
/// every dependency resolved.
/// </summary>
public sealed record DependencyResolution(IReadOnlyList<ResolvedDependency> Resolved, IReadOnlyList<DependencyProblem> Problems, ChartLock? Lock)
{
    public static DependencyResolution Empty { get; } = new([], [], null);

    public bool Succeeded => !Problems.Any(p => p.Diagnostic.IsError);
}
