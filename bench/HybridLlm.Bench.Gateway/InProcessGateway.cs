using System.Globalization;
using System.Reflection;
using HybridLlm.Gateway.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HybridLlm.Bench.Gateway;

/// <summary>Where the gateway finds Redis and its backends, plus any what-if configuration.</summary>
internal sealed record GatewaySetup(string RedisConnectionString, Uri Backend, Uri Classifier, IReadOnlyList<KeyValuePair<string, string>> Overrides);

/// <summary>
/// The real gateway in this process: its own <c>Program.cs</c> (entry point invoked on a thread of its own), its own
/// <c>appsettings.json</c>, with only addresses and ports given on its command line. The host is captured the way
/// <c>WebApplicationFactory</c> does it (the "HostBuilt" hosting diagnostic event), so it can be stopped cleanly.
/// </summary>
internal sealed class InProcessGateway : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly Task _exited;

    private InProcessGateway(IHost host, Task exited, Uri grpcAddress)
    {
        _host = host;
        _exited = exited;
        GrpcAddress = grpcAddress;
    }

    /// <summary>The gRPC (HTTP/2 cleartext) endpoint.</summary>
    public Uri GrpcAddress { get; }

    public static async Task<InProcessGateway> StartAsync(GatewaySetup setup, CancellationToken cancellationToken)
    {
        var entryPoint = typeof(RoutingPolicy).Assembly.EntryPoint
            ?? throw new InvalidOperationException("HybridLlm.Gateway has no entry point.");
        var grpcPort = Loopback.FreePort();
        var httpPort = Loopback.FreePort();
        var args = new List<string>
        {
            "--applicationName=HybridLlm.Gateway",
            "--environment=Production",
            $"--contentRoot={GatewayContentRoot()}",
            $"--Kestrel:Endpoints:grpc:Url=http://127.0.0.1:{grpcPort.ToString(CultureInfo.InvariantCulture)}",
            $"--Kestrel:Endpoints:http:Url=http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}",
            $"--ConnectionStrings:redis={setup.RedisConnectionString}",
            $"--Backends:Local={setup.Backend}",
            $"--Backends:Proprietary={setup.Backend}",
            $"--Backends:Classifier={setup.Classifier}",
        };
        args.AddRange(setup.Overrides.Select(pair => $"--{pair.Key}={pair.Value}"));

        var built = new TaskCompletionSource<IHost>(TaskCreationOptions.RunContinuationsAsynchronously);
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var capture = HostBuiltCapture.Start(built);
        var thread = new Thread(() =>
        {
            try
            {
                entryPoint.Invoke(null, [args.ToArray()]);
                exited.TrySetResult();
            }
            catch (TargetInvocationException ex)
            {
                exited.TrySetException(ex.InnerException ?? ex);
            }
        })
        {
            IsBackground = true,
            Name = "gateway-main",
        };
        thread.Start();

        if (await Task.WhenAny(built.Task, exited.Task).WaitAsync(TimeSpan.FromMinutes(1), cancellationToken) != built.Task)
        {
            await exited.Task; // rethrows why it failed
            throw new InvalidOperationException("The gateway exited before its host was built.");
        }

        var host = await built.Task;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() => started.TrySetResult());
        var first = await Task.WhenAny(started.Task, exited.Task).WaitAsync(TimeSpan.FromMinutes(1), cancellationToken);
        await first; // rethrows a failed start
        if (first != started.Task)
        {
            throw new InvalidOperationException("The gateway stopped while starting.");
        }

        return new InProcessGateway(host, exited.Task, new Uri($"http://127.0.0.1:{grpcPort.ToString(CultureInfo.InvariantCulture)}"));
    }

    /// <summary>Stops the gateway the way SIGTERM would and waits for its <c>Main</c> to return.</summary>
    public async ValueTask DisposeAsync()
    {
        _host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        await _exited.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>services/Gateway of this repository, so the gateway reads the appsettings.json it ships with.</summary>
    private static string GatewayContentRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "services", "Gateway");
            if (File.Exists(Path.Combine(candidate, "appsettings.json")) && File.Exists(Path.Combine(dir.FullName, "HybridLlm.sln")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"services/Gateway/appsettings.json not found above {AppContext.BaseDirectory}.");
    }
}
