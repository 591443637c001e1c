using WellTrack.Diagnostics;
using WellTrack.Diagnostics.Reporting;

namespace WellTrack.Core.Validation;

/// <summary>Every validation rule described for SARIF consumers (GitHub code scanning shows the title and help).</summary>
public static partial class ValidationSarifRules
{
    public static IReadOnlyList<SarifRule> All { get; } = ValidationRules.All
        .Select(rule => new SarifRule(
            rule.Id,
            rule.Title,
            rule.Title,
            // The message resource with its placeholders shown as an ellipsis: the rule's help, not one finding's text.
            Placeholder().Replace(DiagnosticMessages.Template(rule.Id) ?? rule.Title, "…"),
            Tags: [rule.Category.ToString().ToLowerInvariant()]))
        .ToList();

    [System.Text.RegularExpressions.GeneratedRegex(@"\{\d+\}")]
    private static partial System.Text.RegularExpressions.Regex Placeholder();
}
