using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace WellTrack.Testing;

/// <summary>
/// Pushes a chart archive to an OCI registry exactly as <c>helm push</c> does (Helm 3.16, through oras-go): the config
/// blob (the chart's metadata as JSON, media type <c>application/vnd.cncf.helm.config.v1+json</c>), the layer blob (the
/// <c>.tgz</c>, <c>application/vnd.cncf.helm.chart.content.v1.tar+gzip</c>), then an OCI image manifest naming both,
/// tagged with the version, <c>+</c> written as <c>_</c>. Plain HTTP: for the registries of tests on 127.0.0.1.
/// </summary>
public static class HelmOciPush
{
    public const string ManifestMediaType = "application/vnd.oci.image.manifest.v1+json";
    public const string ConfigMediaType = "application/vnd.cncf.helm.config.v1+json";
    public const string ChartLayerMediaType = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";

    /// <summary>What a push left in the registry.</summary>
    public sealed record Pushed(string Repository, string Tag, string LayerDigest, string ConfigDigest, string ManifestDigest);

    /// <summary>
    /// Pushes <paramref name="archive"/> (chart <paramref name="name"/> at <paramref name="version"/>) to
    /// <c>http://<paramref name="address"/>/<paramref name="path"/>/NAME</c>, with basic credentials when given.
    /// <paramref name="configMediaType"/> other than Helm's makes an artifact that is not a chart, for tests of refusals.
    /// </summary>
    public static async Task<Pushed> PushAsync(string address, string path, string name, string version, byte[] archive,
        string? appVersion = null, NetworkCredential? credential = null, string configMediaType = ConfigMediaType,
        CancellationToken cancellationToken = default)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://{address}/"), Timeout = TimeSpan.FromSeconds(30) };
        if (credential is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credential.UserName}:{credential.Password}")));
        }

        var repository = string.IsNullOrEmpty(path) ? name : $"{path}/{name}";
        var config = ConfigJson(name, version, appVersion);
        var configDigest = await UploadBlobAsync(client, repository, config, cancellationToken);
        var layerDigest = await UploadBlobAsync(client, repository, archive, cancellationToken);
        var manifest = ManifestJson(configMediaType, configDigest, config.Length, layerDigest, archive.Length, name, version);
        var tag = version.Replace('+', '_');
        using var content = new ByteArrayContent(manifest);
        content.Headers.ContentType = new MediaTypeHeaderValue(ManifestMediaType);
        using var response = await client.PutAsync($"v2/{repository}/manifests/{tag}", content, cancellationToken);
        await EnsureAsync(response, $"PUT manifest {repository}:{tag}");
        return new Pushed(repository, tag, layerDigest, configDigest, Digest(manifest));
    }

    /// <summary>Helm's config blob: chart.Metadata marshalled by encoding/json (field order of the struct, empty fields omitted).</summary>
    public static byte[] ConfigJson(string name, string version, string? appVersion)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("version", version);
            json.WriteString("description", "A chart written by a test");
            json.WriteString("apiVersion", "v2");
            if (appVersion is not null)
            {
                json.WriteString("appVersion", appVersion);
            }

            json.WriteString("type", "application");
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static string Digest(byte[] bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static byte[] ManifestJson(string configMediaType, string configDigest, long configSize, string layerDigest, long layerSize, string name, string version)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 2);
            json.WriteString("mediaType", ManifestMediaType);
            Descriptor(json, "config", configMediaType, configDigest, configSize);
            json.WriteStartArray("layers");
            Descriptor(json, null, ChartLayerMediaType, layerDigest, layerSize);
            json.WriteEndArray();
            // Helm annotates the manifest with the chart's title and version (pkg/registry generateOCIAnnotations).
            json.WriteStartObject("annotations");
            json.WriteString("org.opencontainers.image.title", name);
            json.WriteString("org.opencontainers.image.version", version);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void Descriptor(Utf8JsonWriter json, string? property, string mediaType, string digest, long size)
    {
        if (property is null)
        {
            json.WriteStartObject();
        }
        else
        {
            json.WriteStartObject(property);
        }

        json.WriteString("mediaType", mediaType);
        json.WriteString("digest", digest);
        json.WriteNumber("size", size);
        json.WriteEndObject();
    }

    /// <summary>A monolithic upload: POST for a session, then PUT the bytes to its Location with the digest.</summary>
    private static async Task<string> UploadBlobAsync(HttpClient client, string repository, byte[] bytes, CancellationToken cancellationToken)
    {
        var digest = Digest(bytes);
        using var start = await client.PostAsync($"v2/{repository}/blobs/uploads/", null, cancellationToken);
        await EnsureAsync(start, $"POST blob upload {repository}");
        var location = start.Headers.Location ?? throw new InvalidOperationException("the registry gave no upload Location");
        var target = location.IsAbsoluteUri ? location : new Uri(client.BaseAddress!, location);
        var separator = target.Query.Length > 0 ? "&" : "?";
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var put = await client.PutAsync(new Uri(target + separator + "digest=" + Uri.EscapeDataString(digest)), content, cancellationToken);
        await EnsureAsync(put, $"PUT blob {digest}");
        return digest;
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
