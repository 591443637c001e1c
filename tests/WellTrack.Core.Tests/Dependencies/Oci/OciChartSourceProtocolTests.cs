using System.Net;
using WellTrack.Core.Dependencies.Oci;
using WellTrack.Diagnostics;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Dependencies.Oci;

/// <summary>The distribution API as the source speaks it: tags to versions, pagination, manifest, blob, redirects.</summary>
[TestClass]
public sealed class OciChartSourceProtocolTests
{
    private const string Tags = "https://registry.example/v2/charts/app/tags/list";

    [TestMethod]
    public async Task TagsBecomeVersionsWithUnderscoreReadAsPlusAndOnlyStrictSemVerKept()
    {
        var handler = new FakeRegistryHandler().On("GET", Tags, _ => FakeRegistryHandler.Json(
            """{"name":"charts/app","tags":["1.0.0","1.1.0-rc.1","1.2.0_build.7","latest","v2.0.0","2.0","01.0.0","sha256-abc.sig"]}"""));
        using var source = OciTestSource.Create(handler);

        var entries = await source.VersionsAsync("app", CancellationToken.None);

        CollectionAssert.AreEqual(new[] { "1.0.0", "1.1.0-rc.1", "1.2.0+build.7" }, entries.Select(e => e.Version).ToArray());
        Assert.IsTrue(entries.All(e => e.Name == "app" && e.Digest is null));
        Assert.AreEqual(new Uri("oci://registry.example/charts/app:1.2.0_build.7"), entries[2].Location);
        var request = handler.Requests.Single();
        StringAssert.Contains(request.Accept, "application/json");
    }

    [TestMethod]
    public async Task TagListPagesAreFollowedThroughTheLinkHeader()
    {
        var handler = new FakeRegistryHandler().On(r => r.RequestUri!.AbsoluteUri == Tags, _ =>
        {
            var first = FakeRegistryHandler.Json("""{"name":"charts/app","tags":["1.0.0","1.0.1"]}""");
            first.Headers.Add("Link", """</v2/charts/app/tags/list?n=2&last=1.0.1>; rel="next" """);
            return first;
        }).On(r => r.RequestUri!.Query == "?n=2&last=1.0.1", _ =>
        {
            var second = FakeRegistryHandler.Json("""{"name":"charts/app","tags":["1.0.2","1.0.3"]}""");
            second.Headers.Add("Link", """<https://registry.example/v2/charts/app/tags/list?n=2&last=1.0.3>; type="x"; rel="next" """);
            return second;
        }).On(r => r.RequestUri!.Query == "?n=2&last=1.0.3", _ => FakeRegistryHandler.Json("""{"name":"charts/app","tags":["1.1.0"]}"""));
        using var source = OciTestSource.Create(handler);

        var entries = await source.VersionsAsync("app", CancellationToken.None);

        CollectionAssert.AreEqual(new[] { "1.0.0", "1.0.1", "1.0.2", "1.0.3", "1.1.0" }, entries.Select(e => e.Version).ToArray());
        Assert.HasCount(3, handler.Requests);
    }

    [TestMethod]
    public async Task ATagListThatPagesBackToItselfIsAnErrorNotALoop()
    {
        var handler = new FakeRegistryHandler().On("GET", Tags, _ =>
        {
            var page = FakeRegistryHandler.Json("""{"tags":["1.0.0"]}""");
            page.Headers.Add("Link", """</v2/charts/app/tags/list>; rel="next" """);
            return page;
        });
        using var source = OciTestSource.Create(handler);

        await OciTestSource.FailsWithAsync(DiagnosticCodes.WT3443, () => source.VersionsAsync("app", CancellationToken.None));
    }

    [TestMethod]
    public async Task ARepositoryWithNoTagsLeftHasNoVersions()
    {
        var handler = new FakeRegistryHandler().On("GET", Tags, _ => FakeRegistryHandler.Json("""{"name":"charts/app","tags":null}"""));
        using var source = OciTestSource.Create(handler);

        Assert.IsEmpty(await source.VersionsAsync("app", CancellationToken.None));
    }

    [TestMethod]
    public async Task DownloadFetchesTheManifestAsOciThenTheChartLayerAndReturnsItsBytes()
    {
        var handler = new FakeRegistryHandler();
        var (digest, archive) = handler.ServeChart("app", "1.2.0_build.7");
        using var source = OciTestSource.Create(handler);

        var bytes = await source.DownloadAsync(OciTestSource.Entry("app", "1.2.0+build.7", digest), CancellationToken.None);

        CollectionAssert.AreEqual(archive, bytes);
        var requests = handler.Requests.ToList();
        Assert.AreEqual("https://registry.example/v2/charts/app/manifests/1.2.0_build.7", requests[0].Uri.AbsoluteUri);
        Assert.AreEqual("application/vnd.oci.image.manifest.v1+json", requests[0].Accept);
        Assert.AreEqual($"https://registry.example/v2/charts/app/blobs/{digest}", requests[1].Uri.AbsoluteUri);
    }

    [TestMethod]
    public async Task AChartPushedByHelmBefore38WithTheLegacyLayerTypeStillDownloads()
    {
        var handler = new FakeRegistryHandler();
        var archive = HelmChartArchive.Pack("app", HelmChartArchive.MinimalChart("app", "0.1.0"));
        handler.ServeChart("app", "0.1.0", archive, FakeRegistryHandler.ChartManifest(HelmOciPush.Digest(archive), archive.Length, layerMediaType: "application/tar+gzip"));
        using var source = OciTestSource.Create(handler);

        CollectionAssert.AreEqual(archive, await source.DownloadAsync(OciTestSource.Entry("app", "0.1.0"), CancellationToken.None));
    }

    [TestMethod]
    public async Task ABlobRedirectedToStorageOnAnotherHostGetsNoCredentialsButTheRegistryDoes()
    {
        var handler = new FakeRegistryHandler();
        var archive = HelmChartArchive.Pack("app", HelmChartArchive.MinimalChart("app", "1.0.0"));
        var digest = HelmOciPush.Digest(archive);
        handler.On(r => r.Headers.Authorization is null && r.RequestUri!.Host == FakeRegistryHandler.Registry,
                _ => FakeRegistryHandler.Status(HttpStatusCode.Unauthorized, "Basic realm=\"registry\""))
            .On("GET", "https://registry.example/v2/charts/app/manifests/1.0.0", _ => FakeRegistryHandler.Json(FakeRegistryHandler.ChartManifest(digest, archive.Length)))
            .On("GET", $"https://registry.example/v2/charts/app/blobs/{digest}", _ => FakeRegistryHandler.Redirect("/storage/app-blob"))
            .On("GET", "https://registry.example/storage/app-blob", _ => FakeRegistryHandler.Redirect("https://storage.example/bucket/blob?signature=s", HttpStatusCode.Found))
            .On("GET", "https://storage.example/bucket/blob", _ => FakeRegistryHandler.Bytes(archive));
        using var config = new TemporaryDirectory();
        var dockerConfig = DockerConfigs.Write(config, """{"auths":{"registry.example":{"auth":"dXNlcjpwYXNzd29yZA=="}}}""");
        using var source = OciTestSource.Create(handler, dockerConfig);

        CollectionAssert.AreEqual(archive, await source.DownloadAsync(OciTestSource.Entry("app", "1.0.0"), CancellationToken.None));

        var byHost = handler.Requests.Where(r => r.Authorization is not null).Select(r => r.Uri.Host).Distinct().ToList();
        CollectionAssert.AreEqual(new[] { FakeRegistryHandler.Registry }, byHost, "only the registry's own origin sees the credentials");
        var storage = handler.Requests.Single(r => r.Uri.Host == "storage.example");
        Assert.IsNull(storage.Authorization);
        Assert.AreEqual(FakeRegistryHandler.BasicHeader("user", "password"), handler.Requests.Single(r => r.Uri.AbsolutePath == "/storage/app-blob").Authorization,
            "a redirect within the registry keeps them");
    }

    [TestMethod]
    public async Task LoopbackRegistriesAreSpokenToOverPlainHttpAndOthersOnlyOverHttps()
    {
        var handler = new FakeRegistryHandler().On(_ => true, _ => FakeRegistryHandler.Json("""{"tags":[]}"""));
        foreach (var (repository, expected) in new[]
                 {
                     ("oci://127.0.0.1:5000/charts", "http://127.0.0.1:5000/v2/charts/app/tags/list"),
                     ("oci://localhost:5000", "http://localhost:5000/v2/app/tags/list"),
                     ("oci://[::1]:5000/a/b", "http://[::1]:5000/v2/a/b/app/tags/list"),
                     ("oci://registry.example/charts/", "https://registry.example/v2/charts/app/tags/list"),
                     ("oci://Insecure.Example:8080/x", "http://insecure.example:8080/v2/x/app/tags/list"),
                 })
        {
            var options = OciTestSource.Options(handler) with { PlainHttpHosts = ["insecure.example:8080"] };
            using var source = new OciChartSource(repository, options);
            await source.VersionsAsync("app", CancellationToken.None);
            Assert.AreEqual(expected, handler.Requests.Last().Uri.AbsoluteUri, repository);
        }
    }
}
