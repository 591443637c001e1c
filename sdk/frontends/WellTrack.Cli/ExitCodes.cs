namespace WellTrack.Cli;

/// <summary>The CLI's contract with scripts (DESIGN.md): 0 clean, 1 errors found, 2 usage or configuration error;
/// 130 cancelled (Ctrl+C or SIGTERM), as shells report a command stopped by SIGINT.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int ErrorsFound = 1;
    public const int UsageError = 2;
    public const int Cancelled = 130;
}
