namespace WellTrack.Cli.CommandLine;

/// <summary>The command line itself is wrong: reported with the verb's usage, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
