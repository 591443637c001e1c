namespace WellTrack.Diagnostics;

/// <summary>A position in a file; 1-based line and column.</summary>
public sealed record SourceLocation(string? File, int Line = 0, int Column = 0)
{
    public static SourceLocation InFile(string? file) => new(file);
}
