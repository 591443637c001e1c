using System.Net;
using System.Text;

namespace WellTrack.Testing;

/// <summary>
/// An HTTP server on 127.0.0.1 at a free port, answering each request on its own task until disposed: the common part
/// of the tests' fake repositories and remotes, which differ only in how they answer.
/// </summary>
public abstract class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();

    protected LoopbackHttpServer()
    {
        Port = FreeTcpPort.Find();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>The server's URL for <paramref name="path"/> (no leading slash).</summary>
    public string Url(string path = "") => $"http://127.0.0.1:{Port}/{path}";

    public void Dispose()
    {
        _listener.Close();
        GC.SuppressFinalize(this);
    }

    /// <summary>Answers one request; the response is closed afterwards, whatever happens.</summary>
    protected abstract Task AnswerAsync(HttpListenerContext context);

    /// <summary>The <c>user:password</c> of a Basic <c>Authorization</c> header, or null.</summary>
    protected static string? BasicCredentials(HttpListenerRequest request)
        => request.Headers["Authorization"] is { } header && header.StartsWith("Basic ", StringComparison.Ordinal)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..]))
            : null;

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

            _ = Task.Run(() => AnswerAndCloseAsync(context));
        }
    }

    private async Task AnswerAndCloseAsync(HttpListenerContext context)
    {
        try
        {
            await AnswerAsync(context);
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
}
