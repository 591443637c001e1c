namespace WellTrack.Templating.Parsing;

/// <summary>
/// Where one <c>{{ ... }}</c> or <c>{{/* comment */}}</c> lies in a template's text: from its opening braces to just
/// after its closing ones, trim markers included. The lexer records them as it goes, so a tool that needs both the
/// parse tree and the actions' places lexes the text once.
/// </summary>
internal readonly record struct ActionExtent(int Start, int End, bool IsComment);
