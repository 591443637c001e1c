using WellTrack.GitOps.Bump;
using WellTrack.GitOps.Secrets;
using WellTrack.GitOps.Validation;

namespace WellTrack.Templating.Integration;

/// <summary>What every bump checks before it commits, whichever front end runs it: the edited charts still render and
/// validate, and hold no plain secret.</summary>
public static class BumpChecks
{
    public static IReadOnlyList<IBumpCheck> Standard() => [new ChartValidationBumpCheck(new HelmChartRenderer()), new SecretsBumpCheck()];
}
