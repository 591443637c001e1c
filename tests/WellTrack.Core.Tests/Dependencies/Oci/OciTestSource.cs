using WellTrack.Core.Dependencies;
using WellTrack.Core.Dependencies.Oci;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Tests.Dependencies.Oci;

/// <summary>Sources over a <see cref="FakeRegistryHandler"/>, with no credentials from the machine running the tests.</summary>
internal static class OciTestSource
{
    public static OciSourceOptions Options(FakeRegistryHandler handler, string? dockerConfig = null, string? helmConfig = null, string? helperPath = null)
        => new()
        {
            HttpHandler = handler,
            // Explicit paths, so that the config of whoever runs the tests never takes part.
            DockerConfigPath = dockerConfig ?? Path.Combine(Path.GetTempPath(), "welltrack-no-such-dir", "docker-config.json"),
            HelmRegistryConfigPath = helmConfig ?? Path.Combine(Path.GetTempPath(), "welltrack-no-such-dir", "helm-config.json"),
            CredentialHelperSearchPath = helperPath ?? string.Empty,
        };

    public static OciChartSource Create(FakeRegistryHandler handler, string? dockerConfig = null, string? helmConfig = null, string? helperPath = null)
        => new(FakeRegistryHandler.Repository, Options(handler, dockerConfig, helmConfig, helperPath));

    public static ChartSourceEntry Entry(string name, string version, string? digest = null)
        => new(name, version, digest, new Uri($"oci://{FakeRegistryHandler.Registry}/charts/{name}:{version.Replace('+', '_')}"));

    /// <summary>The coded error <paramref name="action"/> throws, after checking it carries <paramref name="code"/>.</summary>
    public static async Task<Diagnostic> FailsWithAsync(DiagnosticCode code, Func<Task> action)
    {
        var e = await Assert.ThrowsExactlyAsync<DiagnosticException>(action);
        Assert.IsTrue(e.Diagnostic.Is(code), $"expected {code.Id}, got {e.Diagnostic}");
        Assert.IsTrue(e.Diagnostic.IsError, e.Diagnostic.ToString());
        return e.Diagnostic;
    }
}
