namespace WellTrack.Templating.Parsing;

/// <summary>A parse error worded as Go's: <c>template: NAME:LINE: message</c>.</summary>
public sealed class TemplateParseException : Exception
{
    public TemplateParseException(string templateName, int line, string detail)
        : base($"template: {templateName}:{line}: {detail}")
    {
        TemplateName = templateName;
        Line = line;
        Detail = detail;
    }

    public string TemplateName { get; }

    public int Line { get; }

    /// <summary>The message without Go's "template: NAME:LINE: " prefix.</summary>
    public string Detail { get; }
}
