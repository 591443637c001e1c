using System.Net;
using WellTrack.Core.Dependencies.Oci;
using WellTrack.Diagnostics;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Dependencies.Oci;

/// <summary>
/// Against Debian's docker-registry on 127.0.0.1: charts written here, packaged and pushed as <c>helm push</c> does,
/// then listed and pulled through <see cref="OciChartSource"/> and compared byte for byte.
/// </summary>
[TestClass]
public sealed class OciRegistryEndToEndTests
{
    [TestMethod]
    public async Task ChartsPushedAsHelmPushesThemAreListedAndPulledByteForByteIncludingAPlusVersion()
    {
        using var directory = new TemporaryDirectory();
        await using var registry = await OciRegistry.StartAsync(directory.Combine("registry"));
        var pushed = new Dictionary<string, (byte[] Archive, HelmOciPush.Pushed Push)>();
        foreach (var version in new[] { "1.0.0", "1.1.0-rc.1", "1.1.0+build.5" })
        {
            var archive = HelmChartArchive.Pack("web", HelmChartArchive.MinimalChart("web", version, appVersion: "2.0"));
            pushed[version] = (archive, await HelmOciPush.PushAsync(registry.Address, "team/charts", "web", version, archive, appVersion: "2.0"));
        }

        Assert.AreEqual("1.1.0_build.5", pushed["1.1.0+build.5"].Push.Tag, "Helm's tag for a '+' version");
        using var source = new OciChartSource($"oci://{registry.Address}/team/charts", Options(directory));

        var entries = await source.VersionsAsync("web", CancellationToken.None);

        CollectionAssert.AreEquivalent(pushed.Keys.ToList(), entries.Select(e => e.Version).ToList());
        foreach (var entry in entries)
        {
            var bytes = await source.DownloadAsync(entry, CancellationToken.None);
            CollectionAssert.AreEqual(pushed[entry.Version].Archive, bytes, entry.Version);
            CollectionAssert.AreEqual(bytes, await source.DownloadAsync(entry with { Digest = pushed[entry.Version].Push.LayerDigest }, CancellationToken.None));
        }

        Assert.AreEqual(pushed["1.0.0"].Push.ManifestDigest, await registry.GetManifestDigestAsync("team/charts/web", "1.0.0"), "the manifest is stored as pushed");
    }

    [TestMethod]
    public async Task AnAbsentChartAnAbsentVersionAndAnImageUnderAChartNameAreCodedErrors()
    {
        using var directory = new TemporaryDirectory();
        await using var registry = await OciRegistry.StartAsync(directory.Combine("registry"));
        var archive = HelmChartArchive.Pack("api", HelmChartArchive.MinimalChart("api", "0.1.0"));
        await HelmOciPush.PushAsync(registry.Address, "charts", "api", "0.1.0", archive);
        using var source = new OciChartSource($"oci://{registry.Address}/charts", Options(directory));

        var absent = await OciTestSource.FailsWithAsync(DiagnosticCodes.WT3434, () => source.VersionsAsync("nothing-here", CancellationToken.None));
        StringAssert.Contains(absent.Message, $"oci://{registry.Address}/charts");
        var entry = (await source.VersionsAsync("api", CancellationToken.None)).Single();
        await OciTestSource.FailsWithAsync(DiagnosticCodes.WT3435, () => source.DownloadAsync(entry with { Version = "0.2.0" }, CancellationToken.None));

        await HelmOciPush.PushAsync(registry.Address, "charts", "api", "0.3.0", archive, configMediaType: "application/vnd.oci.image.config.v1+json");
        var image = await OciTestSource.FailsWithAsync(DiagnosticCodes.WT3436, () => source.DownloadAsync(entry with { Version = "0.3.0" }, CancellationToken.None));
        StringAssert.Contains(image.Message, "application/vnd.oci.image.config.v1+json");
    }

    [TestMethod]
    public async Task APasswordProtectedRegistryIsPulledWithDockerConfigCredentialsOrAHelperAndRefusedWithout()
    {
        using var directory = new TemporaryDirectory();
        var login = new NetworkCredential("ci", "ci-registry-password");
        await using var registry = await OciRegistry.StartAsync(directory.Combine("registry"), login);
        var archive = HelmChartArchive.Pack("worker", HelmChartArchive.MinimalChart("worker", "3.2.1+sha.abc"));
        await HelmOciPush.PushAsync(registry.Address, "charts", "worker", "3.2.1+sha.abc", archive, credential: login);
        var repository = $"oci://{registry.Address}/charts";

        var config = DockerConfigs.WriteAuth(directory, registry.Address, login, "config.json");
        using (var source = new OciChartSource(repository, Options(directory) with { DockerConfigPath = config }))
        {
            var entry = (await source.VersionsAsync("worker", CancellationToken.None)).Single();
            Assert.AreEqual("3.2.1+sha.abc", entry.Version);
            CollectionAssert.AreEqual(archive, await source.DownloadAsync(entry, CancellationToken.None));
        }

        // The same login through a credential helper, as CI runners configure one (credHelpers for this host).
        var helpers = DockerConfigs.WriteHelper(directory, "e2e", """
            read -r host
            printf '{"ServerURL":"%s","Username":"ci","Secret":"ci-registry-password"}' "$host"
            """);
        var viaHelper = DockerConfigs.Write(directory, "{\"credHelpers\":{\"" + registry.Address + "\":\"e2e\"}}", "helper.json");
        using (var source = new OciChartSource(repository, Options(directory) with { DockerConfigPath = viaHelper, CredentialHelperSearchPath = helpers }))
        {
            var entry = (await source.VersionsAsync("worker", CancellationToken.None)).Single();
            CollectionAssert.AreEqual(archive, await source.DownloadAsync(entry, CancellationToken.None));
        }

        using (var anonymous = new OciChartSource(repository, Options(directory)))
        {
            var refused = await OciTestSource.FailsWithAsync(DiagnosticCodes.WT3432, () => anonymous.VersionsAsync("worker", CancellationToken.None));
            StringAssert.Contains(refused.Message, "no credentials");
        }

        var wrong = DockerConfigs.WriteAuth(directory, registry.Address, new NetworkCredential("ci", "wrong-password"), "wrong.json");
        using (var mistaken = new OciChartSource(repository, Options(directory) with { DockerConfigPath = wrong }))
        {
            var refused = await OciTestSource.FailsWithAsync(DiagnosticCodes.WT3432, () => mistaken.VersionsAsync("worker", CancellationToken.None));
            StringAssert.Contains(refused.Message, wrong);
            Assert.DoesNotContain("wrong-password", refused.Message);
        }
    }

    [TestMethod]
    public async Task ARegistryThatIsNotListeningIsUnreachable()
    {
        using var directory = new TemporaryDirectory();
        using var source = new OciChartSource($"oci://127.0.0.1:{FreeTcpPort.Find()}/charts", Options(directory));

        await OciTestSource.FailsWithAsync(DiagnosticCodes.WT3430, () => source.VersionsAsync("web", CancellationToken.None));
    }

    /// <summary>The real transport, and no registry config of the machine running the tests.</summary>
    private static OciSourceOptions Options(TemporaryDirectory directory) => new()
    {
        DockerConfigPath = directory.Combine("no-docker-config.json"),
        HelmRegistryConfigPath = directory.Combine("no-helm-config.json"),
        CredentialHelperSearchPath = string.Empty,
        Timeout = TimeSpan.FromSeconds(30),
    };
}
