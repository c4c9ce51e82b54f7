using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;

namespace HybridLlm.Bench.Gateway;

/// <summary>A real <c>redis-server</c> (apt package) on a free loopback port, no persistence; stopped on dispose.</summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>For INFO (Redis memory at the end of the soak); only the benchmark itself connects with it.</summary>
    private string AdminConnectionString => ConnectionString + ",allowAdmin=true";

    public static async Task<RedisServer> StartAsync(CancellationToken cancellationToken)
    {
        var port = Loopback.FreePort();
        var process = Process.Start(new ProcessStartInfo("redis-server",
            ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start; install it (apt-get install redis-server).");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        var server = new RedisServer(process, port);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var connection = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
                await connection.GetDatabase().PingAsync();
                return server;
            }
            catch (RedisConnectionException) when (attempt < 50)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    /// <summary>Redis's own resident memory, so a growing cache is not mistaken for a growing gateway.</summary>
    public async Task<long> UsedMemoryBytesAsync()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(AdminConnectionString);
        var info = await connection.GetServer(ConnectionString).InfoAsync("memory");
        var used = info.SelectMany(group => group).First(pair => pair.Key == "used_memory").Value;
        return long.Parse(used, CultureInfo.InvariantCulture);
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
