using Microsoft.Extensions.AI;
using Xunit.Abstractions;

namespace HybridLlm.LocalInference.Tests;

public sealed class Diag4Tests(StoriesModel stories, ITestOutputHelper output) : IClassFixture<StoriesModel>
{
    [Fact]
    public async Task Diag4()
    {
        foreach (var par in new[] { 1, 2, 4, 8 })
        {
            using var client = stories.CreateClient(maxConcurrentSequences: par);
            await client.GetResponseAsync(Prompts.User("warm up"), Prompts.Seeded(1, 16));
            var best = 0.0;
            for (var rep = 0; rep < 3; rep++)
            {
                var sw = System.Diagnostics.Stopwatch.StartNew();
                var rs = await Task.WhenAll(Enumerable.Range(0, par).Select(i =>
                    client.GetResponseAsync(Prompts.User(Prompts.StoryStarts[i]), Prompts.Seeded(i, 256))));
                var tokens = rs.Sum(r => r.Usage!.OutputTokenCount!.Value);
                best = Math.Max(best, tokens / sw.Elapsed.TotalSeconds);
            }
            output.WriteLine($"par {par}: {best:F0} tok/s aggregate");
        }
    }
}
