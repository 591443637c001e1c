using System.Collections.Concurrent;
using System.Net;

namespace WellTrack.Testing;

/// <summary>
/// A static file server on 127.0.0.1 (a classic Helm chart repository is nothing more): serves the files of a
/// directory, optionally only with HTTP basic authentication, optionally holding requests for some paths for a while
/// (a slow repository). Records every path asked for, so a test can show a warm run asked nothing.
/// </summary>
public sealed class StaticFileServer : LoopbackHttpServer
{
    private readonly string _root;
    private readonly string? _credentials;
    private readonly ConcurrentQueue<string> _requests = new();

    /// <param name="root">Directory whose files are served at <c>/relative/path</c>.</param>
    /// <param name="basicAuth">When given (<c>user:password</c>), any other or no credentials get 401.</param>
    public StaticFileServer(string root, string? basicAuth = null)
    {
        _root = Path.GetFullPath(root);
        _credentials = basicAuth;
    }

    /// <summary>Paths whose answers are held back this long (a repository that does not answer in time).</summary>
    public ConcurrentDictionary<string, TimeSpan> Delays { get; } = new(StringComparer.Ordinal);

    /// <summary>Paths answered with this status and no body (a repository failing in some other way).</summary>
    public ConcurrentDictionary<string, int> Statuses { get; } = new(StringComparer.Ordinal);

    /// <summary>Every path asked for, in order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    protected override async Task AnswerAsync(HttpListenerContext context)
    {
        var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath.TrimStart('/'));
        _requests.Enqueue(path);
        if (Delays.TryGetValue(path, out var delay))
        {
            await Task.Delay(delay);
        }

        if (Statuses.TryGetValue(path, out var status))
        {
            context.Response.StatusCode = status;
            return;
        }

        if (_credentials is not null && BasicCredentials(context.Request) != _credentials)
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
}
