using WellTrack.Core.Secrets.Providers;
using WellTrack.Core.Secrets.Rules;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Secrets;

/// <summary>
/// A finding before suppression, redaction and fingerprinting. <see cref="Secret"/> never leaves the scanner: only
/// its redacted excerpt and its fingerprint do. <see cref="RuleId"/> names a provider format's own rule (WT5028); null
/// means the code's rule in <see cref="SecretRuleCatalog"/>.
/// </summary>
internal sealed record RawFinding(DiagnosticCode Code, DiagnosticSeverity Severity, int Line, int Column, int KeyLine, string KeyPath, string Secret, string Detail = "", string? RuleId = null);

/// <summary>A values path that a template turns into a Secret, and where.</summary>
internal sealed record FedPath(string Path, string Template, int Line);

/// <summary>One file being scanned: its text, a line index for positions, and the findings so far.</summary>
internal sealed class FileScan
{
    private readonly int[] _lineStarts;

    public FileScan(string relativePath, string text, TokenRules tokens, bool allowPlaceholders)
    {
        RelativePath = relativePath;
        Text = text;
        Tokens = tokens;
        AllowPlaceholders = allowPlaceholders;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
    }

    public string RelativePath { get; }

    public string Text { get; }

    public TokenRules Tokens { get; }

    public bool AllowPlaceholders { get; }

    public List<RawFinding> Findings { get; } = [];

    public int LineCount => _lineStarts.Length;

    /// <summary>1-based line and column of a character index.</summary>
    public (int Line, int Column) Position(int index)
    {
        index = Math.Clamp(index, 0, Text.Length);
        var line = Array.BinarySearch(_lineStarts, index);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return (line + 1, index - _lineStarts[line] + 1);
    }

    /// <summary>The text of a 1-based line, without its line break.</summary>
    public string LineText(int line)
    {
        var (start, end) = LineSpan(line);
        return Text[start..end];
    }

    /// <summary>Where a 1-based line's text starts and ends (before its line break); empty outside the file.</summary>
    public (int Start, int End) LineSpan(int line)
    {
        if (line < 1 || line > _lineStarts.Length)
        {
            return (0, 0);
        }

        var start = _lineStarts[line - 1];
        var end = line < _lineStarts.Length ? _lineStarts[line] - 1 : Text.Length;
        if (end > start && Text[end - 1] == '\r')
        {
            end--;
        }

        return (start, Math.Max(start, end));
    }

    public void Add(RawFinding finding)
    {
        if (!Findings.Any(f => f.Line == finding.Line && f.Column == finding.Column && f.Code == finding.Code))
        {
            Findings.Add(finding);
        }
    }

    public void AddToken(TokenMatch match, int line, int column, int keyLine, string keyPath, string detail = "")
        => Add(match.Format is { } format
            ? new RawFinding(match.Code, match.Severity, line, column, keyLine, keyPath, match.Secret, ProviderFindings.Detail(format), format.Id)
            : new RawFinding(match.Code, match.Severity, line, column, keyLine, keyPath, match.Secret, detail));
}
