using System.Diagnostics;
using System.Globalization;
using HybridLlm.Classifier.Analysis;
using HybridLlm.Classifier.Embeddings;
using HybridLlm.Classifier.Features;
using HybridLlm.Classifier.Model;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace HybridLlm.Bench.Classifier;

/// <summary>
/// Single-prompt classification latency (one request at a time, as the gateway calls it) by prompt size, for the
/// whole classifier and for the embedding alone, after a warm-up. Reports p50/p90/p99 and max in milliseconds.
/// </summary>
internal static class LatencyBenchmark
{
    private static readonly int[] SizesTokens = [16, 64, 128, 256, 512];

    public static async Task<int> RunAsync(string[] args)
    {
        var iterations = int.Parse(Option(args, "--iterations") ?? "300", CultureInfo.InvariantCulture);
        var loadClock = Stopwatch.StartNew();
        var services = new ServiceCollection().AddPromptClassifier();
        if (Option(args, "--weights") is { } weights)
        {
            services.Configure<RouterModelOptions>(o => o.WeightsPath = Path.GetFullPath(weights));
        }

        await using var provider = services.BuildServiceProvider();
        var classifier = provider.GetRequiredService<PromptClassifier>();
        var embeddings = provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        await classifier.ClassifyAsync([new ClassifierMessage("user", "warm up")]);
        loadClock.Stop();

        var counter = provider.GetRequiredService<TokenCounter>();
        var pool = BenchPrompts.Load();
        Console.WriteLine(Invariant($"Classifier load + first call: {loadClock.Elapsed.TotalMilliseconds:0} ms; embedding window {provider.GetRequiredService<MiniLmEmbeddingGenerator>().MaxTokens} word pieces; {Environment.ProcessorCount} visible cores; {iterations} calls per size"));
        Console.WriteLine("| prompt size (o200k tokens) | classify p50 | p90 | p99 | max | embedding only p50 | p99 | tokens+PII+features p50 | p99 |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        var pii = provider.GetRequiredService<PiiDetector>();
        var cues = provider.GetRequiredService<TaskCueDetector>();
        var raw = new float[InterpretableFeatures.Count];
        var all = new List<double>();
        foreach (var size in SizesTokens)
        {
            var prompts = BenchPrompts.OfSize(pool, counter, size, iterations);
            for (var i = 0; i < 20; i++)
            {
                await classifier.ClassifyAsync([new ClassifierMessage("user", prompts[i])]);
            }

            var classify = await TimeAsync(prompts, p => classifier.ClassifyAsync([new ClassifierMessage("user", p)]));
            var embed = await TimeAsync(prompts, p => embeddings.GenerateAsync([p]));
            var surface = await TimeAsync(prompts, p =>
            {
                var findings = pii.Detect(p);
                InterpretableFeatures.Compute(p, counter.CountTokens(p), cues.Detect(p).Kind, raw);
                return Task.FromResult(findings);
            });
            all.AddRange(classify);
            Console.WriteLine(Invariant($"| {size} | {P(classify, 50):0.00} ms | {P(classify, 90):0.00} | {P(classify, 99):0.00} | {classify.Max():0.00} | {P(embed, 50):0.00} ms | {P(embed, 99):0.00} | {P(surface, 50):0.00} ms | {P(surface, 99):0.00} |"));
        }

        Console.WriteLine(Invariant($"| all sizes | {P(all, 50):0.00} ms | {P(all, 90):0.00} | {P(all, 99):0.00} | {all.Max():0.00} | | | | |"));
        return 0;
    }

    private static async Task<List<double>> TimeAsync<T>(IReadOnlyList<string> prompts, Func<string, Task<T>> call)
    {
        var times = new List<double>(prompts.Count);
        foreach (var prompt in prompts)
        {
            var start = Stopwatch.GetTimestamp();
            await call(prompt);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return times;
    }

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static double P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
