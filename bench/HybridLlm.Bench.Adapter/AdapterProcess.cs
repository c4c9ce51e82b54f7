using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using HybridLlm.Grpc.V1;

namespace HybridLlm.Bench.Adapter;

/// <summary>
/// The adapter service as it is deployed: its own process (Program.cs with ServiceDefaults, server GC, Kestrel HTTP/2),
/// configured through environment variables, called over gRPC. Its CPU time and resident memory are read from outside.
/// </summary>
internal sealed class AdapterProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly GrpcChannel _channel;

    private AdapterProcess(Process process, GrpcChannel channel)
    {
        _process = process;
        _channel = channel;
        Grpc = new ChatService.ChatServiceClient(channel);
    }

    public ChatService.ChatServiceClient Grpc { get; }

    /// <summary>Resident set size of the service process, in bytes.</summary>
    public long WorkingSet
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <summary>CPU time the service process has used so far (user + system).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<AdapterProcess> StartAsync(IDictionary<string, string?> settings)
    {
        var (httpPort, grpcPort) = (FreePort(), FreePort());
        var directory = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(directory, "HybridLlm.ProprietaryAdapter.dll")])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Kestrel__Endpoints__http__Url"] = $"http://127.0.0.1:{httpPort}";
        start.Environment["Kestrel__Endpoints__grpc__Url"] = $"http://127.0.0.1:{grpcPort}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The adapter process did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"[adapter] {e.Data}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilHealthyAsync(httpPort, process);

        var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}", new GrpcChannelOptions
        {
            // 200 concurrent calls exceed one HTTP/2 connection's 100 streams.
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
        });
        return new AdapterProcess(process, channel);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static async Task WaitUntilHealthyAsync(int httpPort, Process process)
    {
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The adapter process exited with {process.ExitCode.ToString(CultureInfo.InvariantCulture)}.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{httpPort}/health"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The adapter process did not report healthy within 30 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
