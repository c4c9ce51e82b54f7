using System.Diagnostics;
using Microsoft.Extensions.AI;

namespace HybridLlm.Bench.LocalInference;

/// <summary>
/// The service's own <see cref="IChatClient"/> pipeline (admission, metrics, gen_ai span, engine) called in-process:
/// the service minus gRPC, to tell the engine's cost from the transport's.
/// </summary>
internal sealed class ChatClientTarget(IChatClient client, BenchSettings settings) : IStreamTarget
{
    public async Task<StreamOutcome> StreamAsync(int index)
    {
        var options = new ChatOptions
        {
            MaxOutputTokens = settings.Tokens,
            Seed = settings.Seeded ? Prompts.Seed(index) : null,
            Temperature = Prompts.Temperature,
        };
        var started = Stopwatch.GetTimestamp();
        var firstTokenMs = double.NaN;
        long tokens = 0;
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, Prompts.Text(index))], options))
        {
            if (double.IsNaN(firstTokenMs) && update.Text.Length > 0)
            {
                firstTokenMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }

            tokens = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details.OutputTokenCount ?? tokens;
        }

        return new StreamOutcome(false, tokens, firstTokenMs, null);
    }
}
