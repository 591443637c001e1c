using WellTrack.Testing;

namespace WellTrack.Templating.Tests.Unit;

/// <summary>
/// The openssl command (eng/prerequisites.sh installs it): an independent implementation that checks the keys and
/// certificates the engine makes, where .NET itself cannot (it has no Ed25519).
/// </summary>
internal static class OpenSsl
{
    /// <summary>Writes <paramref name="files"/> to a temporary directory and runs openssl there.</summary>
    public static async Task<ProcessRunner.Result> RunAsync(IReadOnlyDictionary<string, string> files, params string[] arguments)
    {
        using var directory = new TemporaryDirectory("welltrack-openssl-");
        foreach (var (name, text) in files)
        {
            await File.WriteAllTextAsync(directory.Combine(name), text);
        }

        return await ProcessRunner.RunAsync("openssl", arguments, directory.Path, timeout: TimeSpan.FromMinutes(1));
    }
}
