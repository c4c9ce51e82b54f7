using Grpc.Core;
using HybridLlm.Grpc.V1;
using StackExchange.Redis;

namespace HybridLlm.EndToEnd.Tests;

[Collection(AppCollection.Name)]
public sealed class EndToEndTests(HybridLlmAppFixture app)
{
    private static ChatRequest Ask(string text, Action<ChatRequest>? configure = null)
    {
        var request = new ChatRequest
        {
            Messages = { new ChatMessage { Role = ChatRole.User, Text = text } },
            Options = new ChatOptions { MaxOutputTokens = 24, Seed = 42, Temperature = 0 },
            Hints = new RoutingHints { TenantId = "e2e" },
        };
        configure?.Invoke(request);
        return request;
    }

    [Fact]
    public async Task Complete_SimpleChat_IsClassifiedAnsweredByTheLocalModelAndPricedByItsComputeTime()
    {
        var response = await app.Gateway.CompleteAsync(Ask($"Once upon a time there was a little cat {Guid.NewGuid():N}"));

        Assert.Equal(Route.Local, response.Route);
        Assert.False(string.IsNullOrWhiteSpace(response.Text));
        Assert.True(response.Usage.InputTokens > 0);
        Assert.True(response.Usage.OutputTokens > 0);
        Assert.False(response.CacheHit);
        Assert.Matches("^[0-9a-f]{64}$", response.ModelDigest);
        Assert.Contains(response.DecisionReasons, r => r.StartsWith("strong_score", StringComparison.Ordinal));

        // Priced from the decode time local inference measured for it, at the configured GPU $/hour.
        Assert.True(response.ComputeMs > 0);
        Assert.True(response.CostUsd > 0);
    }

    [Fact]
    public async Task Complete_SameRequestAgain_IsACacheHitStoredInRedis()
    {
        var request = Ask($"Once upon a time a dog found a ball {Guid.NewGuid():N}");
        var first = await app.Gateway.CompleteAsync(request);
        var second = await app.Gateway.CompleteAsync(request);

        Assert.False(first.CacheHit);
        Assert.True(second.CacheHit);
        Assert.Equal(first.Text, second.Text);
        Assert.Equal(first.Route, second.Route);
        Assert.Equal(first.ModelId, second.ModelId);

        await using var redis = await ConnectionMultiplexer.ConnectAsync(await app.RedisConnectionStringAsync());
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        Assert.NotEmpty(server.Keys(pattern: "hybridllm:cache:*"));
    }

    [Fact]
    public async Task Complete_PinnedToProprietary_ReachesTheOpenAiServerThroughTheSdk()
    {
        var before = app.OpenAi.Calls;

        var response = await app.Gateway.CompleteAsync(Ask("What is the capital of France?", r =>
        {
            r.Hints.PinnedRoute = Route.Proprietary;
            r.Hints.BypassCache = true;
        }));

        Assert.Equal(Route.Proprietary, response.Route);
        Assert.Equal("The capital of France is Paris.", response.Text);
        Assert.Equal(before + 1, app.OpenAi.Calls);
        Assert.True(response.Usage.OutputTokens > 0);
        Assert.True(response.CostUsd > 0);
        var call = app.OpenAi.Requests[^1];
        Assert.Contains("/v1/chat/completions", call.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_PrivateRequestPinnedToProprietary_IsRefusedAndNeverLeaves()
    {
        var before = app.OpenAi.Calls;

        var ex = await Assert.ThrowsAsync<RpcException>(() => app.Gateway.CompleteAsync(Ask("My diagnosis is confidential.", r =>
        {
            r.Hints.Privacy = Privacy.Private;
            r.Hints.PinnedRoute = Route.Proprietary;
        })).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Equal(before, app.OpenAi.Calls);
    }

    public static TheoryData<string, Action<ChatRequest>, string> BadRequests => new()
    {
        { "no messages", r => r.Messages.Clear(), "at least one message" },
        { "unknown role", r => r.Messages[0].Role = (ChatRole)7, "unknown role 7" },
        { "zero max tokens", r => r.Options.MaxOutputTokens = 0, "must be > 0" },
        { "max tokens above the gateway limit", r => r.Options.MaxOutputTokens = 1_000_000, "exceeds this service's limit" },
        { "max tokens above the local model limit", r => { r.Options.MaxOutputTokens = 5_000; r.Hints.PinnedRoute = Route.Local; }, "exceeds this service's limit" },
        { "prompt over the size cap", r => r.Messages[0].Text = new string('a', 400_001), "the limit is 400000" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Complete_BadInput_IsInvalidArgument(string name, Action<ChatRequest> spoil, string expected)
    {
        var request = Ask("Tell me a story.");
        spoil(request);

        var ex = await Assert.ThrowsAsync<RpcException>(() => app.Gateway.CompleteAsync(request).ResponseAsync);

        Assert.True(ex.StatusCode == StatusCode.InvalidArgument, $"{name}: got {ex.StatusCode} {ex.Status.Detail}");
        Assert.Contains(expected, ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompleteStream_SimpleChat_StreamsLocalTextThenFinalMetadata()
    {
        using var call = app.Gateway.CompleteStream(Ask($"Once upon a time a bird sang {Guid.NewGuid():N}"));
        var text = new System.Text.StringBuilder();
        ChatResponse? final = null;
        await foreach (var chunk in call.ResponseStream.ReadAllAsync())
        {
            if (chunk.KindCase == ChatStreamChunk.KindOneofCase.TextDelta)
            {
                text.Append(chunk.TextDelta);
            }
            else
            {
                final = chunk.Final;
            }
        }

        Assert.NotNull(final);
        Assert.Equal(Route.Local, final.Route);
        Assert.True(final.Usage.OutputTokens > 0);
        Assert.False(string.IsNullOrWhiteSpace(text.ToString()));
    }
}
