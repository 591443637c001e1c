using System.Buffers;

namespace WellTrack.Core.Secrets.Providers;

/// <summary>
/// The literals (hints or keywords) of the provider formats, searched for all at once: one vectorised
/// <see cref="SearchValues{T}"/> pass finds where a literal starts, and a table by first character says which literal
/// it is without comparing every literal at every hit.
/// </summary>
internal sealed class LiteralIndex
{
    private readonly StringComparison _comparison;
    private readonly SearchValues<string> _all;
    private readonly Dictionary<char, (string Literal, int[] Formats)[]> _byFirstChar;

    public LiteralIndex(IReadOnlyList<ProviderFormat> formats, Func<ProviderFormat, IReadOnlyList<string>> literals, StringComparison comparison)
    {
        _comparison = comparison;
        var comparer = StringComparer.FromComparison(comparison);
        var indexed = formats
            .SelectMany((format, index) => literals(format).Select(literal => (literal, index)))
            .GroupBy(pair => pair.literal, comparer)
            .Select(g => (Literal: g.Key, Formats: g.Select(pair => pair.index).Distinct().ToArray()))
            .ToArray();
        _all = SearchValues.Create(indexed.Select(entry => entry.Literal).ToArray(), comparison);
        _byFirstChar = indexed
            .GroupBy(entry => Fold(entry.Literal[0]))
            .ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>True when no format has such a literal.</summary>
    public bool IsEmpty => _byFirstChar.Count == 0;

    /// <summary>Whether any literal occurs in <paramref name="text"/>; no allocation.</summary>
    public bool Occurs(ReadOnlySpan<char> text) => !IsEmpty && text.ContainsAny(_all);

    /// <summary>
    /// Marks in <paramref name="marks"/> the formats of every literal found in <paramref name="text"/> inside a
    /// <see cref="TokenRun"/> of at least <paramref name="minimumRun"/> characters; returns whether it marked any.
    /// </summary>
    public bool Mark(ReadOnlySpan<char> text, Span<bool> marks, int minimumRun = 0)
    {
        if (IsEmpty)
        {
            return false;
        }

        var marked = false;
        var offset = 0;
        while (offset < text.Length)
        {
            var at = text[offset..].IndexOfAny(_all);
            if (at < 0)
            {
                break;
            }

            var position = offset + at;
            foreach (var (literal, formats) in _byFirstChar[Fold(text[position])])
            {
                if (text[position..].StartsWith(literal, _comparison) && (minimumRun == 0 || TokenRun.Around(text, position, literal.Length) >= minimumRun))
                {
                    foreach (var format in formats)
                    {
                        marks[format] = true;
                    }

                    marked = true;
                }
            }

            offset = position + 1;
        }

        return marked;
    }

    private char Fold(char c) => _comparison == StringComparison.Ordinal ? c : char.ToLowerInvariant(c);
}
