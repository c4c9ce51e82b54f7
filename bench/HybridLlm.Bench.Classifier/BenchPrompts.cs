using System.Text;
using System.Text.Json;
using HybridLlm.Classifier.Analysis;

namespace HybridLlm.Bench.Classifier;

/// <summary>
/// Prompts of chosen o200k_base sizes, built from the team's labelled prompts (data/router/prompts.jsonl): short ones
/// as written, longer ones by joining prompts until the size is reached, then trimming to it.
/// </summary>
internal static class BenchPrompts
{
    public static IReadOnlyList<string> Load()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "data/router/prompts.jsonl")))
        {
            directory = directory.Parent;
        }

        var path = directory is null ? throw new FileNotFoundException("data/router/prompts.jsonl not found above the bench's directory.")
            : Path.Combine(directory.FullName, "data/router/prompts.jsonl");
        return File.ReadLines(path).Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("prompt").GetString()!)
            .ToArray();
    }

    /// <summary><paramref name="count"/> prompts of about <paramref name="tokens"/> tokens each (never more).</summary>
    public static IReadOnlyList<string> OfSize(IReadOnlyList<string> pool, TokenCounter counter, int tokens, int count)
    {
        var result = new List<string>(count);
        var next = 0;
        while (result.Count < count)
        {
            var text = new StringBuilder();
            while (counter.CountTokens(text.ToString()) < tokens)
            {
                text.Append(pool[next++ % pool.Count]).Append("\n\n");
            }

            var words = text.ToString().Split(' ');
            var take = words.Length;
            while (take > 1 && counter.CountTokens(string.Join(' ', words[..take])) > tokens)
            {
                take = Math.Max(1, take - Math.Max(1, (take / 20)));
            }

            result.Add(string.Join(' ', words[..take]));
        }

        return result;
    }
}
