using System.Net;
using System.Net.Sockets;

namespace WellTrack.Testing;

/// <summary>
/// An HTTP server on 127.0.0.1 that refuses every request with 401 Basic, recording the credentials it was offered:
/// enough to prove how a token reaches git and that authentication failures are reported, not retried.
/// </summary>
public sealed class RefusingHttpServer : LoopbackHttpServer
{
    private readonly List<string> _authorizations = [];
    private int _requestCount;

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

    public int RequestCount => Volatile.Read(ref _requestCount);

    protected override Task AnswerAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref _requestCount);
        if (BasicCredentials(context.Request) is { } credentials)
        {
            lock (_authorizations)
            {
                _authorizations.Add(credentials);
            }
        }

        context.Response.StatusCode = 401;
        context.Response.AddHeader("WWW-Authenticate", "Basic realm=\"gitops\"");
        return Task.CompletedTask;
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
