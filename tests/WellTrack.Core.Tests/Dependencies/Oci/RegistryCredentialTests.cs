using System.Net;
using WellTrack.Diagnostics;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Dependencies.Oci;

/// <summary>
/// Credentials the way CI leaves them: Docker's config.json (auths, credHelpers, credsStore) and Helm's registry config,
/// each proven by the Basic header the registry receives. Helpers are shell scripts the tests write.
/// </summary>
[TestClass]
public sealed class RegistryCredentialTests
{
    private const string Tags = "https://registry.example/v2/charts/app/tags/list";

    [TestMethod]
    [DataRow("""{"auths":{"registry.example":{"auth":"Y2k6cGFzczp3aXRoOmNvbG9ucw=="}}}""", "pass:with:colons")]
    [DataRow("""{"auths":{"https://registry.example/v2/":{"username":"ci","password":"plain"}}}""", "plain")]
    [DataRow("""{"auths":{"other.example":{"auth":"eDp5"},"REGISTRY.example":{"username":"ci","password":"upper"}}, "credHelpers":{"other.example":"none"}}""", "upper")]
    public async Task AuthsEntriesAreReadInEveryShapeDockerWrites(string config, string password)
    {
        using var directory = new TemporaryDirectory();
        var (handler, source) = BasicRegistry(directory, config, "ci", password);
        using (source)
        {
            Assert.HasCount(1, await source.VersionsAsync("app", CancellationToken.None));
            Assert.AreEqual(FakeRegistryHandler.BasicHeader("ci", password), handler.Requests.Last().Authorization);
        }
    }

    [TestMethod]
    public async Task ACredHelperForTheHostIsRunWithTheHostOnStandardInput()
    {
        using var directory = new TemporaryDirectory();
        // The helper answers with a user name made of what it read, so the test sees the host it was given.
        var helpers = DockerConfigs.WriteHelper(directory, "test", """
            [ "$1" = get ] || exit 3
            read -r host
            printf '{"ServerURL":"%s","Username":"user-for-%s","Secret":"helper-secret"}' "$host" "$host"
            """);
        var (handler, source) = BasicRegistry(directory, """{"auths":{"registry.example":{}},"credHelpers":{"registry.example":"test"},"credsStore":"absent"}""",
            "user-for-registry.example", "helper-secret", helpers);
        using (source)
        {
            Assert.HasCount(1, await source.VersionsAsync("app", CancellationToken.None));
        }

        Assert.AreEqual(FakeRegistryHandler.BasicHeader("user-for-registry.example", "helper-secret"), handler.Requests.Last().Authorization);
    }

    [TestMethod]
    public async Task ACredsStoreWithNothingForTheHostFallsBackToAuths()
    {
        using var directory = new TemporaryDirectory();
        var helpers = DockerConfigs.WriteHelper(directory, "store", "echo 'credentials not found in native keychain'; exit 1");
        var (_, source) = BasicRegistry(directory, """{"credsStore":"store","auths":{"registry.example":{"auth":"Y2k6ZmFsbGJhY2s="}}}""", "ci", "fallback", helpers);
        using (source)
        {
            Assert.HasCount(1, await source.VersionsAsync("app", CancellationToken.None));
        }
    }

    [TestMethod]
    public async Task AnIdentityTokenFromAHelperIsMarkedByTheTokenUserName()
    {
        using var directory = new TemporaryDirectory();
        var helpers = DockerConfigs.WriteHelper(directory, "tok", """printf '{"ServerURL":"x","Username":"<token>","Secret":"refresh-123"}'""");
        var handler = new FakeRegistryHandler()
            .On("POST", "https://auth.example/token", _ => FakeRegistryHandler.Json("""{"access_token":"a"}"""))
            .On(r => r.Headers.Authorization is null, _ => FakeRegistryHandler.Status(HttpStatusCode.Unauthorized, "Bearer realm=\"https://auth.example/token\",service=\"s\""))
            .On("GET", Tags, _ => FakeRegistryHandler.Json("""{"tags":["1.0.0"]}"""));
        using var source = OciTestSource.Create(handler, DockerConfigs.Write(directory, """{"credsStore":"tok"}"""), helperPath: helpers);

        Assert.HasCount(1, await source.VersionsAsync("app", CancellationToken.None));
        StringAssert.Contains(handler.Requests.Single(r => r.Uri.Host == "auth.example").Body, "refresh_token=refresh-123");
    }

    [TestMethod]
    public async Task HelmsRegistryConfigIsReadWhenDockersHasNothingForTheHost()
    {
        using var directory = new TemporaryDirectory();
        var docker = DockerConfigs.Write(directory, """{"auths":{"elsewhere.example":{"auth":"eDp5"}}}""");
        var helm = DockerConfigs.Write(directory, """{"auths":{"registry.example":{"auth":"aGVsbTpmcm9tLWhlbG0="}}}""", "helm.json");
        var handler = Handler("helm", "from-helm");
        using var source = OciTestSource.Create(handler, docker, helm);

        Assert.HasCount(1, await source.VersionsAsync("app", CancellationToken.None));
    }

    [TestMethod]
    public async Task AMissingHelperIsNamedWithTheConfigThatNamesIt()
    {
        using var directory = new TemporaryDirectory();
        var config = DockerConfigs.Write(directory, """{"credHelpers":{"registry.example":"ecr-login"}}""");
        using var source = OciTestSource.Create(Handler("u", "p"), config, helperPath: directory.CreateDirectory("empty-bin"));

        var diagnostic = await OciTestSource.FailsWithAsync(DiagnosticCodes.WT3441, () => source.VersionsAsync("app", CancellationToken.None));

        StringAssert.Contains(diagnostic.Message, "docker-credential-ecr-login");
        StringAssert.Contains(diagnostic.Message, config);
    }

    [TestMethod]
    public async Task AFailingHelperIsReportedWithoutItsOutput()
    {
        using var directory = new TemporaryDirectory();
        var helpers = DockerConfigs.WriteHelper(directory, "broken", "echo 'leaked-secret-xyz'; echo 'leaked-secret-xyz' >&2; exit 7");
        var config = DockerConfigs.Write(directory, """{"credHelpers":{"registry.example":"broken"}}""");
        using var source = OciTestSource.Create(Handler("u", "p"), config, helperPath: helpers);

        var diagnostic = await OciTestSource.FailsWithAsync(DiagnosticCodes.WT3440, () => source.VersionsAsync("app", CancellationToken.None));

        StringAssert.Contains(diagnostic.Message, "exit code 7");
        Assert.DoesNotContain("leaked-secret-xyz", diagnostic.Message);
    }

    [TestMethod]
    public async Task AHelperAnsweringSomethingOtherThanItsJsonHasFailed()
    {
        using var directory = new TemporaryDirectory();
        var helpers = DockerConfigs.WriteHelper(directory, "chatty", "echo 'Username: u, Secret: s'");
        using var source = OciTestSource.Create(Handler("u", "s"), DockerConfigs.Write(directory, """{"credsStore":"chatty"}"""), helperPath: helpers);

        await OciTestSource.FailsWithAsync(DiagnosticCodes.WT3440, () => source.VersionsAsync("app", CancellationToken.None));
    }

    [TestMethod]
    [DataRow("{not json")]
    [DataRow("""{"auths":{"registry.example":{"auth":"%%%"}}}""")]
    [DataRow("""{"auths":{"registry.example":{"auth":"bm9jb2xvbg=="}}}""")]
    [DataRow("""{"auths":[]}""")]
    public async Task AConfigFileThatCannotBeReadIsNamedButNotQuoted(string json)
    {
        using var directory = new TemporaryDirectory();
        var config = DockerConfigs.Write(directory, json);
        using var source = OciTestSource.Create(Handler("u", "p"), config);

        var diagnostic = await OciTestSource.FailsWithAsync(DiagnosticCodes.WT3442, () => source.VersionsAsync("app", CancellationToken.None));

        StringAssert.Contains(diagnostic.Message, config);
        Assert.DoesNotContain("bm9jb2xvbg", diagnostic.Message);
    }

    [TestMethod]
    public async Task AnAnonymousRegistryNeverRunsAHelperNorReadsTheConfig()
    {
        using var directory = new TemporaryDirectory();
        var helpers = DockerConfigs.WriteHelper(directory, "store", $"touch '{directory.Combine("ran")}'; exit 1");
        var handler = new FakeRegistryHandler().On("GET", Tags, _ => FakeRegistryHandler.Json("""{"tags":["1.0.0"]}"""));
        using var source = OciTestSource.Create(handler, DockerConfigs.Write(directory, """{"credsStore":"store"}"""), helperPath: helpers);

        Assert.HasCount(1, await source.VersionsAsync("app", CancellationToken.None));
        Assert.IsFalse(File.Exists(directory.Combine("ran")));
    }

    /// <summary>A registry that wants Basic <paramref name="user"/>:<paramref name="password"/> and lists one tag.</summary>
    private static FakeRegistryHandler Handler(string user, string password)
        => new FakeRegistryHandler()
            .On(r => r.Headers.Authorization?.ToString() != FakeRegistryHandler.BasicHeader(user, password), _ => FakeRegistryHandler.Status(HttpStatusCode.Unauthorized, "Basic realm=\"r\""))
            .On("GET", Tags, _ => FakeRegistryHandler.Json("""{"tags":["1.0.0"]}"""));

    private static (FakeRegistryHandler Handler, WellTrack.Core.Dependencies.Oci.OciChartSource Source) BasicRegistry(
        TemporaryDirectory directory, string config, string user, string password, string? helpers = null)
    {
        var handler = Handler(user, password);
        return (handler, OciTestSource.Create(handler, DockerConfigs.Write(directory, config), helperPath: helpers));
    }
}
