using System.Net;
using System.Net.Sockets;
using System.Text;

namespace WellTrack.Testing;

/// <summary>
/// An HTTP server on 127.0.0.1 that refuses every request with 401 Basic, recording the credentials it was offered:
/// enough to prove how a token reaches git and that authentication failures are reported, not retried.
/// </summary>
public sealed class RefusingHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<string> _authorizations = [];

    public RefusingHttpServer()
    {
        Port = FreeTcpPort.Find();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Url(string path) => $"http://127.0.0.1:{Port}/{path}";

    /// <summary>The decoded <c>user:password</c> pairs git sent.</summary>
    public IReadOnlyList<string> OfferedCredentials
    {
        get
        {
            lock (_authorizations)
            {
                return _authorizations.ToList();
            }
        }
    }

    public int RequestCount { get; private set; }

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

            RequestCount++;
            if (context.Request.Headers["Authorization"] is { } header && header.StartsWith("Basic ", StringComparison.Ordinal))
            {
                lock (_authorizations)
                {
                    _authorizations.Add(Encoding.UTF8.GetString(Convert.FromBase64String(header[6..])));
                }
            }

            context.Response.StatusCode = 401;
            context.Response.AddHeader("WWW-Authenticate", "Basic realm=\"gitops\"");
            context.Response.Close();
        }
    }
}

/// <summary>A TCP server on 127.0.0.1 that accepts connections and never answers: a remote that hangs.</summary>
public sealed class SilentTcpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<Socket> _held = [];

    public SilentTcpServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public void Dispose()
    {
        _listener.Stop();
        lock (_held)
        {
            foreach (var socket in _held)
            {
                socket.Dispose();
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            try
            {
                var socket = await _listener.AcceptSocketAsync();
                lock (_held)
                {
                    _held.Add(socket);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
        }
    }
}
