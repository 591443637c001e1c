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

    /// <summary>Set for the resolved view (<see cref="TryParseResolved"/>), null for the source view.</summary>
    private readonly YamlAliasResolver? _resolver;

    private YamlSourceParser(string fileName, string text, YamlAliasResolver? resolver = null)
    {
        _fileName = fileName;
        _resolver = resolver;
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

    /// <summary>
    /// Every document of a stream in the resolved view Kubernetes reads (see <see cref="YamlAliasResolver"/>): what
    /// the chart validator reads rendered manifests, Chart.yaml, values files and its configuration with. Null, with
    /// the error, when the text is not YAML, repeats a key or names an undefined anchor.
    /// </summary>
    public static IReadOnlyList<YamlSourceNode>? TryParseResolved(string text, out YamlParseError? error)
    {
        error = null;
        var reader = new YamlSourceParser(string.Empty, text, new YamlAliasResolver());
        try
        {
            return reader.ParseStream(single: false);
        }
        catch (YamlException e)
        {
            error = YamlParseError.Of(e);
        }
        catch (InvalidOperationException)
        {
            error = YamlParseError.Unreadable(reader._lastGoodMark);
        }

        return null;
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
            var root = ParseNode(depth: 0);
            if (_resolver is not null)
            {
                YamlAliasResolver.CheckRoot(root);
            }
            roots.Add(root);
            Next(); // DocumentEnd
            _resolver?.EndDocument();
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
                return Defined(new YamlSourceScalar(scalar.Start, scalar.End, NameOf(scalar.Anchor), TagOf(scalar.Tag), scalar.Value, scalar.Style));
            case AnchorAlias alias:
                var aliasNode = new YamlSourceAlias(alias.Start, alias.End, alias.Value.Value);
                return _resolver is null ? aliasNode : _resolver.Resolve(aliasNode);
            case MappingStart mapping:
            {
                _resolver?.Open(NameOf(mapping.Anchor));
                var entries = new List<YamlSourceEntry>();
                List<DeferredAlias>? deferred = null;
                while (Current is not MappingEnd)
                {
                    var key = ParseNode(depth + 1);
                    var value = ParseNode(depth + 1);
                    if (_resolver is not null)
                    {
                        YamlAliasResolver.RefuseDuplicate(entries, key);
                        DeferEntry(entries, key, value, ref deferred);
                    }

                    entries.Add(new YamlSourceEntry(key, value));
                }

                var isFlow = mapping.Style == MappingStyle.Flow;
                var end = EndOfCollection(isFlow);
                return Defined(new YamlSourceMapping(mapping.Start, end, NameOf(mapping.Anchor), TagOf(mapping.Tag), isFlow, entries), deferred);
            }

            case SequenceStart sequence:
            {
                _resolver?.Open(NameOf(sequence.Anchor));
                var items = new List<YamlSourceNode>();
                List<DeferredAlias>? deferred = null;
                while (Current is not SequenceEnd)
                {
                    var item = ParseNode(depth + 1);
                    if (_resolver is not null && item is YamlSourceAlias alias)
                    {
                        DeferItem(items, alias, ref deferred);
                    }

                    items.Add(item);
                }

                var isFlow = sequence.Style == SequenceStyle.Flow;
                var end = EndOfCollection(isFlow);
                return Defined(new YamlSourceSequence(sequence.Start, end, NameOf(sequence.Anchor), TagOf(sequence.Tag), isFlow, items), deferred);
            }

            default:
                throw new YamlException(current.Start, current.End, $"Unexpected {current.GetType().Name} event.");
        }
    }

    /// <summary>An alias whose anchor comes later in the document (resolved view): replaced when the document ends.</summary>
    private readonly record struct DeferredAlias(YamlSourceAlias Alias, Action<YamlSourceNode> Replace);

    // The closures are made here, not in ParseNode, so that a collection without such an alias allocates none.
    private static void DeferEntry(List<YamlSourceEntry> entries, YamlSourceNode key, YamlSourceNode value, ref List<DeferredAlias>? deferred)
    {
        var index = entries.Count;
        if (key is YamlSourceAlias keyAlias)
        {
            (deferred ??= []).Add(new(keyAlias, resolved => entries[index] = entries[index] with { Key = resolved }));
        }

        if (value is YamlSourceAlias valueAlias)
        {
            (deferred ??= []).Add(new(valueAlias, resolved => entries[index] = entries[index] with { Value = resolved }));
        }
    }

    private static void DeferItem(List<YamlSourceNode> items, YamlSourceAlias alias, ref List<DeferredAlias>? deferred)
    {
        var index = items.Count;
        (deferred ??= []).Add(new(alias, resolved => items[index] = resolved));
    }

    /// <summary>Registers an anchored node, then (once a collection is complete, as the representation model did)
    /// its children's deferred aliases.</summary>
    private T Defined<T>(T node, List<DeferredAlias>? deferred = null)
        where T : YamlSourceNode
    {
        if (_resolver is not null)
        {
            foreach (var (alias, replace) in deferred ?? [])
            {
                _resolver.Defer(alias, replace);
            }

            _resolver.Define(node);
        }

        return node;
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
