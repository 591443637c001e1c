using System.Globalization;
using System.Resources;

namespace WellTrack.Diagnostics;

/// <summary>
/// Message texts, one resource per code (Resources/*.resx, one file per code range), so every user-facing text
/// lives in one reviewable place and docs/diagnostics.md can be checked against it.
/// </summary>
public static class DiagnosticMessages
{
    private static readonly ResourceManager[] Managers =
    [
        Create("Yaml"),
        Create("Values"),
        Create("Git"),
        Create("Charts"),
        Create("Templates"),
        Create("Secrets"),
        Create("Configuration"),
    ];

    private static ResourceManager Create(string area)
        => new($"WellTrack.Diagnostics.Resources.{area}Messages", typeof(DiagnosticMessages).Assembly);

    /// <summary>The format string for the code printed as <paramref name="code"/> (a <see cref="Diagnostic.Code"/>), or
    /// null when no resource defines it.</summary>
    public static string? Template(string code)
    {
        foreach (var manager in Managers)
        {
            try
            {
                if (manager.GetString(code, CultureInfo.InvariantCulture) is { } text)
                {
                    return text;
                }
            }
            catch (MissingManifestResourceException)
            {
                // An area with no codes yet has no compiled resource; the others may still define the code.
            }
        }

        return null;
    }

    /// <summary>The format string for a generated code; every generated code has one.</summary>
    public static string Template(DiagnosticCode code)
        => Template(code.Id) ?? throw new InvalidOperationException($"No message resource for diagnostic code {code.Id}.");

    public static string Format(DiagnosticCode code, params object?[] args)
        => string.Format(CultureInfo.InvariantCulture, Template(code), args);
}
