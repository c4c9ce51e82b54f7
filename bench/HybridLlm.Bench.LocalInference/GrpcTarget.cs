using System.Diagnostics;
using Grpc.Core;
using HybridLlm.Contracts.Errors;
using HybridLlm.Grpc.V1;

namespace HybridLlm.Bench.LocalInference;

/// <summary>A request as a real caller makes it: a gRPC <c>CompleteStream</c> call over loopback TCP.</summary>
internal sealed class GrpcTarget(ChatService.ChatServiceClient client, BenchSettings settings) : IStreamTarget
{
    public async Task<StreamOutcome> StreamAsync(int index)
    {
        var request = new ChatRequest
        {
            Messages = { new ChatMessage { Role = ChatRole.User, Text = Prompts.Text(index) } },
            Options = new ChatOptions { MaxOutputTokens = settings.Tokens, Temperature = Prompts.Temperature },
        };
        if (settings.Seeded)
        {
            request.Options.Seed = Prompts.Seed(index);
        }

        var started = Stopwatch.GetTimestamp();
        var firstTokenMs = double.NaN;
        try
        {
            using var call = client.CompleteStream(request);
            long tokens = 0;
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                var chunk = call.ResponseStream.Current;
                if (double.IsNaN(firstTokenMs) && chunk.TextDelta.Length > 0)
                {
                    firstTokenMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }

                tokens = chunk.Final?.Usage.OutputTokens ?? tokens;
            }

            return new StreamOutcome(false, tokens, firstTokenMs, null);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.ResourceExhausted)
        {
            return new StreamOutcome(true, 0, double.NaN, ChatErrorMapper.GetRetryAfter(ex)?.TotalMilliseconds);
        }
    }
}
