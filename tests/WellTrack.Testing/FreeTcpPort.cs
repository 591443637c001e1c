using System.Net;
using System.Net.Sockets;

namespace WellTrack.Testing;

/// <summary>A TCP port on 127.0.0.1 that was free a moment ago; servers started on it retry on the rare collision.</summary>
public static class FreeTcpPort
{
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
