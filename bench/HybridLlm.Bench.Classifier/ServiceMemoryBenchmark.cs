using System.Diagnostics;
using System.Globalization;

namespace HybridLlm.Bench.Classifier;

/// <summary>
/// The classifier service's memory at rest: starts the built service (Release) on loopback ports the OS picks, waits
/// for its warm-up log line (weights, embedding model and tokenizer loaded, one prompt classified), lets it idle, then
/// reads resident and peak memory from /proc and stops the process it started.
/// </summary>
internal static class ServiceMemoryBenchmark
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(string[] args)
    {
        var dll = args.Length == 2 && args[0] == "--service" ? args[1] : FindService();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            Environment =
            {
                ["Kestrel__Endpoints__http__Url"] = "http://127.0.0.1:0",
                ["Kestrel__Endpoints__grpc__Url"] = "http://127.0.0.1:0",
                ["DOTNET_ENVIRONMENT"] = "Production",
            },
        };

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the service.");
        var clock = Stopwatch.StartNew();
        try
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.Contains("Classifier ready", StringComparison.Ordinal))
                {
                    var ready = clock.Elapsed;
                    Console.WriteLine(line.Trim());
                    _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                    await Task.Delay(Idle);
                    var status = await File.ReadAllLinesAsync($"/proc/{process.Id}/status");
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"Service ready after {ready.TotalSeconds:0.0} s; after {Idle.TotalSeconds:0} s idle: {Field(status, "VmRSS")} resident ({Field(status, "RssAnon")} anonymous, {Field(status, "RssFile")} file-backed), {Field(status, "VmHWM")} peak resident, {Field(status, "Threads")} threads"));
                    return 0;
                }
            }

            Console.Error.WriteLine("The service exited before it was ready: " + await process.StandardError.ReadToEndAsync());
            return 1;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    private static string Field(string[] status, string name) =>
        status.FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.Ordinal))?[(name.Length + 1)..].Trim() ?? "?";

    private static string FindService()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "HybridLlm.sln")))
        {
            directory = directory.Parent;
        }

        return directory is null
            ? throw new FileNotFoundException("Run from the repository or pass --service path/to/HybridLlm.Classifier.dll.")
            : Path.Combine(directory.FullName, "services/Classifier/bin/Release/net10.0/HybridLlm.Classifier.dll");
    }
}
