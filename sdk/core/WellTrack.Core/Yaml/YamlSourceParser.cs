using WellTrack.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace WellTrack.Core.Yaml;

/// <summary>
/// Builds <see cref="YamlSourceNode"/> trees from YamlDotNet's parser events, keeping every node's span: the one
/// position-keeping YAML front end of the core. The bump's editor reads a values file with <see cref="Parse"/>, which
/// refuses unparsable text (WT1001) and a second document (WT1010): a values file is one document, and editing "the"
/// image tag of a multi-document file would be ambiguous. The secrets scanner reads any YAML or JSON stream with
/// <see cref="ParseDocuments"/>.
/// </summary>
internal sealed class YamlSourceParser
{
    /// <summary>Deeper nesting is refused (as invalid YAML) rather than recursed into.</summary>
    private const int MaxDepth = 200;

    private readonly Parser _parser;
    private readonly string _fileName;
    private Mark _lastGoodMark = Mark.Empty;

    private YamlSourceParser(string fileName, string text)
    {
        _fileName = fileName;
        _parser = new Parser(new StringReader(text));
    }

    public static YamlSourceDocument Parse(YamlSourceText source)
    {
        var reader = new YamlSourceParser(source.FileName, source.Text);
        var root = reader.Guarded(() => reader.ParseStream(single: true).FirstOrDefault());
        // A second, comment-keeping scan; guarded too, because a pin comment that cannot be read must not be ignored.
        var comments = reader.Guarded(() => YamlLineComments.Collect(source.Text));
        return new YamlSourceDocument(source, root, comments);
    }

    /// <summary>Every document of a YAML (or JSON) stream, each with its spans.</summary>
    /// <exception cref="YamlException">When the text is not YAML (at the closest position there is).</exception>
    public static IReadOnlyList<YamlSourceNode> ParseDocuments(string text)
    {
        var reader = new YamlSourceParser(string.Empty, text);
        try
        {
            return reader.ParseStream(single: false);
        }
        catch (InvalidOperationException e)
        {
            throw new YamlException(reader._lastGoodMark, reader._lastGoodMark, e.Message);
        }
    }

    private List<YamlSourceNode> ParseStream(bool single)
    {
        Next(); // StreamStart
        Next();
        var roots = new List<YamlSourceNode>();
        while (Current is DocumentStart start)
        {
            if (single && roots.Count > 0)
            {
                throw DiagnosticException.Error(DiagnosticCodes.WT1010, At(start.Start));
            }

            Next();
            roots.Add(ParseNode(depth: 0));
            Next(); // DocumentEnd
        }

        return roots;
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
            throw DiagnosticException.Error(DiagnosticCodes.WT1001, At(_lastGoodMark), e.Message);
        }
    }

    private ParsingEvent Current => _parser.Current ?? throw new YamlException(_lastGoodMark, _lastGoodMark, "Unexpected end of the YAML stream.");

    private void Next()
    {
        if (_parser.Current is { } current)
        {
            _lastGoodMark = current.Start;
        }

        _parser.MoveNext();
    }

    private YamlSourceNode ParseNode(int depth)
    {
        var current = Current;
        if (depth > MaxDepth)
        {
            throw new YamlException(current.Start, current.End, $"Nesting deeper than {MaxDepth} levels.");
        }

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
                    var key = ParseNode(depth + 1);
                    entries.Add(new YamlSourceEntry(key, ParseNode(depth + 1)));
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
                    items.Add(ParseNode(depth + 1));
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

    private SourceLocation At(Mark mark) => new(_fileName, (int)mark.Line, (int)mark.Column);
}
