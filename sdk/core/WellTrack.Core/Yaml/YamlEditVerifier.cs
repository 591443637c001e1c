using System.Globalization;
using WellTrack.Diagnostics;
using static WellTrack.Core.Yaml.YamlSnapshot;

namespace WellTrack.Core.Yaml;

/// <summary>
/// The safety net: compares what the original document says with what the edited one says, and refuses (WT1013)
/// unless the only differences are the requested values and the keys created for them. It rebuilds the expected
/// result from the original snapshot and the edit list alone, without trusting the code that made the edit.
/// </summary>
internal static class YamlEditVerifier
{
    public static void Verify(YamlSourceDocument original, YamlSourceDocument edited, IReadOnlyList<(YamlPath Path, string Value)> edits)
    {
        var before = YamlSnapshot.Of(original);
        var expected = before.Copy();
        foreach (var (path, value) in edits)
        {
            ExpectValue(expected, path, value);
        }

        var actual = YamlSnapshot.Of(edited);
        var fileName = original.Source.FileName;
        foreach (var key in expected.Facts.Keys.Union(actual.Facts.Keys).Order(StringComparer.Ordinal))
        {
            var want = expected.Facts.GetValueOrDefault(key);
            var got = actual.Facts.GetValueOrDefault(key);
            if (want is null || got is null || !want.Matches(got))
            {
                var node = before.Nodes.GetValueOrDefault(key) ?? actual.Nodes.GetValueOrDefault(key);
                var location = node is null ? SourceLocation.InFile(fileName) : YamlPathResolver.At(fileName, node);
                throw DiagnosticException.Error(DiagnosticCodes.WT1013, location, Describe(key), want?.ToString() ?? "nothing", got?.ToString() ?? "nothing");
            }
        }
    }

    /// <summary>
    /// Records in <paramref name="expected"/> that <paramref name="path"/> holds <paramref name="value"/>, written in
    /// any style, adding the keys and mappings that did not exist, appended after their siblings.
    /// </summary>
    private static void ExpectValue(YamlSnapshot expected, YamlPath path, string value)
    {
        var mappingKey = string.Empty;
        for (var depth = 0; depth < path.Segments.Count; depth++)
        {
            var segment = path.Segments[depth];
            var valueKey = ValueKey(mappingKey, segment);
            var isLast = depth == path.Segments.Count - 1;
            if (!expected.Facts.TryGetValue(valueKey, out var existing))
            {
                var mapping = expected.Facts[mappingKey];
                var count = int.Parse(mapping.Value!, CultureInfo.InvariantCulture);
                expected.Set(mappingKey, mapping with { Value = Count(count + 1) });
                expected.Set(KeyKey(mappingKey, count), new NodeFact("scalar", segment, Style: null));
                existing = isLast ? null : new NodeFact("mapping", Count(0), Style: null);
            }

            if (isLast)
            {
                expected.Set(valueKey, new NodeFact("scalar", value, Style: null));
            }
            else if (existing is not null)
            {
                expected.Set(valueKey, existing);
            }

            mappingKey = valueKey;
        }
    }

    /// <summary>Turns a snapshot key back into something a person reads ("image.tag", "(root)").</summary>
    private static string Describe(string key) => key.Length == 0 ? "(root)" : key.TrimStart('/').Replace('/', '.');
}
