using System.Security.Cryptography;
using System.Text.Json;
using HybridLlm.Classifier.Analysis;

namespace HybridLlm.Cli.Training;

/// <summary>One labelled prompt of the router's training data.</summary>
/// <param name="Group">
/// Prompts that share a template (near-duplicates by construction); cross-validation keeps a group in one fold.
/// Defaults to the id when the line has no <c>group</c>.
/// </param>
internal sealed record LabelledPrompt(string Id, string Prompt, TaskKind Task, bool NeedsStrong, string Difficulty, bool IsValidation, string Group);

/// <summary>
/// Reads <c>data/router/prompts.jsonl</c>: one object per line with <c>id</c>, <c>prompt</c>, <c>task</c> (snake_case),
/// <c>needs_strong</c> (0/1), <c>difficulty</c> and <c>split</c> (<c>train</c> or <c>validation</c>). The split is
/// fixed in the file, so every run trains and validates on the same prompts. Any bad line fails the whole load.
/// </summary>
internal static class PromptDataset
{
    public static (IReadOnlyList<LabelledPrompt> Prompts, string Sha256) Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var prompts = new List<LabelledPrompt>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        using var reader = new StreamReader(new MemoryStream(bytes));
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var prompt = Parse(line, lineNumber, path);
            if (!ids.Add(prompt.Id))
            {
                throw new InvalidDataException($"{path}:{lineNumber}: duplicate id '{prompt.Id}'.");
            }

            prompts.Add(prompt);
        }

        return (prompts, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    private static LabelledPrompt Parse(string line, int lineNumber, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var id = root.GetProperty("id").GetString();
            var text = root.GetProperty("prompt").GetString();
            var taskName = root.GetProperty("task").GetString();
            var needsStrong = root.GetProperty("needs_strong").GetInt32();
            var difficulty = root.GetProperty("difficulty").GetString();
            var split = root.GetProperty("split").GetString();
            if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(text) || string.IsNullOrWhiteSpace(difficulty))
            {
                throw new InvalidDataException("id, prompt and difficulty must be non-empty strings");
            }

            if (!TaskKindNames.TryParse(taskName, out var task))
            {
                throw new InvalidDataException($"task '{taskName}' is not one of {string.Join(", ", TaskKindNames.All.Select(TaskKindNames.ToSnakeCase))}");
            }

            if (needsStrong is not (0 or 1) || split is not ("train" or "validation"))
            {
                throw new InvalidDataException("needs_strong must be 0 or 1 and split 'train' or 'validation'");
            }

            var group = root.TryGetProperty("group", out var g) && g.ValueKind == JsonValueKind.String ? g.GetString()! : id;
            return new LabelledPrompt(id, text, task, needsStrong == 1, difficulty, split == "validation", group);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or InvalidDataException)
        {
            throw new InvalidDataException($"{path}:{lineNumber}: {ex.Message}", ex);
        }
    }
}
