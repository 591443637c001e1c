using WellTrack.GitOps.Diagnostics;
using WellTrack.GitOps.Reporting;

namespace WellTrack.GitOps.Validation;

/// <summary>Every validation rule described for SARIF consumers (GitHub code scanning shows the title and help).</summary>
public static class ValidationSarifRules
{
    public static IReadOnlyList<SarifRule> All { get; } = ValidationRules.All
        .Select(rule => new SarifRule(
            rule.Id,
            rule.Title,
            rule.Title,
            DiagnosticMessages.Template(rule.Id) ?? rule.Title,
            Tags: [rule.Category.ToString().ToLowerInvariant()]))
        .ToList();
}
