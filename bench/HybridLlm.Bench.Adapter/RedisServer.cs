using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace HybridLlm.Bench.Adapter;

/// <summary>A throwaway <c>redis-server</c> on a free loopback port (the adapter needs Redis for its queue and limiter).</summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        ConnectionString = $"127.0.0.1:{port},abortConnect=false";
    }

    public string ConnectionString { get; }

    public static async Task<RedisServer> StartAsync()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var process = Process.Start(new ProcessStartInfo("redis-server",
            ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start (apt-get install redis-server).");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        var server = new RedisServer(process, port);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port}");
                await probe.GetDatabase().PingAsync();
                return server;
            }
            catch (RedisConnectionException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
