using WellTrack.Diagnostics;

namespace WellTrack.Core.Bump;

/// <summary>The edited contents of every values file of a bump, or why they could not be computed.</summary>
public sealed record ValuesEditPlan(IReadOnlyList<BumpFileChange> Files, IReadOnlyList<Diagnostic> Diagnostics);
