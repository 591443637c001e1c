using System.Net;
using System.Net.Sockets;
using System.Text;

namespace WellTrack.Testing;

/// <summary>
/// A TCP proxy on 127.0.0.1 in front of a git daemon that misbehaves on request, as a loaded server or network does:
/// it resets connections, loses the answer to a push the server has already applied, or holds a push forever. It reads
/// the git protocol's first packet to tell pushes (<c>git-receive-pack</c>) from fetches. Counts what it did, so a test
/// can prove its fault happened. Stopped, with every connection, when disposed.
/// </summary>
public sealed class FaultyTcpProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _pushStalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _connectionResetsLeft;
    private int _pushResetsLeft;
    private int _pushRepliesToLose;
    private int _connectionsReset;
    private int _pushesReset;
    private int _pushRepliesLost;

    public FaultyTcpProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public string UrlFor(string repositoryName) => $"git://127.0.0.1:{Port}/{repositoryName}";

    /// <summary>Resets the next <paramref name="count"/> connections, whatever they are, as soon as they are accepted.</summary>
    public void ResetNextConnections(int count) => Interlocked.Exchange(ref _connectionResetsLeft, count);

    /// <summary>Resets the next <paramref name="count"/> pushes after their request, before the server sees them.</summary>
    public void ResetNextPushes(int count) => Interlocked.Exchange(ref _pushResetsLeft, count);

    /// <summary>
    /// For the next <paramref name="count"/> pushes, forwards the client's commands and pack to the server but resets
    /// the client's connection instead of forwarding the server's answer: the push landed, the client cannot know.
    /// </summary>
    public void LoseNextPushReplies(int count) => Interlocked.Exchange(ref _pushRepliesToLose, count);

    /// <summary>Holds every push (after its request) without forwarding anything, until disposed: a remote that hangs.</summary>
    public bool StallPushes { get; set; }

    /// <summary>Completes when the first push is being held by <see cref="StallPushes"/>.</summary>
    public Task PushStalled => _pushStalled.Task;

    public int ConnectionsReset => Volatile.Read(ref _connectionsReset);

    public int PushesReset => Volatile.Read(ref _pushesReset);

    public int PushRepliesLost => Volatile.Read(ref _pushRepliesLost);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(Socket client)
    {
        using (client)
        {
            try
            {
                if (Take(ref _connectionResetsLeft))
                {
                    Interlocked.Increment(ref _connectionsReset);
                    Reset(client);
                    return;
                }

                var request = await ReadFirstPacketAsync(client);
                var isPush = Encoding.ASCII.GetString(request).Contains("git-receive-pack", StringComparison.Ordinal);
                if (isPush && StallPushes)
                {
                    _pushStalled.TrySetResult();
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                    return;
                }

                if (isPush && Take(ref _pushResetsLeft))
                {
                    Interlocked.Increment(ref _pushesReset);
                    Reset(client);
                    return;
                }

                using var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await server.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
                await server.SendAsync(request, SocketFlags.None, _stop.Token);
                await RelayAsync(client, server, loseReply: isPush && Take(ref _pushRepliesToLose));
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException or IOException)
            {
                // A side closed or the proxy stopped: the connection ends here, as a real one would.
            }
        }
    }

    /// <summary>Relays both ways until both sides are done. With <paramref name="loseReply"/>, the server's first answer
    /// after the client has spoken (the push's report, sent once the refs are updated) is replaced by a reset.</summary>
    private async Task RelayAsync(Socket client, Socket server, bool loseReply)
    {
        var serverSpoke = false;
        var clientSpokeAfterServer = false;
        var upstream = Task.Run(async () =>
        {
            var buffer = new byte[16384];
            int read;
            while ((read = await client.ReceiveAsync(buffer, SocketFlags.None, _stop.Token)) > 0)
            {
                clientSpokeAfterServer |= Volatile.Read(ref serverSpoke);
                await server.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
            }

            server.Shutdown(SocketShutdown.Send);
        });

        var downstream = new byte[16384];
        int count;
        while ((count = await server.ReceiveAsync(downstream, SocketFlags.None, _stop.Token)) > 0)
        {
            if (loseReply && Volatile.Read(ref clientSpokeAfterServer))
            {
                Interlocked.Increment(ref _pushRepliesLost);
                Reset(client);
                // Let the server finish what it is doing; its answer goes nowhere.
                while (await server.ReceiveAsync(downstream, SocketFlags.None, _stop.Token) > 0)
                {
                }

                return;
            }

            Volatile.Write(ref serverSpoke, true);
            await client.SendAsync(downstream.AsMemory(0, count), SocketFlags.None, _stop.Token);
        }

        client.Shutdown(SocketShutdown.Send);
        await upstream;
    }

    /// <summary>The client's first pkt-line: four hexadecimal digits of length, then the request.</summary>
    private async Task<byte[]> ReadFirstPacketAsync(Socket client)
    {
        var header = await ReadExactlyAsync(client, 4);
        var length = Convert.ToInt32(Encoding.ASCII.GetString(header), 16);
        var body = await ReadExactlyAsync(client, Math.Max(0, length - 4));
        return [.. header, .. body];
    }

    private async Task<byte[]> ReadExactlyAsync(Socket socket, int count)
    {
        var buffer = new byte[count];
        var offset = 0;
        while (offset < count)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(offset), SocketFlags.None, _stop.Token);
            if (read == 0)
            {
                throw new IOException("The client closed before its request.");
            }

            offset += read;
        }

        return buffer;
    }

    private static bool Take(ref int budget) => Interlocked.Decrement(ref budget) >= 0;

    /// <summary>Closes with an RST instead of a FIN: the client reads "Connection reset by peer".</summary>
    private static void Reset(Socket socket)
    {
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }
}
