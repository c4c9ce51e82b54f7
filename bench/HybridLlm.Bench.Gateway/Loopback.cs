using System.Net;
using System.Net.Sockets;

namespace HybridLlm.Bench.Gateway;

internal static class Loopback
{
    /// <summary>A port that was free a moment ago (the gateway's Kestrel endpoints come from configuration, so
    /// they cannot be port 0 and read back by name).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
