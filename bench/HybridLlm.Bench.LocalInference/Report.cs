using System.Globalization;
using System.Security.Cryptography;
using HybridLlm.LocalInference.Serving;

namespace HybridLlm.Bench.LocalInference;

/// <summary>Prints the results as Markdown, ready for bench/RESULTS.md.</summary>
internal sealed class Report(BenchSettings settings)
{
    private double _rawSingle;
    private double _serviceSingle;

    public void Header()
    {
        using var file = File.OpenRead(settings.Model);
        var digest = Convert.ToHexStringLower(SHA256.HashData(file));
        Line($"Model: `{Path.GetFileName(settings.Model)}` ({file.Length:N0} bytes, sha256 `{digest[..16]}…`), " +
             $"{settings.Tokens} output tokens asked per request, {(settings.Seeded ? "seeded (reproducible)" : "unseeded")} requests at temperature {Prompts.Temperature}, {Environment.ProcessorCount} logical cores, " +
             $"llama.cpp threads: {(settings.Threads?.ToString(CultureInfo.InvariantCulture) ?? "its default")}. " +
             $"Throughput phase: service with {settings.Sequences} sequences, each level = callers x {settings.RequestsPerCaller} " +
             $"requests back to back, best of {settings.Repeats} runs (TTFT percentiles over all runs). " +
             $"Load average at start: {LoadAverage()}.");
        Line("");
        Line("| concurrent | raw LLamaSharp tok/s | service pipeline, no gRPC, tok/s | service via gRPC tok/s | gRPC / raw | gRPC vs its 1-stream | raw TTFT p50 / p99 ms | gRPC TTFT p50 / p99 ms |");
        Line("|---:|---:|---:|---:|---:|---:|---:|---:|");
    }

    public void Level(int level, LevelRuns runs)
    {
        var rawBest = runs.Raw.Max(r => r.TokensPerSecond);
        var pipelineBest = runs.Pipeline.Max(r => r.TokensPerSecond);
        var grpcBest = runs.Grpc.Max(r => r.TokensPerSecond);
        if (level == 1)
        {
            (_rawSingle, _serviceSingle) = (rawBest, grpcBest);
        }

        var rawTtft = runs.Raw.SelectMany(r => r.FirstTokenMs).ToList();
        var grpcTtft = runs.Grpc.SelectMany(r => r.FirstTokenMs).ToList();
        Line($"| {level} | {rawBest:N0} | {pipelineBest:N0} | {grpcBest:N0} | {grpcBest / rawBest:P0} | " +
             $"{(_serviceSingle > 0 ? $"{grpcBest / _serviceSingle:0.00}x" : "-")} | " +
             $"{LatencyStats.Percentile(rawTtft, 50):0.0} / {LatencyStats.Percentile(rawTtft, 99):0.0} | " +
             $"{LatencyStats.Percentile(grpcTtft, 50):0.0} / {LatencyStats.Percentile(grpcTtft, 99):0.0} |");
    }

    public void Wave(int wave, (LevelResult Result, IReadOnlyList<double> RetryAfterMs) outcome)
    {
        if (wave == 1)
        {
            var llama = new HybridLlm.LocalInference.Llama.LlamaOptions();
            var serving = new ServingOptions();
            Line("");
            Line($"Past capacity, service at its defaults ({llama.MaxConcurrentSequences} sequences, queue {serving.MaxQueuedRequests}, " +
                 $"max wait {serving.MaxQueueWait.TotalSeconds:0} s): {settings.OverloadCallers} streaming callers arrive at once, per wave.");
            Line("");
            Line("| wave | served | shed (ResourceExhausted) | served TTFT p50 / p99 / max ms | retry-after hints ms | wave tok/s |");
            Line("|---:|---:|---:|---:|---:|---:|");
        }

        var (result, hints) = outcome;
        var hintText = hints.Count == 0 ? "-" : $"{hints.Min():0}–{hints.Max():0}";
        Line($"| {wave} | {result.Served} | {result.Shed} | {result.FirstTokenP50:0.0} / {result.FirstTokenP99:0.0} / {result.FirstTokenMax:0.0} | " +
             $"{hintText} | {result.TokensPerSecond:N0} |");
    }

    public void Footer()
    {
        Line("");
        Line($"Single stream: service {_serviceSingle:N0} tok/s = {_serviceSingle / _rawSingle:P0} of raw LLamaSharp ({_rawSingle:N0} tok/s). " +
             $"Load average at end: {LoadAverage()}.");
    }

    // Other work on a shared machine moves these numbers; say how busy it was.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static void Line(string text) => Console.WriteLine(text);
}
