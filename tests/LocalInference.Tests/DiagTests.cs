using Microsoft.Extensions.AI;
using Xunit.Abstractions;

namespace HybridLlm.LocalInference.Tests;

public sealed class DiagTests(StoriesModel stories, ITestOutputHelper output) : IClassFixture<StoriesModel>
{
    private static readonly int Seed0 = int.Parse(Environment.GetEnvironmentVariable("X_SEED") ?? "100");
    private static readonly int Max = int.Parse(Environment.GetEnvironmentVariable("X_MAX") ?? "48");
    private static readonly int Par = int.Parse(Environment.GetEnvironmentVariable("X_PAR") ?? "4");

    [Fact]
    public async Task Diag()
    {
        using var client = stories.CreateClient(maxConcurrentSequences: Par);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var solo = new List<string>();
        for (var i = 0; i < Prompts.StoryStarts.Length; i++)
        {
            var answer = await client.GetResponseAsync(Prompts.User(Prompts.StoryStarts[i]), Prompts.Seeded(Seed0 + i, Max));
            solo.Add(answer.Text);
        }

        output.WriteLine($"solo {sw.ElapsedMilliseconds} ms");
        sw.Restart();
        var concurrent = await Task.WhenAll(Prompts.StoryStarts.Select((prompt, i) =>
            Task.Run(() => client.GetResponseAsync(Prompts.User(prompt), Prompts.Seeded(Seed0 + i, Max)))));
        output.WriteLine($"concurrent {sw.ElapsedMilliseconds} ms tokens {concurrent.Sum(c => c.Usage!.OutputTokenCount)}");
        for (var i = 0; i < solo.Count; i++)
        {
            var c = concurrent[i].Text;
            var same = solo[i] == c;
            var at = Enumerable.Range(0, Math.Min(c.Length, solo[i].Length)).FirstOrDefault(k => c[k] != solo[i][k], -1);
            output.WriteLine($"{i} same={same} diffAt={at} len={solo[i].Length}/{c.Length}");
        }
    }
}
