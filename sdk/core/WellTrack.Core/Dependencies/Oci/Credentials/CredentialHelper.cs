using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Dependencies.Oci.Credentials;

/// <summary>
/// Runs a Docker credential helper as Docker does: <c>docker-credential-NAME get</c>, the registry on standard input,
/// <c>{"ServerURL":…,"Username":…,"Secret":…}</c> on standard output. The credential travels only through the pipes:
/// never on a command line, never into a message (a failing helper's output is not quoted: it may hold one).
/// </summary>
internal static class CredentialHelper
{
    private const string Prefix = "docker-credential-";

    /// <summary>Docker's <c>credentials.ErrCredentialsNotFound</c> text: the helper has nothing for the host.</summary>
    private const string NotFoundAnswer = "credentials not found";

    /// <summary>The helper's answer for <paramref name="authority"/>; null when it has no credential for it.</summary>
    /// <param name="origin">Which file and key named the helper, for messages.</param>
    public static async Task<RegistryCredential?> GetAsync(string helper, string authority, string origin, string? searchPath, CancellationToken cancellationToken)
    {
        var program = Find(Prefix + helper, searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                      ?? throw DiagnosticException.Error(DiagnosticCodes.WT3441, null, Prefix + helper, origin, authority);

        var startInfo = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add("get");

        Process process;
        try
        {
            process = Process.Start(startInfo)!;
        }
        catch (Win32Exception)
        {
            throw Failed(helper, authority, origin, -1);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.StandardInput.WriteAsync(authority.AsMemory(), cancellationToken);
                process.StandardInput.Close();
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            catch (IOException)
            {
                // The helper exited without reading its input: its exit code says the rest.
                await process.WaitForExitAsync(cancellationToken);
            }

            var answer = await output;
            _ = await error;
            if (process.ExitCode != 0)
            {
                return answer.Contains(NotFoundAnswer, StringComparison.OrdinalIgnoreCase) ? null : throw Failed(helper, authority, origin, process.ExitCode);
            }

            return Parse(answer) ?? throw Failed(helper, authority, origin, process.ExitCode);
        }
    }

    /// <summary>The credential in a helper's JSON answer, or null when the answer is not that JSON.</summary>
    private static RegistryCredential? Parse(string answer)
    {
        try
        {
            using var document = JsonDocument.Parse(answer);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("Secret", out var secret) || secret.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var username = root.TryGetProperty("Username", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            // Docker's convention: the user name "<token>" marks the secret as an identity (refresh) token.
            return username == "<token>"
                ? new RegistryCredential(null, null, secret.GetString())
                : new RegistryCredential(username, secret.GetString(), null);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Find(string program, string searchPath)
        => searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);

    private static DiagnosticException Failed(string helper, string authority, string origin, int exitCode)
        => DiagnosticException.Error(DiagnosticCodes.WT3440, null, Prefix + helper, authority, exitCode.ToString(CultureInfo.InvariantCulture), origin);
}
