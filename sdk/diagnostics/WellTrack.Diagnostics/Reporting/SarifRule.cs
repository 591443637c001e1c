namespace WellTrack.Diagnostics.Reporting;

/// <summary>A SARIF reportingDescriptor: the code, a stable name, a short description and help text.</summary>
public sealed record SarifRule(string Id, string Name, string ShortDescription, string HelpText, string? HelpUri = null, IReadOnlyList<string>? Tags = null, string? SecuritySeverity = null);
