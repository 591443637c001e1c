using WellTrack.Diagnostics;

namespace WellTrack.Core.Yaml;

/// <summary>
/// Follows a key path through a document and decides whether the target may be edited in place. Everything that
/// would make a one-scalar edit mean something else is refused here with a coded error at the offending node:
/// aliases and anchors (the edit would reach, or stop reaching, other places), tags (the value would not be a plain
/// string), block scalars (their text is not the value), collections, and duplicate keys (which one is meant?).
/// </summary>
internal static class YamlPathResolver
{
    public static YamlPathTarget Resolve(YamlSourceDocument document, YamlPath path)
    {
        var fileName = document.Source.FileName;
        YamlSourceNode? node = document.Root;
        YamlSourceNode? keyOfNode = null;
        for (var depth = 0; depth < path.Segments.Count; depth++)
        {
            var mapping = RequireMapping(fileName, node, keyOfNode, path, depth);
            var segment = path.Segments[depth];
            var matches = mapping.Entries.Where(e => e.Key is YamlSourceScalar key && key.Value == segment).ToList();
            if (matches.Count == 0)
            {
                return new MissingKeyTarget(path, mapping, keyOfNode, depth);
            }

            if (matches.Count > 1)
            {
                var duplicate = matches[1].Key;
                throw DiagnosticException.Error(DiagnosticCodes.WT1009, At(fileName, duplicate), segment, path.Prefix(depth + 1), matches[0].Key.Line);
            }

            if (depth == path.Segments.Count - 1)
            {
                return new ExistingScalarTarget(path, RequireEditableScalar(fileName, matches[0].Value, path), mapping);
            }

            keyOfNode = matches[0].Key;
            node = matches[0].Value;
        }

        throw new ArgumentException("A path has at least one key.", nameof(path));
    }

    /// <summary>The node holding the next key must be a plain mapping that nothing else refers to.</summary>
    private static YamlSourceMapping RequireMapping(string fileName, YamlSourceNode? node, YamlSourceNode? keyOfNode, YamlPath path, int depth)
    {
        var location = node is null ? new SourceLocation(fileName, 1, 1) : At(fileName, node);
        var where = path.Prefix(depth);
        switch (node)
        {
            case YamlSourceAlias alias:
                throw DiagnosticException.Error(DiagnosticCodes.WT1004, location, where, alias.Name);
            case { Anchor: { } anchor }:
                throw DiagnosticException.Error(DiagnosticCodes.WT1005, location, where, anchor);
            case YamlSourceMapping mapping:
                return mapping;
            default:
                var found = node switch
                {
                    null => "an empty document",
                    YamlSourceScalar { Value: "" } when keyOfNode is not null => "an empty value",
                    _ => node.KindName,
                };
                throw DiagnosticException.Error(DiagnosticCodes.WT1008, location, where, path.Segments[depth], found);
        }
    }

    private static YamlSourceScalar RequireEditableScalar(string fileName, YamlSourceNode node, YamlPath path)
    {
        var location = At(fileName, node);
        return node switch
        {
            YamlSourceAlias alias => throw DiagnosticException.Error(DiagnosticCodes.WT1004, location, path, alias.Name),
            YamlSourceMapping or YamlSourceSequence => throw DiagnosticException.Error(DiagnosticCodes.WT1007, location, path, node.KindName),
            { Anchor: { } anchor } => throw DiagnosticException.Error(DiagnosticCodes.WT1005, location, path, anchor),
            { Tag: { } tag } => throw DiagnosticException.Error(DiagnosticCodes.WT1011, location, path, tag),
            YamlSourceScalar { IsBlock: true } => throw DiagnosticException.Error(DiagnosticCodes.WT1006, location, path),
            YamlSourceScalar scalar => scalar,
            _ => throw new InvalidOperationException($"Unknown node type {node.GetType().Name}."),
        };
    }

    /// <summary>WT1003, pointing at the key that holds the mapping where the missing key was looked for.</summary>
    public static Diagnostic MissingKey(string fileName, MissingKeyTarget missing)
    {
        var where = missing.ParentKey ?? missing.Parent;
        var path = missing.Path;
        return Diagnostic.Error(
            YamlScalarEditor.MissingKeyCode, At(fileName, where), path, path.Segments[missing.ExistingDepth], path.Prefix(missing.ExistingDepth));
    }

    public static SourceLocation At(string fileName, YamlSourceNode node) => new(fileName, node.Line, node.Column);
}
