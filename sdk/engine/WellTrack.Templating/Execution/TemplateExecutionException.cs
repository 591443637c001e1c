using WellTrack.Diagnostics;

namespace WellTrack.Templating.Execution;

/// <summary>
/// Go's template.ExecError: the message is already worded as Go words it
/// (<c>template: NAME:LINE:COL: executing "NAME" at &lt;NODE&gt;: detail</c>).
/// </summary>
public sealed class TemplateExecutionException : Exception
{
    public TemplateExecutionException(string message, string? file = null, int line = 0, int column = 0, DiagnosticCode? code = null)
        : base(message)
    {
        File = file;
        Line = line;
        Column = column;
        Code = code;
    }

    /// <summary>Template file of the innermost failing node, when known.</summary>
    public string? File { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>A WT4xxx code for engine limits (recursion, output size, iterations); null for Go errors.</summary>
    public DiagnosticCode? Code { get; }
}
