using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ReefDB.Node.Hosting;

/// <summary>Binds a configured <c>host:port</c> on Kestrel: an IP as is, <c>localhost</c> on both loopbacks,
/// <c>0.0.0.0</c> or <c>*</c> on every interface, another name by its first resolved address.</summary>
internal static class ListenAddress
{
    public static int Port(string address) =>
        int.Parse(address[(address.LastIndexOf(':') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture);

    public static string Host(string address) => address[..address.LastIndexOf(':')].Trim('[', ']');

    public static void Bind(KestrelServerOptions kestrel, string address, HttpProtocols protocols)
    {
        var host = Host(address);
        var port = Port(address);
        void Configure(ListenOptions listen) => listen.Protocols = protocols;

        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(port, Configure);
        }
        else if (host is "*" or "0.0.0.0" or "::")
        {
            kestrel.ListenAnyIP(port, Configure);
        }
        else if (IPAddress.TryParse(host, out var ip))
        {
            kestrel.Listen(ip, port, Configure);
        }
        else
        {
            kestrel.Listen(Dns.GetHostAddresses(host)[0], port, Configure);
        }
    }
}
