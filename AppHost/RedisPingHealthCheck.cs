using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HybridLlm.AppHost;

/// <summary>Healthy once the Redis endpoint answers PING with PONG (RESP over a plain TCP connection).</summary>
internal sealed class RedisPingHealthCheck(IResourceWithConnectionString redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var connectionString = await redis.ConnectionStringExpression.GetValueAsync(cancellationToken);
        if (connectionString?.Split(':') is not [var host, var portText] || !int.TryParse(portText, out var port))
        {
            return HealthCheckResult.Unhealthy("Redis endpoint not allocated yet.");
        }

        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, cancellationToken);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("Redis did not answer PONG.");
        }
        catch (SocketException ex)
        {
            return HealthCheckResult.Unhealthy($"Redis not reachable: {ex.SocketErrorCode}");
        }
    }
}
