using System.Net;
using WellTrack.Core.Dependencies.Oci;
using WellTrack.Diagnostics;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Dependencies.Oci;

/// <summary>Every way a registry or what it serves can fail, each a coded error naming the registry and the chart.</summary>
[TestClass]
public sealed class OciFailureTests
{
    private const string Tags = "https://registry.example/v2/charts/app/tags/list";
    private const string Manifest = "https://registry.example/v2/charts/app/manifests/1.0.0";

    [TestMethod]
    public async Task AnUnknownRepositoryIsAChartThatIsAbsent()
    {
        using var source = OciTestSource.Create(new FakeRegistryHandler());

        var diagnostic = await OciTestSource.FailsWithAsync(DiagnosticCodes.WT3434, () => source.VersionsAsync("app", CancellationToken.None));

        StringAssert.Contains(diagnostic.Message, "oci://registry.example/charts");
        StringAssert.Contains(diagnostic.Message, "'app'");
    }

    [TestMethod]
    public async Task AnUnknownTagOrBlobIsAVersionThatIsAbsent()
    {
        using var source = OciTestSource.Create(new FakeRegistryHandler());
        var diagnostic = await OciTestSource.FailsWithAsync(DiagnosticCodes.WT3435, () => source.DownloadAsync(OciTestSource.Entry("app", "1.0.0"), CancellationToken.None));
        StringAssert.Contains(diagnostic.Message, "1.0.0");

        var handler = new FakeRegistryHandler().On("GET", Manifest, _ => FakeRegistryHandler.Json(FakeRegistryHandler.ChartManifest("sha256:" + new string('a', 64), 10)));
        using var noBlob = OciTestSource.Create(handler);
        diagnostic = await OciTestSource.FailsWithAsync(DiagnosticCodes.WT3435, () => noBlob.DownloadAsync(OciTestSource.Entry("app", "1.0.0"), CancellationToken.None));
        StringAssert.Contains(diagnostic.Message, "blob sha256:aaaa");
    }

    [TestMethod]
    [DataRow("""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]}""", "application/vnd.oci.image.index.v1+json")]
    [DataRow("""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:0","size":1},"layers":[]}""", "application/vnd.oci.image.config.v1+json")]
    [DataRow("""{"schemaVersion":2,"config":{"mediaType":"application/vnd.cncf.helm.config.v1+json","digest":"sha256:0","size":1},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:0","size":1}]}""", "0 layers")]
    [DataRow("""{"schemaVersion":2,"config":{"mediaType":"application/vnd.cncf.helm.config.v1+json"},"layers":[{"mediaType":"application/vnd.cncf.helm.chart.content.v1.tar+gzip","digest":"sha512:00","size":1}]}""", "sha512:00")]
    public async Task AManifestThatIsNotAHelmChartIsReportedWithWhatItIs(string manifest, string said)
    {
        var handler = new FakeRegistryHandler().On("GET", Manifest, _ => FakeRegistryHandler.Json(manifest));
        using var source = OciTestSource.Create(handler);

        var diagnostic = await OciTestSource.FailsWithAsync(DiagnosticCodes.WT3436, () => source.DownloadAsync(OciTestSource.Entry("app", "1.0.0"), CancellationToken.None));

        StringAssert.Contains(diagnostic.Message, said);
        Assert.HasCount(1, handler.Requests, "no blob is fetched for what is not a chart");
    }

    [TestMethod]
    public async Task BytesThatDoNotHashToTheLayerDigestAreRefused()
    {
        var handler = new FakeRegistryHandler();
        var archive = HelmChartArchive.Pack("app", HelmChartArchive.MinimalChart("app", "1.0.0"));
        var claimed = "sha256:" + new string('b', 64);
        handler.ServeChart("app", "1.0.0", archive, FakeRegistryHandler.ChartManifest(claimed, archive.Length));
        handler.On("GET", $"https://registry.example/v2/charts/app/blobs/{claimed}", _ => FakeRegistryHandler.Bytes(archive));
        using var source = OciTestSource.Create(handler);

        var diagnostic = await OciTestSource.FailsWithAsync(DiagnosticCodes.WT3437, () => source.DownloadAsync(OciTestSource.Entry("app", "1.0.0"), CancellationToken.None));

        StringAssert.Contains(diagnostic.Message, HelmOciPush.Digest(archive));
        StringAssert.Contains(diagnostic.Message, claimed);
    }

    [TestMethod]
    public async Task ALayerDigestOtherThanTheOneTheCallerKnowsIsRefusedBeforeDownloading()
    {
        var handler = new FakeRegistryHandler();
        handler.ServeChart("app", "1.0.0");
        using var source = OciTestSource.Create(handler);
        var locked = "sha256:" + new string('d', 64);

        var diagnostic = await OciTestSource.FailsWithAsync(DiagnosticCodes.WT3437, () => source.DownloadAsync(OciTestSource.Entry("app", "1.0.0", locked), CancellationToken.None));

        StringAssert.Contains(diagnostic.Message, locked);
        Assert.HasCount(1, handler.Requests);
    }

    [TestMethod]
    public async Task AnArchiveOverTheLimitIsRefusedFromItsDeclaredSizeOrWhileItStreams()
    {
        var archive = HelmChartArchive.Pack("app", HelmChartArchive.MinimalChart("app", "1.0.0"));
        var declared = new FakeRegistryHandler();
        declared.ServeChart("app", "1.0.0", archive);
        using (var source = new OciChartSource(FakeRegistryHandler.Repository, OciTestSource.Options(declared) with { MaxArchiveBytes = archive.Length - 1 }))
        {
            var diagnostic = await OciTestSource.FailsWithAsync(DiagnosticCodes.WT3438, () => source.DownloadAsync(OciTestSource.Entry("app", "1.0.0"), CancellationToken.None));
            StringAssert.Contains(diagnostic.Message, (archive.Length - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.HasCount(1, declared.Requests, "the manifest's size is enough to refuse");
        }

        // The manifest understates the size; the stream is cut at the limit.
        var lying = new FakeRegistryHandler();
        var digest = HelmOciPush.Digest(archive);
        lying.ServeChart("app", "1.0.0", archive, FakeRegistryHandler.ChartManifest(digest, 10));
        using (var source = new OciChartSource(FakeRegistryHandler.Repository, OciTestSource.Options(lying) with { MaxArchiveBytes = 100 }))
        {
            await OciTestSource.FailsWithAsync(DiagnosticCodes.WT3438, () => source.DownloadAsync(OciTestSource.Entry("app", "1.0.0"), CancellationToken.None));
        }
    }

    [TestMethod]
    [DataRow("<html>login</html>")]
    [DataRow("""{"tags":"1.0.0"}""")]
    [DataRow("""[1,2]""")]
    public async Task ATagListThatIsNotTheApisJsonIsMalformed(string body)
    {
        var handler = new FakeRegistryHandler().On("GET", Tags, _ => FakeRegistryHandler.Json(body));
        using var source = OciTestSource.Create(handler);

        var diagnostic = await OciTestSource.FailsWithAsync(DiagnosticCodes.WT3439, () => source.VersionsAsync("app", CancellationToken.None));
        StringAssert.Contains(diagnostic.Message, "the tag list");
    }

    [TestMethod]
    public async Task AServerErrorIsAnUnexpectedStatusNamingWhatWasAsked()
    {
        var handler = new FakeRegistryHandler().On("GET", Tags, _ => FakeRegistryHandler.Status(HttpStatusCode.BadGateway));
        using var source = OciTestSource.Create(handler);

        var diagnostic = await OciTestSource.FailsWithAsync(DiagnosticCodes.WT3443, () => source.VersionsAsync("app", CancellationToken.None));
        StringAssert.Contains(diagnostic.Message, "502");
    }

    [TestMethod]
    public async Task RedirectsThatNeverEndAreAnError()
    {
        var handler = new FakeRegistryHandler().On(_ => true, r => FakeRegistryHandler.Redirect(r.RequestUri!.AbsoluteUri + "x"));
        using var source = OciTestSource.Create(handler);

        await OciTestSource.FailsWithAsync(DiagnosticCodes.WT3443, () => source.VersionsAsync("app", CancellationToken.None));
        Assert.HasCount(11, handler.Requests);
    }

    [TestMethod]
    public async Task ARegistryThatCannotBeReachedIsUnreachable()
    {
        var handler = new FakeRegistryHandler().On(_ => true, _ => throw new HttpRequestException("Connection refused (registry.example:443)"));
        using var source = OciTestSource.Create(handler);

        var diagnostic = await OciTestSource.FailsWithAsync(DiagnosticCodes.WT3430, () => source.VersionsAsync("app", CancellationToken.None));
        StringAssert.Contains(diagnostic.Message, "Connection refused");
    }

    [TestMethod]
    public async Task ARegistryThatDoesNotAnswerTimesOutButACallerCancellationIsNotATimeout()
    {
        using var hang = new HangingHandler();
        using (var source = new OciChartSource(FakeRegistryHandler.Repository, new OciSourceOptions { HttpHandler = hang, Timeout = TimeSpan.FromMilliseconds(50) }))
        {
            var diagnostic = await OciTestSource.FailsWithAsync(DiagnosticCodes.WT3431, () => source.VersionsAsync("app", CancellationToken.None));
            StringAssert.Contains(diagnostic.Message, "0.05 s");
        }

        using (var source = new OciChartSource(FakeRegistryHandler.Repository, new OciSourceOptions { HttpHandler = hang }))
        {
            using var cancelled = new CancellationTokenSource();
            await cancelled.CancelAsync();
            await Assert.ThrowsAsync<OperationCanceledException>(() => source.VersionsAsync("app", cancelled.Token));
        }
    }

    [TestMethod]
    [DataRow("https://registry.example/charts")]
    [DataRow("oci://")]
    [DataRow("oci:///charts")]
    [DataRow("oci://user:pw@registry.example/charts")]
    [DataRow("oci://registry.example/Charts")]
    [DataRow("oci://registry.example/charts:1.0.0")]
    [DataRow("oci://registry.example/charts?x=1")]
    public void ARepositoryThatIsNotAnOciReferenceIsRefused(string repository)
    {
        var e = Assert.ThrowsExactly<DiagnosticException>(() => new OciChartSource(repository, new OciSourceOptions()));
        Assert.IsTrue(e.Diagnostic.Is(DiagnosticCodes.WT3444), e.Diagnostic.ToString());
        Assert.DoesNotContain(":pw@", e.Diagnostic.Message, "a password in the URL is not repeated");
    }

    [TestMethod]
    public async Task AChartNameThatIsNotARepositoryNameIsRefused()
    {
        using var source = OciTestSource.Create(new FakeRegistryHandler());

        await OciTestSource.FailsWithAsync(DiagnosticCodes.WT3444, () => source.VersionsAsync("My_Chart", CancellationToken.None));
    }

    /// <summary>Never answers; only cancellation ends a request.</summary>
    private sealed class HangingHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
