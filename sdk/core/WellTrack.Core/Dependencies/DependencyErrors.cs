using WellTrack.Diagnostics;

namespace WellTrack.Core.Dependencies;

/// <summary>The coded errors of dependency resolution, thrown where they happen and reported against Chart.yaml.</summary>
internal static class DependencyErrors
{
    public static DiagnosticException Error(DiagnosticCode code, params object?[] args) => DiagnosticException.Error(code, null, args);
}
