using System.Globalization;
using System.Text;
using WellTrack.Templating.Values;

namespace WellTrack.Templating.Parsing;

/// <summary>The source a node was parsed from: the name errors report (Go's ParseName) and the full text.</summary>
internal sealed class ParseSource
{
    public ParseSource(string parseName, string text)
    {
        ParseName = parseName;
        Text = text;
    }

    public string ParseName { get; }

    public string Text { get; }

    /// <summary>Go's ErrorContext location: NAME:LINE:COL, the column counted in UTF-8 bytes from the line start.</summary>
    public string Location(int pos)
    {
        var lineStart = Text.LastIndexOf('\n', Math.Max(pos - 1, 0));
        if (pos == 0)
        {
            lineStart = -1;
        }

        var line = 1;
        for (var i = 0; i < pos; i++)
        {
            if (Text[i] == '\n')
            {
                line++;
            }
        }

        var column = lineStart < 0 ? Encoding.UTF8.GetByteCount(Text.AsSpan(0, pos)) : Encoding.UTF8.GetByteCount(Text.AsSpan(lineStart + 1, pos - lineStart - 1));
        return string.Create(CultureInfo.InvariantCulture, $"{ParseName}:{line}:{column}");
    }

    /// <summary>1-based line and column (characters) of <paramref name="pos"/>, for diagnostics.</summary>
    public (int Line, int Column) LineColumn(int pos)
    {
        var line = 1;
        var lastNewline = -1;
        for (var i = 0; i < pos && i < Text.Length; i++)
        {
            if (Text[i] == '\n')
            {
                line++;
                lastNewline = i;
            }
        }

        return (line, pos - lastNewline);
    }
}

/// <summary>A node of a parsed template, with its offset in <see cref="Source"/> and Go's String() form.</summary>
internal abstract class Node
{
    protected Node(ParseSource source, int pos)
    {
        Source = source;
        Pos = pos;
    }

    public ParseSource Source { get; }

    public int Pos { get; }

    public abstract void WriteTo(StringBuilder sb);

    public override string ToString()
    {
        var sb = new StringBuilder();
        WriteTo(sb);
        return sb.ToString();
    }
}

internal sealed class ListNode : Node
{
    public ListNode(ParseSource source, int pos)
        : base(source, pos)
    {
    }

    public List<Node> Nodes { get; } = [];

    public override void WriteTo(StringBuilder sb)
    {
        foreach (var n in Nodes)
        {
            n.WriteTo(sb);
        }
    }
}

internal sealed class TextNode(ParseSource source, int pos, string text) : Node(source, pos)
{
    public string Text { get; } = text;

    public override void WriteTo(StringBuilder sb) => sb.Append(Text);
}

internal sealed class CommentNode(ParseSource source, int pos, string text) : Node(source, pos)
{
    public string Text { get; } = text;

    public override void WriteTo(StringBuilder sb) => sb.Append("{{").Append(Text).Append("}}");
}

internal sealed class PipeNode(ParseSource source, int pos) : Node(source, pos)
{
    public bool IsAssign { get; set; }

    public List<VariableNode> Decl { get; } = [];

    public List<CommandNode> Cmds { get; } = [];

    public override void WriteTo(StringBuilder sb)
    {
        if (Decl.Count > 0)
        {
            for (var i = 0; i < Decl.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(", ");
                }

                Decl[i].WriteTo(sb);
            }

            sb.Append(" := ");
        }

        for (var i = 0; i < Cmds.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(" | ");
            }

            Cmds[i].WriteTo(sb);
        }
    }
}

internal sealed class ActionNode(ParseSource source, int pos, PipeNode pipe) : Node(source, pos)
{
    public PipeNode Pipe { get; } = pipe;

    public override void WriteTo(StringBuilder sb)
    {
        sb.Append("{{");
        Pipe.WriteTo(sb);
        sb.Append("}}");
    }
}

internal sealed class CommandNode(ParseSource source, int pos) : Node(source, pos)
{
    public List<Node> Args { get; } = [];

    public override void WriteTo(StringBuilder sb)
    {
        for (var i = 0; i < Args.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            if (Args[i] is PipeNode pipe)
            {
                sb.Append('(');
                pipe.WriteTo(sb);
                sb.Append(')');
                continue;
            }

            Args[i].WriteTo(sb);
        }
    }
}

internal sealed class IdentifierNode(ParseSource source, int pos, string ident) : Node(source, pos)
{
    public string Ident { get; } = ident;

    public override void WriteTo(StringBuilder sb) => sb.Append(Ident);
}

internal sealed class VariableNode(ParseSource source, int pos, string ident) : Node(source, pos)
{
    public string[] Ident { get; } = ident.Split('.');

    public override void WriteTo(StringBuilder sb) => sb.AppendJoin('.', Ident);
}

internal sealed class DotNode(ParseSource source, int pos) : Node(source, pos)
{
    public override void WriteTo(StringBuilder sb) => sb.Append('.');
}

internal sealed class NilNode(ParseSource source, int pos) : Node(source, pos)
{
    public override void WriteTo(StringBuilder sb) => sb.Append("nil");
}

internal sealed class FieldNode(ParseSource source, int pos, string ident) : Node(source, pos)
{
    /// <summary>The identifiers without the leading period.</summary>
    public string[] Ident { get; } = ident[1..].Split('.');

    public override void WriteTo(StringBuilder sb)
    {
        foreach (var id in Ident)
        {
            sb.Append('.').Append(id);
        }
    }
}

internal sealed class ChainNode(ParseSource source, int pos, Node node) : Node(source, pos)
{
    public Node Node { get; } = node;

    public List<string> Field { get; } = [];

    public override void WriteTo(StringBuilder sb)
    {
        if (Node is PipeNode)
        {
            sb.Append('(');
            Node.WriteTo(sb);
            sb.Append(')');
        }
        else
        {
            Node.WriteTo(sb);
        }

        foreach (var f in Field)
        {
            sb.Append('.').Append(f);
        }
    }
}

internal sealed class BoolNode(ParseSource source, int pos, bool value) : Node(source, pos)
{
    public bool Value { get; } = value;

    public override void WriteTo(StringBuilder sb) => sb.Append(Value ? "true" : "false");
}

internal sealed class NumberNode(ParseSource source, int pos, string text) : Node(source, pos)
{
    public string Text { get; } = text;

    public bool IsInt { get; set; }

    public bool IsUint { get; set; }

    public bool IsFloat { get; set; }

    public bool IsComplex { get; set; }

    public long Int64 { get; set; }

    public ulong Uint64 { get; set; }

    public double Float64 { get; set; }

    public GoComplex Complex { get; set; }

    public override void WriteTo(StringBuilder sb) => sb.Append(Text);
}

internal sealed class StringNode(ParseSource source, int pos, string quoted, string text) : Node(source, pos)
{
    public string Quoted { get; } = quoted;

    public string Text { get; } = text;

    public override void WriteTo(StringBuilder sb) => sb.Append(Quoted);
}

/// <summary>{{end}} and {{else}}: only seen by the parser while it closes a control structure.</summary>
internal sealed class DelimiterNode(ParseSource source, int pos, bool isElse) : Node(source, pos)
{
    public bool IsElse { get; } = isElse;

    public override void WriteTo(StringBuilder sb) => sb.Append(IsElse ? "{{else}}" : "{{end}}");
}

internal enum BranchKind
{
    If,
    Range,
    With,
}

internal sealed class BranchNode(ParseSource source, int pos, BranchKind kind, PipeNode pipe, ListNode list, ListNode? elseList)
    : Node(source, pos)
{
    public BranchKind Kind { get; } = kind;

    public PipeNode Pipe { get; } = pipe;

    public ListNode List { get; } = list;

    public ListNode? ElseList { get; } = elseList;

    public override void WriteTo(StringBuilder sb)
    {
        sb.Append("{{").Append(Kind switch { BranchKind.If => "if", BranchKind.Range => "range", _ => "with" }).Append(' ');
        Pipe.WriteTo(sb);
        sb.Append("}}");
        List.WriteTo(sb);
        if (ElseList is not null)
        {
            sb.Append("{{else}}");
            ElseList.WriteTo(sb);
        }

        sb.Append("{{end}}");
    }
}

internal sealed class BreakNode(ParseSource source, int pos) : Node(source, pos)
{
    public override void WriteTo(StringBuilder sb) => sb.Append("{{break}}");
}

internal sealed class ContinueNode(ParseSource source, int pos) : Node(source, pos)
{
    public override void WriteTo(StringBuilder sb) => sb.Append("{{continue}}");
}

internal sealed class TemplateNode(ParseSource source, int pos, string name, PipeNode? pipe) : Node(source, pos)
{
    public string Name { get; } = name;

    public PipeNode? Pipe { get; } = pipe;

    public override void WriteTo(StringBuilder sb)
    {
        sb.Append("{{template ").Append(GoStrconv.Quote(Name));
        if (Pipe is not null)
        {
            sb.Append(' ');
            Pipe.WriteTo(sb);
        }

        sb.Append("}}");
    }
}
