using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Grpc.Core;
using HybridLlm.Grpc.V1;
using Spectre.Console;

namespace HybridLlm.Cli.Gateway;

/// <summary>
/// <c>bench</c>: a load generator against a running gateway — a fixed number of concurrent workers, or an open-loop
/// request rate — for a duration, with a live progress bar; then latency and TTFT percentiles, route split,
/// cache-hit rate, errors by status and cost.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var gateway = new GatewayOptions();
        var request = new RequestOptions();
        var concurrency = new Option<int>("--concurrency") { Description = "Concurrent workers (closed loop).", DefaultValueFactory = _ => 4 };
        var rate = new Option<double?>("--rate") { Description = "Requests per second (open loop); overrides --concurrency." };
        var duration = new Option<TimeSpan>("--duration") { Description = "How long to run (hh:mm:ss).", DefaultValueFactory = _ => TimeSpan.FromSeconds(30) };
        var prompts = new Option<string?>("--prompts") { Description = "Prompt file: JSONL with a \"prompt\" field, or one prompt per line." };
        concurrency.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 10_000) r.AddError("--concurrency must be 1..10000."); });
        var command = new Command("bench", "Load-test the gateway and report latency, TTFT, route split, cache hits, errors and cost.")
        {
            concurrency, rate, duration, prompts,
        };
        gateway.AddTo(command);
        request.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            string[] texts;
            try
            {
                texts = LoadPrompts(parse.GetValue(prompts));
            }
            catch (IOException ex)
            {
                ConsoleOutput.Stderr.MarkupLineInterpolated($"[red]Cannot read prompts:[/] {ex.Message}");
                return ExitCodes.BadArgumentsOrIo;
            }

            using var channel = gateway.Channel(parse);
            var client = new ChatService.ChatServiceClient(channel);
            var headers = gateway.Headers(parse);
            var stats = new LoadStatistics();
            var length = parse.GetValue(duration);
            var next = -1;
            async Task OneAsync(CancellationToken token)
            {
                var text = texts[(int)((uint)Interlocked.Increment(ref next) % (uint)texts.Length)];
                await SendAsync(client, request.Build(parse, text), headers, stats, token);
            }

            await ConsoleOutput.Stderr.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("load", maxValue: length.TotalSeconds);
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
                stop.CancelAfter(length);
                var clock = Stopwatch.StartNew();
                var run = parse.GetValue(rate) is { } perSecond
                    ? OpenLoopAsync(OneAsync, perSecond, stop.Token)
                    : Task.WhenAll(Enumerable.Range(0, parse.GetValue(concurrency)).Select(_ => ClosedLoopAsync(OneAsync, stop.Token)));
                while (!run.IsCompleted)
                {
                    task.Value = Math.Min(clock.Elapsed.TotalSeconds, length.TotalSeconds);
                    task.Description = $"{stats.Completed} ok, {stats.Failed} failed";
                    await Task.WhenAny(run, Task.Delay(250, CancellationToken.None));
                }

                task.Value = length.TotalSeconds;
                await run;
            });

            Render(stats, length);
            return stats.Failed > 0 && stats.Completed == 0 ? ExitCodes.GatewayUnavailable : ExitCodes.Ok;
        });
        return command;
    }

    private static async Task SendAsync(ChatService.ChatServiceClient client, ChatRequest request, Metadata headers, LoadStatistics stats, CancellationToken token)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan? ttft = null;
        try
        {
            using var call = client.CompleteStream(request, headers, cancellationToken: token);
            await foreach (var chunk in call.ResponseStream.ReadAllAsync(token))
            {
                if (chunk.KindCase == ChatStreamChunk.KindOneofCase.TextDelta)
                {
                    ttft ??= clock.Elapsed;
                }
                else
                {
                    stats.Succeeded(chunk.Final, clock.Elapsed, ttft);
                }
            }
        }
        catch (RpcException ex) when (!token.IsCancellationRequested)
        {
            stats.Errored(ex.StatusCode.ToString());
        }
        catch (Exception ex) when (ex is OperationCanceledException or RpcException)
        {
            // The run ended while this request was in flight: not an error of the gateway.
        }
    }

    private static async Task ClosedLoopAsync(Func<CancellationToken, Task> one, CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            await one(token);
        }
    }

    private static async Task OpenLoopAsync(Func<CancellationToken, Task> one, double perSecond, CancellationToken token)
    {
        var inFlight = new List<Task>();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / Math.Max(perSecond, 0.001)));
        try
        {
            while (await timer.WaitForNextTickAsync(token))
            {
                inFlight.Add(one(token));
                inFlight.RemoveAll(t => t.IsCompleted);
            }
        }
        catch (OperationCanceledException)
        {
        }

        await Task.WhenAll(inFlight);
    }

    internal static string[] LoadPrompts(string? path)
    {
        if (path is null)
        {
            return ["Once upon a time there was a little cat.", "Summarise: the meeting moved to Tuesday at 10.", "Classify the sentiment: I love this product!"];
        }

        var prompts = File.ReadLines(path)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => line.TrimStart().StartsWith('{') && JsonDocument.Parse(line).RootElement.TryGetProperty("prompt", out var p) ? p.GetString()! : line)
            .ToArray();
        return prompts.Length > 0 ? prompts : throw new IOException($"{path} holds no prompts.");
    }

    private static void Render(LoadStatistics stats, TimeSpan length)
    {
        var (p50, p95, p99) = stats.Latency();
        var (t50, t95, t99) = stats.TimeToFirstToken();
        var table = new Table().AddColumns("metric", "value");
        table.AddRow("requests ok / failed", $"{stats.Completed} / {stats.Failed}");
        table.AddRow("throughput", (stats.Completed / length.TotalSeconds).ToString("0.0", CultureInfo.InvariantCulture) + " req/s");
        table.AddRow("latency p50 / p95 / p99", Ms(p50, p95, p99));
        table.AddRow("TTFT p50 / p95 / p99", Ms(t50, t95, t99));
        table.AddRow("routes", string.Join(", ", stats.Routes.Select(r => $"{r.Key}={r.Value}")));
        table.AddRow("cache-hit rate", stats.Completed == 0 ? "-" : (100.0 * stats.CacheHits / stats.Completed).ToString("0.0", CultureInfo.InvariantCulture) + "%");
        table.AddRow("errors", stats.Errors.Count == 0 ? "none" : string.Join(", ", stats.Errors.Select(e => $"{e.Key}={e.Value}")));
        table.AddRow("cost", "$" + stats.CostUsd.ToString("0.000000", CultureInfo.InvariantCulture));
        AnsiConsole.Console.Write(table);
    }

    private static string Ms(double a, double b, double c) =>
        string.Create(CultureInfo.InvariantCulture, $"{a:0.0} / {b:0.0} / {c:0.0} ms");
}
