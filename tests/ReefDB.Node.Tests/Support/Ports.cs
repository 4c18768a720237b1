using System.Net;
using System.Net.Sockets;

namespace ReefDB.Node.Tests.Support;

/// <summary>Free loopback ports, chosen at run time (the OS picks; a tiny window remains before the node binds).</summary>
internal static class Ports
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
