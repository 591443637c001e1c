using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace WellTrack.Testing;

/// <summary>
/// A static file server on 127.0.0.1 (a classic Helm chart repository is nothing more): serves the files of a
/// directory, optionally only with HTTP basic authentication, optionally holding requests for some paths for a while
/// (a slow repository). Records every path asked for, so a test can show a warm run asked nothing.
/// </summary>
public sealed class StaticFileServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly string? _credentials;
    private readonly ConcurrentQueue<string> _requests = new();

    /// <param name="root">Directory whose files are served at <c>/relative/path</c>.</param>
    /// <param name="basicAuth">When given (<c>user:password</c>), any other or no credentials get 401.</param>
    public StaticFileServer(string root, string? basicAuth = null)
    {
        _root = Path.GetFullPath(root);
        _credentials = basicAuth;
        Port = FreeTcpPort.Find();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>The server's URL for <paramref name="path"/> (no leading slash).</summary>
    public string Url(string path = "") => $"http://127.0.0.1:{Port}/{path}";

    /// <summary>Paths whose answers are held back this long (a repository that does not answer in time).</summary>
    public ConcurrentDictionary<string, TimeSpan> Delays { get; } = new(StringComparer.Ordinal);

    /// <summary>Paths answered with this status and no body (a repository failing in some other way).</summary>
    public ConcurrentDictionary<string, int> Statuses { get; } = new(StringComparer.Ordinal);

    /// <summary>Every path asked for, in order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath.TrimStart('/'));
        _requests.Enqueue(path);
        try
        {
            if (Delays.TryGetValue(path, out var delay))
            {
                await Task.Delay(delay);
            }

            if (Statuses.TryGetValue(path, out var status))
            {
                context.Response.StatusCode = status;
                return;
            }

            if (_credentials is not null && !Authorized(context.Request))
            {
                context.Response.StatusCode = 401;
                context.Response.AddHeader("WWW-Authenticate", "Basic realm=\"charts\"");
                return;
            }

            var file = Path.GetFullPath(Path.Combine(_root, path));
            if (!file.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(file))
            {
                context.Response.StatusCode = 404;
                return;
            }

            var data = await File.ReadAllBytesAsync(file);
            context.Response.ContentLength64 = data.Length;
            await context.Response.OutputStream.WriteAsync(data);
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client gave up (a timeout test) or the server is closing.
        }
        finally
        {
            try
            {
                context.Response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                // Already closed by the client.
            }
        }
    }

    private bool Authorized(HttpListenerRequest request)
        => request.Headers["Authorization"] is { } header
            && header.StartsWith("Basic ", StringComparison.Ordinal)
            && Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..])) == _credentials;
}
