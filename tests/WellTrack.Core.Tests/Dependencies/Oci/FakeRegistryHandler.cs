using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Dependencies.Oci;

/// <summary>
/// A registry in memory for protocol tests: routes by "METHOD absolute-uri-without-query" (or a predicate), answers
/// 404 to anything else, and records every request it saw (with its Authorization header) for assertions.
/// </summary>
internal sealed class FakeRegistryHandler : HttpMessageHandler
{
    public const string Registry = "registry.example";
    public const string Repository = "oci://registry.example/charts";

    private readonly List<(Func<HttpRequestMessage, bool> Matches, Func<HttpRequestMessage, HttpResponseMessage> Answer)> _routes = [];

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    /// <summary>One request as the handler saw it.</summary>
    public sealed record SeenRequest(HttpMethod Method, Uri Uri, string? Authorization, string? Accept, string? Body);

    public FakeRegistryHandler On(string method, string uri, Func<HttpRequestMessage, HttpResponseMessage> answer)
        => On(r => r.Method.Method == method && r.RequestUri!.GetLeftPart(UriPartial.Path) == uri, answer);

    public FakeRegistryHandler On(Func<HttpRequestMessage, bool> matches, Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        _routes.Add((matches, answer));
        return this;
    }

    /// <summary>Serves chart <paramref name="name"/> at <paramref name="tag"/> of https://registry.example/charts as Helm pushed it.</summary>
    public (string LayerDigest, byte[] Archive) ServeChart(string name, string tag, byte[]? archive = null, string? manifest = null, string host = "https://" + Registry)
    {
        archive ??= HelmChartArchive.Pack(name, HelmChartArchive.MinimalChart(name, tag.Replace('_', '+')));
        var digest = HelmOciPush.Digest(archive);
        manifest ??= ChartManifest(digest, archive.Length);
        On("GET", $"{host}/v2/charts/{name}/manifests/{tag}", _ => Json(manifest, HelmOciPush.ManifestMediaType));
        On("GET", $"{host}/v2/charts/{name}/blobs/{digest}", _ => Bytes(archive));
        return (digest, archive);
    }

    public static string ChartManifest(string layerDigest, long layerSize, string configMediaType = HelmOciPush.ConfigMediaType, string layerMediaType = HelmOciPush.ChartLayerMediaType)
        => $$"""
           {"schemaVersion":2,"mediaType":"{{HelmOciPush.ManifestMediaType}}",
            "config":{"mediaType":"{{configMediaType}}","digest":"sha256:{{new string('c', 64)}}","size":80},
            "layers":[{"mediaType":"{{layerMediaType}}","digest":"{{layerDigest}}","size":{{layerSize}}}]}
           """;

    public static HttpResponseMessage Json(string json, string mediaType = "application/json", HttpStatusCode status = HttpStatusCode.OK)
        => new(status) { Content = new StringContent(json, Encoding.UTF8, mediaType) };

    public static HttpResponseMessage Bytes(byte[] bytes) => new(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) };

    public static HttpResponseMessage Status(HttpStatusCode status, string? wwwAuthenticate = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent("""{"errors":[{"code":"X"}]}""") };
        if (wwwAuthenticate is not null)
        {
            response.Headers.WwwAuthenticate.Add(AuthenticationHeaderValue.Parse(wwwAuthenticate));
        }

        return response;
    }

    public static HttpResponseMessage Redirect(string location, HttpStatusCode status = HttpStatusCode.TemporaryRedirect)
        => new(status) { Headers = { Location = new Uri(location, UriKind.RelativeOrAbsolute) } };

    public static string BasicHeader(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue(new SeenRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), request.Headers.Accept.ToString(), body));
        foreach (var (matches, answer) in _routes)
        {
            if (matches(request))
            {
                var response = answer(request);
                response.RequestMessage = request;
                return response;
            }
        }

        return new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request, Content = new StringContent("""{"errors":[{"code":"NAME_UNKNOWN"}]}""") };
    }
}
