using System.Text.Json;

namespace HybridLlm.Classifier.Tests;

/// <summary>Files of the repository the tests read: the router's labelled prompts and the shipped weights.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string ShippedWeights => Path.Combine(AppContext.BaseDirectory, "Model/router-weights.json");

    /// <summary>The distilled word-piece table the shipped weights read, as copied beside the service.</summary>
    public static string ShippedStaticTable => Path.Combine(AppContext.BaseDirectory, "Model/static-embeddings.bin");

    /// <summary>The validation split of data/router/prompts.jsonl: prompts the router never trained on.</summary>
    public static IReadOnlyList<(string Prompt, string Task, bool NeedsStrong)> ValidationPrompts() =>
        File.ReadLines(Path.Combine(Root, "data/router/prompts.jsonl"))
            .Where(line => line.Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(e => e.GetProperty("split").GetString() == "validation")
            .Select(e => (e.GetProperty("prompt").GetString()!, e.GetProperty("task").GetString()!, e.GetProperty("needs_strong").GetInt32() == 1))
            .ToArray();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "HybridLlm.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("Repository root (HybridLlm.sln) not found.");
    }
}
