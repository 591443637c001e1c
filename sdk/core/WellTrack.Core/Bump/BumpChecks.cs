using WellTrack.Core.Secrets;
using WellTrack.Core.Validation;

namespace WellTrack.Core.Bump;

/// <summary>What every bump checks before it commits, whichever front end runs it: the edited charts still render and
/// validate, and hold no plain secret.</summary>
public static class BumpChecks
{
    public static IReadOnlyList<IBumpCheck> Standard() => [new ChartValidationBumpCheck(new HelmChartRenderer()), new SecretsBumpCheck()];
}
