using System.Net;
using WellTrack.Diagnostics;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Dependencies.Oci;

/// <summary>Anonymous, basic and Bearer-token access, tokens per scope, and what a refusal says.</summary>
[TestClass]
public sealed class OciAuthenticationTests
{
    private const string Tags = "https://registry.example/v2/charts/app/tags/list";
    private const string Realm = "https://auth.example/token";
    private const string Challenge = "Bearer realm=\"https://auth.example/token\",service=\"registry.example\",scope=\"repository:charts/app:pull\"";

    [TestMethod]
    public async Task TheBearerChallengeIsAnsweredWithATokenForThePullScopeFetchedWithBasicCredentialsAndReused()
    {
        var handler = TokenRegistry(out var digest);
        using var directory = new TemporaryDirectory();
        var config = DockerConfigs.Write(directory, """{"auths":{"https://registry.example/v1/":{"username":"ci","password":"s3cret-pw"}}}""");
        using var source = OciTestSource.Create(handler, config);

        var versions = await source.VersionsAsync("app", CancellationToken.None);
        await source.DownloadAsync(OciTestSource.Entry("app", versions.Single().Version, digest), CancellationToken.None);

        var tokenRequests = handler.Requests.Where(r => r.Uri.Host == "auth.example").ToList();
        Assert.HasCount(1, tokenRequests, "the token is kept for its scope");
        Assert.AreEqual("?service=registry.example&scope=repository%3Acharts%2Fapp%3Apull", tokenRequests[0].Uri.Query);
        Assert.AreEqual(FakeRegistryHandler.BasicHeader("ci", "s3cret-pw"), tokenRequests[0].Authorization);
        var registryRequests = handler.Requests.Where(r => r.Uri.Host == FakeRegistryHandler.Registry).ToList();
        Assert.IsNull(registryRequests[0].Authorization, "the first request is anonymous: the registry says what it wants");
        Assert.IsTrue(registryRequests.Skip(1).All(r => r.Authorization == "Bearer token-for-charts/app"), string.Join(", ", registryRequests.Select(r => r.Authorization)));
    }

    [TestMethod]
    public async Task WithoutCredentialsTheTokenIsAskedForAnonymously()
    {
        var handler = TokenRegistry(out _);
        using var source = OciTestSource.Create(handler);

        Assert.HasCount(1, await source.VersionsAsync("app", CancellationToken.None));
        Assert.IsNull(handler.Requests.Single(r => r.Uri.Host == "auth.example").Authorization);
    }

    [TestMethod]
    public async Task AnIdentityTokenIsExchangedWithTheOAuthRefreshTokenGrant()
    {
        var handler = TokenRegistry(out _, "POST");
        using var directory = new TemporaryDirectory();
        var config = DockerConfigs.Write(directory, """{"auths":{"registry.example":{"auth":"","identitytoken":"refresh-me"}}}""");
        using var source = OciTestSource.Create(handler, config);

        Assert.HasCount(1, await source.VersionsAsync("app", CancellationToken.None));
        var body = handler.Requests.Single(r => r.Uri.Host == "auth.example").Body!;
        StringAssert.Contains(body, "grant_type=refresh_token");
        StringAssert.Contains(body, "refresh_token=refresh-me");
        StringAssert.Contains(body, "scope=repository%3Acharts%2Fapp%3Apull");
    }

    [TestMethod]
    public async Task AnExpiredTokenIsReplacedOnTheNextChallenge()
    {
        var tokens = 0;
        var handler = new FakeRegistryHandler()
            .On(r => r.RequestUri!.Host == "auth.example", _ => FakeRegistryHandler.Json($$"""{"token":"t{{++tokens}}"}"""))
            // The registry accepts only the latest token: the one cached from the first call has expired by the second.
            .On(r => r.Headers.Authorization?.Parameter != $"t{tokens}", _ => FakeRegistryHandler.Status(HttpStatusCode.Unauthorized, Challenge))
            .On("GET", Tags, _ => FakeRegistryHandler.Json("""{"tags":["1.0.0"]}"""));
        using var source = OciTestSource.Create(handler);

        await source.VersionsAsync("app", CancellationToken.None);
        tokens++;
        Assert.HasCount(1, await source.VersionsAsync("app", CancellationToken.None));
        Assert.AreEqual(3, tokens);
    }

    [TestMethod]
    public async Task BasicChallengeIsAnsweredWithTheConfiguredCredentials()
    {
        var handler = new FakeRegistryHandler()
            .On(r => r.Headers.Authorization?.ToString() != FakeRegistryHandler.BasicHeader("ci", "pw"), _ => FakeRegistryHandler.Status(HttpStatusCode.Unauthorized, "Basic realm=\"Registry Realm\""))
            .On("GET", Tags, _ => FakeRegistryHandler.Json("""{"tags":["1.0.0"]}"""));
        using var directory = new TemporaryDirectory();
        using var source = OciTestSource.Create(handler, DockerConfigs.Write(directory, """{"auths":{"registry.example":{"auth":"Y2k6cHc="}}}"""));

        Assert.HasCount(1, await source.VersionsAsync("app", CancellationToken.None));
    }

    [TestMethod]
    public async Task ARefusalNamesWhereCredentialsWereLookedUpButNeverTheCredential()
    {
        var handler = new FakeRegistryHandler().On(_ => true, _ => FakeRegistryHandler.Status(HttpStatusCode.Unauthorized, "Basic realm=\"r\""));
        using var directory = new TemporaryDirectory();
        var config = DockerConfigs.Write(directory, """{"auths":{"registry.example":{"username":"ci","password":"do-not-print-me"}}}""");
        using var source = OciTestSource.Create(handler, config);

        var diagnostic = await OciTestSource.FailsWithAsync(DiagnosticCodes.WT3432, () => source.VersionsAsync("app", CancellationToken.None));

        StringAssert.Contains(diagnostic.Message, FakeRegistryHandler.Repository);
        StringAssert.Contains(diagnostic.Message, "'app'");
        StringAssert.Contains(diagnostic.Message, config);
        Assert.DoesNotContain("do-not-print-me", diagnostic.Message);
        Assert.DoesNotContain("Y2k6", diagnostic.Message);
    }

    [TestMethod]
    public async Task ARefusalWithoutCredentialsSaysNoneWereFound()
    {
        var handler = new FakeRegistryHandler().On(_ => true, _ => FakeRegistryHandler.Status(HttpStatusCode.Unauthorized, "Basic realm=\"r\""));
        using var source = OciTestSource.Create(handler);

        var diagnostic = await OciTestSource.FailsWithAsync(DiagnosticCodes.WT3432, () => source.VersionsAsync("app", CancellationToken.None));

        StringAssert.Contains(diagnostic.Message, "no credentials");
        Assert.HasCount(1, handler.Requests, "nothing to retry with");
    }

    [TestMethod]
    public async Task ATokenServiceThatRefusesIsUnauthorizedAndOneThatForbidsIsForbidden()
    {
        foreach (var (status, code) in new[] { (HttpStatusCode.Unauthorized, DiagnosticCodes.WT3432), (HttpStatusCode.Forbidden, DiagnosticCodes.WT3433) })
        {
            var handler = new FakeRegistryHandler()
                .On(r => r.RequestUri!.Host == "auth.example", _ => FakeRegistryHandler.Status(status))
                .On(_ => true, _ => FakeRegistryHandler.Status(HttpStatusCode.Unauthorized, Challenge));
            using var source = OciTestSource.Create(handler);
            await OciTestSource.FailsWithAsync(code, () => source.VersionsAsync("app", CancellationToken.None));
        }
    }

    [TestMethod]
    public async Task ForbiddenWithATokenIsForbidden()
    {
        var handler = new FakeRegistryHandler()
            .On(r => r.RequestUri!.Host == "auth.example", _ => FakeRegistryHandler.Json("""{"access_token":"t"}"""))
            .On(r => r.Headers.Authorization is null, _ => FakeRegistryHandler.Status(HttpStatusCode.Unauthorized, Challenge))
            .On(_ => true, _ => FakeRegistryHandler.Status(HttpStatusCode.Forbidden));
        using var source = OciTestSource.Create(handler);

        var diagnostic = await OciTestSource.FailsWithAsync(DiagnosticCodes.WT3433, () => source.VersionsAsync("app", CancellationToken.None));
        StringAssert.Contains(diagnostic.Message, "403");
    }

    [TestMethod]
    public async Task ATokenAnswerWithoutATokenIsMalformed()
    {
        var handler = new FakeRegistryHandler()
            .On(r => r.RequestUri!.Host == "auth.example", _ => FakeRegistryHandler.Json("""{"expires_in":60}"""))
            .On(_ => true, _ => FakeRegistryHandler.Status(HttpStatusCode.Unauthorized, Challenge));
        using var source = OciTestSource.Create(handler);

        await OciTestSource.FailsWithAsync(DiagnosticCodes.WT3439, () => source.VersionsAsync("app", CancellationToken.None));
    }

    [TestMethod]
    public async Task CredentialsAreNeverSentToATokenRealmOverPlainHttpOnAnotherHost()
    {
        var handler = new FakeRegistryHandler()
            .On("GET", "http://auth.example/token", _ => FakeRegistryHandler.Json("""{"token":"anonymous-token"}"""))
            .On(r => r.Headers.Authorization is null, _ => FakeRegistryHandler.Status(HttpStatusCode.Unauthorized, "Bearer realm=\"http://auth.example/token\",service=\"s\""))
            .On("GET", Tags, _ => FakeRegistryHandler.Json("""{"tags":["1.0.0"]}"""));
        using var directory = new TemporaryDirectory();
        using var source = OciTestSource.Create(handler, DockerConfigs.Write(directory, """{"auths":{"registry.example":{"auth":"Y2k6cHc="}}}"""));

        Assert.HasCount(1, await source.VersionsAsync("app", CancellationToken.None));
        Assert.IsNull(handler.Requests.Single(r => r.Uri.Host == "auth.example").Authorization);
    }

    [TestMethod]
    public void ChallengeParametersAreReadQuotedOrBareWithEscapes()
    {
        var parameters = WellTrack.Core.Dependencies.Oci.OciAuthChallenge.Parse("realm=\"https://a/t\", service=reg, scope=\"repository:a/b:pull,push\",x=\"q\\\"d\"");

        Assert.AreEqual("https://a/t", parameters["realm"]);
        Assert.AreEqual("reg", parameters["service"]);
        Assert.AreEqual("repository:a/b:pull,push", parameters["scope"]);
        Assert.AreEqual("q\"d", parameters["x"]);
    }

    /// <summary>A registry behind a token service: anonymous requests get the Bearer challenge.</summary>
    private static FakeRegistryHandler TokenRegistry(out string digest, string tokenMethod = "GET")
    {
        var handler = new FakeRegistryHandler()
            .On(tokenMethod, Realm, r => FakeRegistryHandler.Json("""{"token":"token-for-charts/app","expires_in":300}"""))
            .On(r => r.RequestUri!.Host == FakeRegistryHandler.Registry && r.Headers.Authorization?.ToString() != "Bearer token-for-charts/app",
                _ => FakeRegistryHandler.Status(HttpStatusCode.Unauthorized, Challenge))
            .On("GET", Tags, _ => FakeRegistryHandler.Json("""{"tags":["1.0.0"]}"""));
        digest = handler.ServeChart("app", "1.0.0").LayerDigest;
        return handler;
    }
}
