using WellTrack.Diagnostics;

namespace WellTrack.Cli.CommandLine;

/// <summary>The command line itself is wrong: reported as a coded WT9xxx error with the verb's usage, exit code 2.</summary>
internal sealed class UsageException(DiagnosticCode code, params object?[] args) : Exception(DiagnosticMessages.Format(code, args))
{
    public Diagnostic Diagnostic { get; } = Diagnostic.Error(code, null, args);
}
