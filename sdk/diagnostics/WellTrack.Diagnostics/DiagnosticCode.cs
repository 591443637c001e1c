using System.Diagnostics.CodeAnalysis;

namespace WellTrack.Diagnostics;

/// <summary>
/// A diagnostic code that has a message resource. The only instances are the generated members of
/// <see cref="DiagnosticCodes"/> (the constructor is internal), so code that names a code without a text does not
/// compile; codes written by users (welltrack.yaml rules, MSBuild items) go through <see cref="TryParse"/>.
/// </summary>
public sealed class DiagnosticCode : IComparable<DiagnosticCode>
{
    internal DiagnosticCode(string id)
    {
        Id = id;
    }

    /// <summary>The code as printed: <c>WT1003</c>.</summary>
    public string Id { get; }

    /// <summary>The thousands range as a digit (1 YAML and values, 2 git, 3 validation, 4 templates, 5 secrets, 9 configuration).</summary>
    public int Range => Id[2] - '0';

    /// <summary>The code among the generated ones, or false for text that is not a code with a message.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out DiagnosticCode? code)
    {
        code = text is null ? null : DiagnosticCodes.Find(text.Trim());
        return code is not null;
    }

    /// <summary>True when <paramref name="id"/> (a <see cref="Diagnostic.Code"/>) is this code.</summary>
    public bool Is(string? id) => string.Equals(Id, id, StringComparison.Ordinal);

    public int CompareTo(DiagnosticCode? other) => string.CompareOrdinal(Id, other?.Id);

    // Equality agrees with the ordering (same Id), as IComparable asks; with one instance per code it is also identity.
    public override bool Equals(object? obj) => obj is DiagnosticCode other && Is(other.Id);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Id);

    public static bool operator ==(DiagnosticCode? left, DiagnosticCode? right) => Compare(left, right) == 0;

    public static bool operator !=(DiagnosticCode? left, DiagnosticCode? right) => Compare(left, right) != 0;

    public static bool operator <(DiagnosticCode? left, DiagnosticCode? right) => Compare(left, right) < 0;

    public static bool operator <=(DiagnosticCode? left, DiagnosticCode? right) => Compare(left, right) <= 0;

    public static bool operator >(DiagnosticCode? left, DiagnosticCode? right) => Compare(left, right) > 0;

    public static bool operator >=(DiagnosticCode? left, DiagnosticCode? right) => Compare(left, right) >= 0;

    // Null sorts first, as Comparer<T>.Default puts it.
    private static int Compare(DiagnosticCode? left, DiagnosticCode? right) => Comparer<DiagnosticCode>.Default.Compare(left, right);

    public override string ToString() => Id;
}
