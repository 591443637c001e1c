using System.Net;
using System.Security.Cryptography;
using System.Text.Json;

namespace WellTrack.Core.Dependencies.Oci;

/// <summary>
/// Charts in an OCI registry (<c>oci://HOST[:PORT]/PATH</c>) as Helm pushes them: versions from the tag list (pages
/// followed through the <c>Link</c> header), the archive from the manifest's chart layer, its sha256 verified.
/// Credentials come from Docker's or Helm's <c>config.json</c> and credential helpers, and only when the registry asks.
/// </summary>
public sealed class OciChartSource : IChartSource, IDisposable
{
    /// <summary>A tag list that pages on beyond this is a loop or an attack, not a chart repository.</summary>
    private const int MaxTagPages = 1000;

    private readonly OciRepositoryReference _reference;
    private readonly OciSourceOptions _options;
    private readonly OciRegistryClient _client;

    /// <param name="repository">Chart.yaml's <c>repository</c>: <c>oci://HOST[:PORT]/PATH</c>, without the chart name.</param>
    /// <exception cref="WellTrack.Diagnostics.DiagnosticException">WT3444 when it is not such a reference.</exception>
    public OciChartSource(string repository, OciSourceOptions options)
    {
        _reference = OciRepositoryReference.Parse(repository);
        _options = options;
        _client = new OciRegistryClient(_reference, options);
    }

    /// <summary>The repository as messages name it: <c>oci://host[:port]/path</c>.</summary>
    public string Repository => _reference.Repository;

    public Task<IReadOnlyList<ChartSourceEntry>> VersionsAsync(string name, CancellationToken cancellationToken)
    {
        var failures = new OciFailures(_reference.Repository, name);
        return WithTimeoutAsync(failures, token => ListAsync(name, failures, token), cancellationToken);
    }

    public Task<byte[]> DownloadAsync(ChartSourceEntry entry, CancellationToken cancellationToken)
    {
        var failures = new OciFailures(_reference.Repository, entry.Name);
        return WithTimeoutAsync(failures, token => PullAsync(entry, failures, token), cancellationToken);
    }

    /// <summary>Releases the source's HTTP client (never a handler given in the options) and in-memory tokens.</summary>
    public void Dispose() => _client.Dispose();

    private async Task<T> WithTimeoutAsync<T>(OciFailures failures, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            return await operation(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw failures.TimedOut(_options.Timeout);
        }
    }

    private async Task<IReadOnlyList<ChartSourceEntry>> ListAsync(string chart, OciFailures failures, CancellationToken cancellationToken)
    {
        const string what = "the tag list";
        var name = _reference.NameOf(chart);
        var entries = new List<ChartSourceEntry>();
        var seen = new HashSet<Uri>();
        Uri? page = new(_client.BaseUri, $"v2/{name}/tags/list");
        while (page is not null)
        {
            if (!seen.Add(page) || seen.Count > MaxTagPages)
            {
                throw failures.UnexpectedAnswer("a tag list whose pages do not end", what);
            }

            using var response = await _client.GetAsync(page, name, "application/json", failures, what, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                throw failures.ChartAbsent();
            }

            OciRegistryClient.EnsureSuccess(response, failures, what);
            using (var document = await OciRegistryClient.ReadJsonAsync(response, failures, what, cancellationToken))
            {
                foreach (var tag in Tags(document.RootElement, failures, what))
                {
                    if (OciTagVersions.VersionOf(tag) is { } version)
                    {
                        entries.Add(new ChartSourceEntry(chart, version, null, Location(name, tag)));
                    }
                }
            }

            page = OciLinkHeader.Next(response);
        }

        return entries;
    }

    private async Task<byte[]> PullAsync(ChartSourceEntry entry, OciFailures failures, CancellationToken cancellationToken)
    {
        var name = _reference.NameOf(entry.Name);
        var tag = OciTagVersions.TagOf(entry.Version);
        var manifestWhat = $"the manifest of tag {tag}";
        OciChartManifest manifest;
        using (var response = await _client.GetAsync(new Uri(_client.BaseUri, $"v2/{name}/manifests/{tag}"), name, OciMediaTypes.ImageManifest, failures, manifestWhat, cancellationToken))
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                throw failures.VersionAbsent(entry.Version, manifestWhat);
            }

            OciRegistryClient.EnsureSuccess(response, failures, manifestWhat);
            using var document = await OciRegistryClient.ReadJsonAsync(response, failures, manifestWhat, cancellationToken);
            manifest = OciChartManifest.Read(document.RootElement, failures, entry.Version, manifestWhat);
        }

        // A digest the caller already knows (a lock, a cache) must be the one the registry serves now.
        if (entry.Digest is { } expected && !string.Equals(expected, manifest.LayerDigest, StringComparison.Ordinal))
        {
            throw failures.DigestMismatch(entry.Version, manifest.LayerDigest, expected);
        }

        if (manifest.LayerSize > _options.MaxArchiveBytes)
        {
            throw failures.TooLarge(entry.Version, manifest.LayerSize, _options.MaxArchiveBytes);
        }

        var blobWhat = $"blob {manifest.LayerDigest}";
        using var blob = await _client.GetAsync(new Uri(_client.BaseUri, $"v2/{name}/blobs/{manifest.LayerDigest}"), name, null, failures, blobWhat, cancellationToken);
        if (blob.StatusCode == HttpStatusCode.NotFound)
        {
            throw failures.VersionAbsent(entry.Version, blobWhat);
        }

        OciRegistryClient.EnsureSuccess(blob, failures, blobWhat);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var bytes = await OciRegistryClient.ReadLimitedAsync(blob, _options.MaxArchiveBytes, hash, cancellationToken)
                    ?? throw failures.TooLarge(entry.Version, Math.Max(blob.Content.Headers.ContentLength ?? 0, _options.MaxArchiveBytes + 1), _options.MaxArchiveBytes);
        var actual = "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
        return actual == manifest.LayerDigest ? bytes : throw failures.DigestMismatch(entry.Version, actual, manifest.LayerDigest);
    }

    private static List<string> Tags(JsonElement root, OciFailures failures, string what)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw failures.MalformedJson(what, "the answer is not a JSON object");
        }

        // A repository with no tags left answers "tags": null.
        if (!root.TryGetProperty("tags", out var tags) || tags.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        return tags.ValueKind == JsonValueKind.Array && tags.EnumerateArray().All(t => t.ValueKind == JsonValueKind.String)
            ? tags.EnumerateArray().Select(t => t.GetString()!).ToList()
            : throw failures.MalformedJson(what, "'tags' is not an array of strings");
    }

    private Uri Location(string name, string tag) => new($"oci://{_reference.Authority}/{name}:{tag}");
}
