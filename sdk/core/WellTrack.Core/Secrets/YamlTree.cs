using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace WellTrack.Core.Secrets;

/// <summary>A YAML node with the source positions of its first and last characters (YamlDotNet marks).</summary>
internal abstract class YamlTreeNode(Mark start, Mark end)
{
    public Mark Start { get; } = start;

    public Mark End { get; } = end;
}

internal sealed class YamlTreeScalar(string value, ScalarStyle style, string? tag, Mark start, Mark end) : YamlTreeNode(start, end)
{
    public string Value { get; } = value;

    public ScalarStyle Style { get; } = style;

    public string? Tag { get; } = tag;

    /// <summary>A plain scalar YAML reads as a number, a boolean or null; such a value is never a credential.</summary>
    public bool IsNonString => Style == ScalarStyle.Plain && Tag is null && NonStringPlain(Value);

    private static bool NonStringPlain(string value)
        => value.Length == 0 || value is "~" or "null" or "Null" or "NULL" or "true" or "false" or "True" or "False" or "TRUE" or "FALSE"
           || double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
           || value.StartsWith("0x", StringComparison.Ordinal) && value.Length <= 18 && value[2..].All(Uri.IsHexDigit);
}

internal sealed class YamlTreeMapping(Mark start) : YamlTreeNode(start, start)
{
    public List<KeyValuePair<YamlTreeNode, YamlTreeNode>> Entries { get; } = [];

    public YamlTreeNode? this[string key]
        => Entries.FirstOrDefault(entry => entry.Key is YamlTreeScalar scalar && scalar.Value == key).Value;

    public string? ScalarValue(string key) => this[key] is YamlTreeScalar scalar ? scalar.Value : null;
}

internal sealed class YamlTreeSequence(Mark start) : YamlTreeNode(start, start)
{
    public List<YamlTreeNode> Items { get; } = [];
}

internal sealed class YamlTreeAlias(Mark start, Mark end) : YamlTreeNode(start, end);

/// <summary>
/// Reads every document of a YAML (or JSON) text into <see cref="YamlTreeNode"/>s straight from YamlDotNet's parser
/// events: no object model, no type conversion, positions kept. Throws <see cref="YamlException"/> on invalid YAML.
/// </summary>
internal static class YamlTree
{
    public static List<YamlTreeNode> Read(string text)
    {
        var parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
        var documents = new List<YamlTreeNode>();
        parser.Consume<StreamStart>();
        while (parser.TryConsume<DocumentStart>(out _))
        {
            documents.Add(ReadNode(parser, depth: 0));
            parser.Consume<DocumentEnd>();
        }

        parser.Consume<StreamEnd>();
        return documents;
    }

    private static YamlTreeNode ReadNode(IParser parser, int depth)
    {
        if (depth > 200)
        {
            throw new YamlException(parser.Current?.Start ?? Mark.Empty, parser.Current?.End ?? Mark.Empty, "Nesting deeper than 200 levels.");
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return new YamlTreeScalar(scalar.Value, scalar.Style, scalar.Tag.IsEmpty ? null : scalar.Tag.Value, scalar.Start, scalar.End);
        }

        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return new YamlTreeAlias(alias.Start, alias.End);
        }

        if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            var mapping = new YamlTreeMapping(mappingStart.Start);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = ReadNode(parser, depth + 1);
                var value = ReadNode(parser, depth + 1);
                mapping.Entries.Add(new(key, value));
            }

            return mapping;
        }

        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var sequence = new YamlTreeSequence(sequenceStart.Start);
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                sequence.Items.Add(ReadNode(parser, depth + 1));
            }

            return sequence;
        }

        var current = parser.Current;
        throw new YamlException(current?.Start ?? Mark.Empty, current?.End ?? Mark.Empty, $"Unexpected {current?.GetType().Name}.");
    }
}
