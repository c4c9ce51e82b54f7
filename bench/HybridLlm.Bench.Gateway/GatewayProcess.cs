using System.Diagnostics;
using System.Globalization;

namespace HybridLlm.Bench.Gateway;

/// <summary>
/// The gateway in a child process of its own (<c>--Mode serve-gateway</c>), optionally pinned to one core with
/// <c>taskset</c>, so the load generator, the fakes and Redis (left on the parent's cores) do not compete with it for CPU,
/// as on a deployment where callers and backends run elsewhere.
/// </summary>
internal sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task _reader;

    private GatewayProcess(Process process, Task reader, Uri address)
    {
        _process = process;
        _reader = reader;
        GrpcAddress = address;
    }

    public Uri GrpcAddress { get; }

    /// <summary>CPU time the child has used so far (user + system, all its threads).</summary>
    public TimeSpan TotalProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<GatewayProcess> StartAsync(
        BenchSettings settings, RedisServer redis, FakeBackends fakes, int? core, Action<string> onLine, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        var processPath = Environment.ProcessPath ?? throw new InvalidOperationException("Unknown process path.");
        var command = new List<string>();
        if (core is { } pinned)
        {
            command.AddRange(["taskset", "-c", pinned.ToString(CultureInfo.InvariantCulture)]);
        }

        command.Add(processPath);
        if (Path.GetFileNameWithoutExtension(processPath) == "dotnet")
        {
            command.Add(typeof(GatewayProcess).Assembly.Location);
        }

        command.AddRange(
        [
            "--Mode", "serve-gateway",
            "--Redis", redis.ConnectionString,
            "--BackendAddress", fakes.Address.ToString(),
            "--ClassifierAddress", fakes.Address.ToString(),
            "--SoakSampleInterval", settings.SoakSampleInterval.ToString("c", CultureInfo.InvariantCulture),
        ]);
        if (settings.KeepGatewayLogs)
        {
            command.AddRange(["--KeepGatewayLogs", "true"]);
        }

        if (settings.GatewayOverrides.Length > 0)
        {
            command.AddRange(["--GatewayOverrides", settings.GatewayOverrides]);
        }

        foreach (var (name, value) in settings.GatewayEnvironmentPairs)
        {
            start.Environment[name] = value;
        }

        start.FileName = command[0];
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The gateway process did not start.");
        var ready = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reader = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync(CancellationToken.None) is { } line)
            {
                if (line.StartsWith("READY ", StringComparison.Ordinal))
                {
                    ready.TrySetResult(new Uri(line["READY ".Length..]));
                }
                else
                {
                    onLine(line);
                }
            }

            ready.TrySetException(new InvalidOperationException("The gateway process exited before it was ready."));
        }, CancellationToken.None);

        try
        {
            var address = await ready.Task.WaitAsync(TimeSpan.FromMinutes(1), cancellationToken);
            return new GatewayProcess(process, reader, address);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Stops the child (<c>STOP</c> on its stdin) and waits until it has exited and its output has been read.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _process.StandardInput.WriteLineAsync("STOP");
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            await _reader;
        }
        finally
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }
    }
}
