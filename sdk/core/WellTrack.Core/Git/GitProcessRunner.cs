using System.Diagnostics;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Git;

/// <summary>
/// Runs the <c>git</c> command line with an argument list. Git is told never to prompt (a build has no terminal)
/// and to speak English, so its messages can be classified. A process that outlives its timeout is killed with its
/// children and reported as WT2002; one whose token is cancelled is killed the same way and the run throws
/// <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class GitProcessRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    private readonly string _gitExecutable;
    private readonly IReadOnlyDictionary<string, string> _baseEnvironment;

    public GitProcessRunner(string gitExecutable = "git", IReadOnlyDictionary<string, string>? baseEnvironment = null)
    {
        _gitExecutable = gitExecutable;
        _baseEnvironment = baseEnvironment ?? new Dictionary<string, string>();
    }

    /// <summary>Observes every command before it starts; tests use it to prove no secret is in an argument list.</summary>
    public event Action<GitCommand>? Starting;

    /// <summary>A low-importance trace of what ran, for MSBuild's detailed verbosity and the CLI's --verbose.</summary>
    public Action<string>? Trace { get; set; }

    public GitResult Run(GitCommand command, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Starting?.Invoke(command);
        var started = Stopwatch.GetTimestamp();

        var startInfo = new ProcessStartInfo(_gitExecutable)
        {
            WorkingDirectory = command.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in command.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        ApplyEnvironment(startInfo, command.Environment);

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw DiagnosticException.Error(DiagnosticCodes.WT2001, null, _gitExecutable, exception.Message);
        }

        // Registered after the start and disposed before the process: the kill never meets a disposed process.
        using var cancellation = cancellationToken.Register(() => KillQuietly(process));
        // The reads are not cancelled: a cancellation kills the process, which ends both streams, and the output read
        // so far still explains the failure.
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            if (command.StandardInput is { } input)
            {
                process.StandardInput.Write(input);
            }

            process.StandardInput.Close();
        }
        catch (IOException) when (cancellationToken.IsCancellationRequested)
        {
            // Killed while reading its input: reported as the cancellation below.
        }

        var timeout = command.Timeout ?? DefaultTimeout;
        if (!process.WaitForExit(timeout))
        {
            KillQuietly(process);
            throw DiagnosticException.Error(DiagnosticCodes.WT2002, null, command.ToString(), (int)timeout.TotalSeconds);
        }

        process.WaitForExit();
        cancellationToken.ThrowIfCancellationRequested();
        Trace?.Invoke($"{command} (in {command.WorkingDirectory}): exit {process.ExitCode}, {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms");
        return new GitResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private void ApplyEnvironment(ProcessStartInfo startInfo, IReadOnlyDictionary<string, string>? extra)
    {
        // Never wait for a password on a terminal nobody watches; fail fast and report instead.
        startInfo.Environment["GIT_TERMINAL_PROMPT"] = "0";
        startInfo.Environment["GCM_INTERACTIVE"] = "never";
        // Git's messages are classified (rejected push, unreachable remote); they must not be translated.
        startInfo.Environment["LC_ALL"] = "C";
        startInfo.Environment["LANGUAGE"] = "C";
        // Hooks and templates of the machine's global configuration must not change what a bump commits.
        startInfo.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        foreach (var (key, value) in _baseEnvironment)
        {
            startInfo.Environment[key] = value;
        }

        if (extra is null)
        {
            return;
        }

        foreach (var (key, value) in extra)
        {
            startInfo.Environment[key] = value;
        }
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // It exited between the timeout and the kill: nothing left to stop.
        }
    }
}
