using System.Text.RegularExpressions;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Git;

/// <summary>
/// Hands a token to git without it ever being on a command line, in a URL, in a file or in a log: git asks the
/// GIT_ASKPASS program, which prints the environment variable the user named. With no token variable, git's own
/// mechanisms (credential helpers, SSH keys and agent) are used untouched.
/// </summary>
public sealed partial class GitCredentials : IDisposable
{
    private const string AskPassScript = """
        #!/bin/sh
        # Written by WellTrack for one bump and deleted after it. Answers git's prompts from the environment,
        # so the token is never in an argument list or on disk.
        case "$1" in
          Username*) printf '%s\n' "${WELLTRACK_GIT_USERNAME:-x-access-token}" ;;
          *) printenv "$WELLTRACK_GIT_TOKEN_VARIABLE" ;;
        esac

        """;

    private readonly string? _directory;

    private GitCredentials(IReadOnlyDictionary<string, string>? environment, string? directory, string mechanism)
    {
        Environment = environment;
        _directory = directory;
        Mechanism = mechanism;
    }

    /// <summary>Variables to add to every git process; null when git's own configuration is used.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; }

    /// <summary>Which mechanism supplies credentials, for error messages.</summary>
    public string Mechanism { get; }

    public static GitCredentials Create(string? tokenVariable)
    {
        if (string.IsNullOrWhiteSpace(tokenVariable))
        {
            return new GitCredentials(null, null, "git's own credentials (credential helper, SSH key or agent)");
        }

        if (!VariableName().IsMatch(tokenVariable))
        {
            throw DiagnosticException.Error(DiagnosticCodes.WT9007, null, tokenVariable);
        }

        if (string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable(tokenVariable)))
        {
            throw DiagnosticException.Error(DiagnosticCodes.WT9008, null, tokenVariable);
        }

        var directory = Directory.CreateTempSubdirectory("welltrack-askpass-").FullName;
        var script = Path.Combine(directory, "askpass.sh");
        File.WriteAllText(script, AskPassScript.Replace("\r\n", "\n"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }
        var environment = new Dictionary<string, string>
        {
            ["GIT_ASKPASS"] = script,
            ["WELLTRACK_GIT_TOKEN_VARIABLE"] = tokenVariable,
        };
        return new GitCredentials(environment, directory, $"the token in ${tokenVariable} (through GIT_ASKPASS)");
    }

    public void Dispose()
    {
        if (_directory is null)
        {
            return;
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The script holds no secret; a leftover temp directory is harmless.
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();
}
