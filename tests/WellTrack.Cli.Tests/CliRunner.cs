namespace WellTrack.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output, from a chosen working directory.</summary>
internal static class CliRunner
{
    private static readonly object CurrentDirectoryLock = new();

    public static (int ExitCode, string Output, string Error) Run(string workingDirectory, params string[] args)
        => RunWithCache(null, workingDirectory, args);

    /// <summary>Runs with WELLTRACK_CACHE at <paramref name="cacheDirectory"/> (when given) for the run only.</summary>
    public static (int ExitCode, string Output, string Error) RunWithCache(string? cacheDirectory, string workingDirectory, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        // The bump reads the source revision of the current directory, as a user's shell would give it.
        lock (CurrentDirectoryLock)
        {
            var previous = Environment.CurrentDirectory;
            var previousCache = Environment.GetEnvironmentVariable("WELLTRACK_CACHE");
            Environment.CurrentDirectory = workingDirectory;
            if (cacheDirectory is not null)
            {
                Environment.SetEnvironmentVariable("WELLTRACK_CACHE", cacheDirectory);
            }

            try
            {
                var code = CliApplication.Run(args, stdout, stderr);
                return (code, stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Environment.CurrentDirectory = previous;
                Environment.SetEnvironmentVariable("WELLTRACK_CACHE", previousCache);
            }
        }
    }
}
