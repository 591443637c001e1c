using System.Collections.Frozen;

namespace WellTrack.Diagnostics;

/// <summary>
/// The catalog of codes. Its members (<c>DiagnosticCodes.WT1003</c>, one per resource, and <see cref="All"/>) are
/// generated at build time from Resources/*Messages.resx by the GenerateDiagnosticCodes target; this half holds the
/// lookup by text, for codes that come from configuration.
/// </summary>
public static partial class DiagnosticCodes
{
    // Lazily built on first lookup, after the generated fields exist (static initialisers of partial halves run in an
    // unspecified order).
    private static FrozenDictionary<string, DiagnosticCode>? ById;

    /// <summary>The code named <paramref name="id"/> exactly (<c>WT3301</c>), or null.</summary>
    public static DiagnosticCode? Find(string id)
    {
        var byId = ById ??= All.ToFrozenDictionary(code => code.Id, StringComparer.Ordinal);
        return byId.GetValueOrDefault(id);
    }
}
