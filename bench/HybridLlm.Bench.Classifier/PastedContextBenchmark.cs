using System.Globalization;
using HybridLlm.Classifier.Analysis;
using HybridLlm.Classifier.Model;
using Microsoft.Extensions.DependencyInjection;

namespace HybridLlm.Bench.Classifier;

/// <summary>
/// Robustness to pasted material: short, unambiguous instructions followed by "Context:" and a run of subject words
/// that pull elsewhere ("bug report", "equation", "invoice"), as real requests paste documents after an instruction.
/// The task is known from the instruction's template, so accuracy needs no labelling. Generated from a fixed seed;
/// no prompt of it is in the training data. Scores the shipped router and, in the same run, the MiniLM router it
/// replaced (weights kept in Baseline/).
/// </summary>
internal static class PastedContextBenchmark
{
    private static readonly string[] Subjects =
        ["story", "recipe", "email", "contract", "bug report", "poem", "meeting", "invoice", "sales figures", "equation"];

    private static readonly (string Template, TaskKind Task)[] Templates =
    [
        ("Summarise the {0} below in two sentences.", TaskKind.Summarisation),
        ("List three ideas for a {0}.", TaskKind.Brainstorming),
        ("Write a short {0} about autumn.", TaskKind.CreativeWriting),
        ("Rewrite the {0} in a formal tone.", TaskKind.Rewrite),
        ("Explain how a {0} differs from a memo.", TaskKind.OpenQa),
        ("Classify the sentiment of this {0}.", TaskKind.Classification),
        ("Extract all dates from the {0}.", TaskKind.Extraction),
        ("Solve step by step: what is 17 * 23 + {1}?", TaskKind.Math),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var count = int.Parse(Option(args, "--count") ?? "3000", CultureInfo.InvariantCulture);
        var prompts = Generate(count, seed: 2026);
        if (Option(args, "--write") is { } output)
        {
            // The same prompts as JSONL for `hybridllm classify` (batch timing).
            await File.WriteAllLinesAsync(output, prompts.Select((p, i) => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = i.ToString(CultureInfo.InvariantCulture), ["prompt"] = p.Prompt })));
        }

        Console.WriteLine(Invariant($"{count} prompts, {Templates.Length} instruction templates, 0–59 pasted subjects each (seed 2026)"));
        Console.WriteLine("| router | accuracy | " + string.Join(" | ", Templates.Select(t => TaskKindNames.ToSnakeCase(t.Task))) + " |");
        Console.WriteLine("|---|---|" + string.Concat(Enumerable.Repeat("---|", Templates.Length)));
        if (Option(args, "--weights") is { } weights)
        {
            await ScoreAsync(Path.GetFileName(weights), Path.GetFullPath(weights), prompts);
        }
        else
        {
            await ScoreAsync("shipped (static, edges)", null, prompts);
        }

        await ScoreAsync("baseline (MiniLM-L6, 32 pieces)", Path.Combine(AppContext.BaseDirectory, "Baseline/router-weights-minilm32.json"), prompts);
        return 0;
    }

    private static async Task ScoreAsync(string name, string? weightsPath, IReadOnlyList<(string Prompt, TaskKind Task)> prompts)
    {
        var services = new ServiceCollection().AddPromptClassifier();
        if (weightsPath is not null)
        {
            services.Configure<RouterModelOptions>(o => o.WeightsPath = weightsPath);
        }

        await using var provider = services.BuildServiceProvider();
        var classifier = provider.GetRequiredService<PromptClassifier>();
        var results = new List<PromptAnalysis>(prompts.Count);
        foreach (var chunk in prompts.Chunk(64))
        {
            results.AddRange(await classifier.ClassifyBatchAsync(chunk.Select(p => (IReadOnlyList<ClassifierMessage>)[new ClassifierMessage("user", p.Prompt)]).ToArray()));
        }

        double Accuracy(Func<int, bool> include)
        {
            var rows = Enumerable.Range(0, prompts.Count).Where(include).ToArray();
            return rows.Average(i => results[i].Task == prompts[i].Task ? 1.0 : 0.0);
        }

        var perTask = Templates.Select(t => Accuracy(i => prompts[i].Task == t.Task).ToString("0.00", CultureInfo.InvariantCulture));
        Console.WriteLine(Invariant($"| {name} | {Accuracy(_ => true):0.000} | {string.Join(" | ", perTask)} |"));
    }

    private static List<(string Prompt, TaskKind Task)> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var prompts = new List<(string, TaskKind)>(count);
        for (var i = 0; i < count; i++)
        {
            var (template, task) = Templates[random.Next(Templates.Length)];
            var instruction = string.Format(CultureInfo.InvariantCulture, template, Subjects[random.Next(Subjects.Length)], random.Next(100, 1000));
            var words = Enumerable.Range(0, random.Next(0, 60)).Select(_ => Subjects[random.Next(Subjects.Length)]);
            prompts.Add(($"{instruction} Context: {string.Join(' ', words)}", task));
        }

        return prompts;
    }

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
