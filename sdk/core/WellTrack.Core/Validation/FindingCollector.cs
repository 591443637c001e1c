using WellTrack.Diagnostics;

namespace WellTrack.Core.Validation;

/// <summary>
/// Grades findings by the settings (chart override, repository override, rule default, --strict), drops disabled
/// ones and duplicates (the same problem seen again when rendering with another ci/ values file), and makes file
/// paths relative to the base directory.
/// </summary>
internal sealed class FindingCollector
{
    private readonly ValidationSettings _settings;
    private readonly string _baseDirectory;
    private readonly List<ValidationFinding> _findings = [];
    private readonly HashSet<(string, string?, int, int, string)> _seen = [];

    public FindingCollector(ValidationSettings settings, string baseDirectory)
    {
        _settings = settings;
        _baseDirectory = baseDirectory;
    }

    public ValidationSettings Settings => _settings;

    /// <summary>Chart whose settings apply (directory name).</summary>
    public string? Chart { get; set; }

    /// <summary>Values files of the render being checked ("values.yaml", "ci/hpa-values.yaml").</summary>
    public string? Variant { get; set; }

    public IReadOnlyList<ValidationFinding> Findings => _findings;

    public void Report(DiagnosticCode code, SourceLocation? location, params object?[] args)
        => ReportWithValuesPath(code, location, valuesPath: null, objectReference: null, args);

    /// <summary>A finding in a rendered object, at a position already mapped to its source.</summary>
    public void Report(DiagnosticCode code, SourceMapping mapping, string? objectReference, params object?[] args)
        => ReportWithValuesPath(code, mapping.Location, mapping.ValuesPath, objectReference, args);

    public void ReportWithValuesPath(DiagnosticCode code, SourceLocation? location, string? valuesPath, string? objectReference, params object?[] args)
    {
        var severity = _settings.SeverityOf(code, Chart);
        if (severity == RuleSeverity.None)
        {
            return;
        }

        var diagnostic = Diagnostic.Create(code, ToDiagnosticSeverity(severity), Relative(location), args);
        if (valuesPath is not null && !diagnostic.Message.StartsWith(valuesPath + ":", StringComparison.Ordinal))
        {
            diagnostic = diagnostic with { Message = $"{diagnostic.Message} (values: {valuesPath})" };
        }

        Add(new ValidationFinding(diagnostic, Chart, Variant, objectReference, valuesPath));
    }

    /// <summary>A diagnostic produced elsewhere (the renderer's WT4xxx): kept as graded there, path made relative.</summary>
    public void Forward(Diagnostic diagnostic)
    {
        var location = Relative(new SourceLocation(diagnostic.File, diagnostic.Line, diagnostic.Column));
        var severity = _settings.Strict && diagnostic.Severity == DiagnosticSeverity.Warning ? DiagnosticSeverity.Error : diagnostic.Severity;
        Add(new ValidationFinding(diagnostic with { File = location?.File, Severity = severity }, Chart, Variant));
    }

    /// <summary>A diagnostic worded elsewhere (dependency resolution), graded as its rule is, placed at <paramref name="location"/>.</summary>
    public void Regrade(Diagnostic diagnostic, SourceLocation? location)
    {
        if (!DiagnosticCode.TryParse(diagnostic.Code, out var code))
        {
            Forward(diagnostic);
            return;
        }

        var severity = _settings.SeverityOf(code, Chart);
        if (severity == RuleSeverity.None)
        {
            return;
        }

        var at = Relative(location);
        Add(new ValidationFinding(diagnostic with { Severity = ToDiagnosticSeverity(severity), File = at?.File, Line = at?.Line ?? 0, Column = at?.Column ?? 0 }, Chart, Variant));
    }

    private void Add(ValidationFinding finding)
    {
        var d = finding.Diagnostic;
        if (_seen.Add((d.Code, d.File, d.Line, d.Column, d.Message)))
        {
            _findings.Add(finding);
        }
    }

    public SourceLocation? Relative(SourceLocation? location)
    {
        if (location?.File is not { Length: > 0 } file)
        {
            return location;
        }

        return location with { File = RelativePath(file) };
    }

    public string RelativePath(string file)
    {
        if (!Path.IsPathRooted(file))
        {
            return file.Replace('\\', '/');
        }

        var relative = Path.GetRelativePath(_baseDirectory, file);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? file : relative).Replace('\\', '/');
    }

    private static DiagnosticSeverity ToDiagnosticSeverity(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => DiagnosticSeverity.Error,
        RuleSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Note,
    };
}
