using YamlDotNet.Core;

namespace WellTrack.Core.Yaml;

/// <summary>Why a YAML stream could not be read: 1-based position, the first line of the parser's message, and
/// whether it is a repeated key (which the validator reports under a code of its own).</summary>
internal sealed record YamlParseError(int Line, int Column, string Message, bool DuplicateKey)
{
    public static YamlParseError Of(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        var duplicate = e.InnerException is ArgumentException || message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase);
        return new YamlParseError(Math.Max(1, (int)e.Start.Line), Math.Max(1, (int)e.Start.Column), FirstLine(message), duplicate);
    }

    /// <summary>YamlDotNet's scanner rejects a few malformed inputs without a position; the start of the last event
    /// that parsed is the closest there is.</summary>
    public static YamlParseError Unreadable(Mark lastGoodMark)
        => new(Math.Max(1, (int)lastGoodMark.Line), Math.Max(1, (int)lastGoodMark.Column),
            "the text cannot be read after this point (an unclosed '[', '{' or quote?)", false);

    private static string FirstLine(string message)
    {
        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        return (newline < 0 ? message : message[..newline]).Trim();
    }
}
