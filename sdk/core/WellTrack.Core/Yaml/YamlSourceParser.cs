using WellTrack.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace WellTrack.Core.Yaml;

/// <summary>
/// Builds <see cref="YamlSourceNode"/> trees from YamlDotNet's parser events, keeping every node's span.
/// Refuses unparsable text (WT1001) and a second document (WT1010): a values file is one document, and editing
/// "the" image tag of a multi-document file would be ambiguous.
/// </summary>
internal sealed class YamlSourceParser
{
    private readonly Parser parser;
    private readonly YamlSourceText source;
    private Mark lastGoodMark = Mark.Empty;

    private YamlSourceParser(YamlSourceText source)
    {
        this.source = source;
        parser = new Parser(new StringReader(source.Text));
    }

    public static YamlSourceDocument Parse(YamlSourceText source)
    {
        var reader = new YamlSourceParser(source);
        var root = reader.Guarded(reader.ParseStream);
        // A second, comment-keeping scan; guarded too, because a pin comment that cannot be read must not be ignored.
        var comments = reader.Guarded(() => YamlLineComments.Collect(source.Text));
        return new YamlSourceDocument(source, root, comments);
    }

    private YamlSourceNode? ParseStream()
    {
        Next(); // StreamStart
        Next();
        YamlSourceNode? root = null;
        var documents = 0;
        while (Current is DocumentStart start)
        {
            if (++documents > 1)
            {
                throw DiagnosticException.Error(DiagnosticCodes.WT1010, At(start.Start));
            }

            Next();
            root = ParseNode();
            Next(); // DocumentEnd
        }

        return root;
    }

    /// <summary>Turns YamlDotNet's exceptions into WT1001 at the position it reports.</summary>
    private T Guarded<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (YamlException e)
        {
            throw DiagnosticException.Error(DiagnosticCodes.WT1001, At(e.Start), e.Message);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this (no position) on some malformed input, e.g. an unclosed "[" followed
            // by a block key; the last event read is the closest position there is.
            throw DiagnosticException.Error(DiagnosticCodes.WT1001, At(lastGoodMark), e.Message);
        }
    }

    private ParsingEvent Current => parser.Current ?? throw new YamlException(lastGoodMark, lastGoodMark, "Unexpected end of the YAML stream.");

    private void Next()
    {
        if (parser.Current is { } current)
        {
            lastGoodMark = current.Start;
        }

        parser.MoveNext();
    }

    private YamlSourceNode ParseNode()
    {
        var current = Current;
        Next();
        switch (current)
        {
            case Scalar scalar:
                return new YamlSourceScalar(scalar.Start, scalar.End, NameOf(scalar.Anchor), TagOf(scalar.Tag), scalar.Value, scalar.Style);
            case AnchorAlias alias:
                return new YamlSourceAlias(alias.Start, alias.End, alias.Value.Value);
            case MappingStart mapping:
            {
                var entries = new List<YamlSourceEntry>();
                while (Current is not MappingEnd)
                {
                    var key = ParseNode();
                    entries.Add(new YamlSourceEntry(key, ParseNode()));
                }

                var isFlow = mapping.Style == MappingStyle.Flow;
                var end = EndOfCollection(isFlow);
                return new YamlSourceMapping(mapping.Start, end, NameOf(mapping.Anchor), TagOf(mapping.Tag), isFlow, entries);
            }

            case SequenceStart sequence:
            {
                var items = new List<YamlSourceNode>();
                while (Current is not SequenceEnd)
                {
                    items.Add(ParseNode());
                }

                var isFlow = sequence.Style == SequenceStyle.Flow;
                var end = EndOfCollection(isFlow);
                return new YamlSourceSequence(sequence.Start, end, NameOf(sequence.Anchor), TagOf(sequence.Tag), isFlow, items);
            }

            default:
                throw new YamlException(current.Start, current.End, $"Unexpected {current.GetType().Name} event.");
        }
    }

    /// <summary>
    /// A flow collection ends after its closing bracket, whose position is the end event's start. A block
    /// collection's end event sits at the next token (possibly lines later), so its span is left ending there and
    /// callers that need the last character use the last child instead.
    /// </summary>
    private int EndOfCollection(bool isFlow)
    {
        var endIndex = (int)Current.Start.Index + (isFlow ? 1 : 0);
        Next();
        return endIndex;
    }

    private static string? NameOf(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;

    private static string? TagOf(TagName tag) => tag.IsEmpty ? null : tag.Value;

    private SourceLocation At(Mark mark) => new(source.FileName, (int)mark.Line, (int)mark.Column);
}
