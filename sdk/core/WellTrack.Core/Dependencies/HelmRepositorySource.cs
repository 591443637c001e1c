using System.Net;
using System.Net.Http.Headers;
using System.Text;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Dependencies;

/// <summary>
/// A classic Helm chart repository over HTTP(S): <c>index.yaml</c> at the repository URL, archives at the URLs the
/// index gives (relative ones resolved against the repository URL, as Helm's ResolveReferenceURL does). Credentials
/// come from the environment variables welltrack.yaml names for the repository, and go only to the repository's own
/// host. The index is fetched once per source.
/// </summary>
public sealed class HelmRepositorySource : IChartSource
{
    private static readonly HttpClient SharedClient = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AutomaticDecompression = DecompressionMethods.All })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private readonly string _repository;
    private readonly Uri _base;
    private readonly DependencyOptions _options;
    private readonly HttpClient _client;
    private Task<string>? _index;

    public HelmRepositorySource(string repository, DependencyOptions options, HttpClient? client = null)
    {
        _repository = repository;
        _options = options;
        _client = client ?? SharedClient;
        // ResolveReferenceURL: the base path always ends in '/', so a relative URL is resolved beneath it.
        var builder = new UriBuilder(repository);
        builder.Path = builder.Path.TrimEnd('/') + "/";
        _base = builder.Uri;
    }

    public async Task<IReadOnlyList<ChartSourceEntry>> VersionsAsync(string name, CancellationToken cancellationToken)
    {
        var index = await IndexAsync(name, cancellationToken).ConfigureAwait(false);

        IReadOnlyList<IndexEntry>? entries;
        try
        {
            entries = HelmRepositoryIndex.Versions(index, name);
        }
        catch (FormatException e)
        {
            throw DependencyErrors.Error(DiagnosticCodes.WT3407, name, _repository, e.Message);
        }

        if (entries is null)
        {
            throw DependencyErrors.Error(DiagnosticCodes.WT3408, name, _repository);
        }

        // Helm skips an entry without URLs ("not a legit entry").
        return entries
            .Where(e => e.Urls.Count > 0)
            .Select(e => new ChartSourceEntry(name, e.Version, e.Digest is { Length: > 0 } d ? (d.Contains(':', StringComparison.Ordinal) ? d : "sha256:" + d) : null, Resolve(e.Urls[0])))
            .ToList();
    }

    public async Task<byte[]> DownloadAsync(ChartSourceEntry entry, CancellationToken cancellationToken)
    {
        var data = await GetAsync(entry.Name, entry.Location, Path.GetFileName(entry.Location.AbsolutePath), _options.Limits.MaxArchiveBytes, cancellationToken).ConfigureAwait(false);
        ArchiveDigest.Verify(data, entry, _repository);
        return data;
    }

    /// <summary>The index, fetched once; a failed fetch is not kept, so the next dependency asks again (and is named).</summary>
    private async Task<string> IndexAsync(string dependency, CancellationToken cancellationToken)
    {
        var task = _index ??= FetchIndexAsync(dependency, cancellationToken);
        try
        {
            return await task.ConfigureAwait(false);
        }
        catch (Exception)
        {
            _ = Interlocked.CompareExchange(ref _index, null, task);
            throw;
        }
    }

    private async Task<string> FetchIndexAsync(string dependency, CancellationToken cancellationToken)
        => Encoding.UTF8.GetString(await GetAsync(dependency, new Uri(_base, "index.yaml"), "index.yaml", long.MaxValue, cancellationToken).ConfigureAwait(false));

    private Uri Resolve(string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute;
        }

        var resolved = new UriBuilder(new Uri(_base, url)) { Query = _base.Query.TrimStart('?') };
        return resolved.Uri;
    }

    private async Task<byte[]> GetAsync(string dependency, Uri url, string what, long limit, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (url.Host == _base.Host && url.Port == _base.Port)
        {
            request.Headers.Authorization = RepositoryCredentials.Header(_options.SettingsFor(_repository), _options.Environment);
        }

        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            switch (response.StatusCode)
            {
                case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                    throw DependencyErrors.Error(DiagnosticCodes.WT3405, dependency, _repository, (int)response.StatusCode, what);
                case HttpStatusCode.NotFound:
                    throw DependencyErrors.Error(DiagnosticCodes.WT3406, dependency, _repository, what);
                case < HttpStatusCode.OK or >= HttpStatusCode.Ambiguous:
                    throw DependencyErrors.Error(DiagnosticCodes.WT3422, dependency, _repository, (int)response.StatusCode, what);
            }

            if (response.Content.Headers.ContentLength > limit)
            {
                throw DependencyErrors.Error(DiagnosticCodes.WT3416, dependency, _repository, what, limit);
            }

            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            return await ReadBoundedAsync(stream, response.Content.Headers.ContentLength, limit, dependency, what, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw DependencyErrors.Error(DiagnosticCodes.WT3404, dependency, _repository, _options.Timeout.TotalSeconds);
        }
        catch (HttpRequestException e)
        {
            throw DependencyErrors.Error(DiagnosticCodes.WT3403, dependency, _repository, e.Message);
        }
    }

    private async Task<byte[]> ReadBoundedAsync(Stream stream, long? length, long limit, string dependency, string what, CancellationToken cancellationToken)
    {
        // Sized from Content-Length when the server states it: a 15 MB index is not copied through doubling buffers.
        using var buffer = new MemoryStream(length is > 0 and < int.MaxValue ? (int)length.Value : 0);
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw DependencyErrors.Error(DiagnosticCodes.WT3416, dependency, _repository, what, limit);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
