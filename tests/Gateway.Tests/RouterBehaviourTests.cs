using Grpc.Core;
using HybridLlm.Contracts.Errors;
using HybridLlm.Grpc.V1;
using Microsoft.Extensions.AI;
using ChatMessage = HybridLlm.Grpc.V1.ChatMessage;
using ChatOptions = HybridLlm.Grpc.V1.ChatOptions;
using ChatResponse = Microsoft.Extensions.AI.ChatResponse;
using ChatRole = HybridLlm.Grpc.V1.ChatRole;

namespace HybridLlm.Gateway.Tests;

/// <summary>Failover, deadlines and JSON-schema validation through the gateway's gRPC endpoint.</summary>
[Collection(RedisCollection.Name)]
public sealed class RouterBehaviourTests(RedisServerFixture redis)
{
    private const string Schema = """{"type":"object","properties":{"label":{"enum":["positive","negative"]}},"required":["label"]}""";

    /// <summary>Reads a stream that must end in an error: what arrived before it, and the error.</summary>
    private static async Task<(List<ChatStreamChunk> Received, RpcException Error)> ReadUntilFailureAsync(AsyncServerStreamingCall<ChatStreamChunk> call)
    {
        var received = new List<ChatStreamChunk>();
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var chunk in call.ResponseStream.ReadAllAsync())
            {
                received.Add(chunk);
            }
        });
        return (received, error);
    }

    private static ChatRequest Ask(Action<ChatRequest>? configure = null)
    {
        var request = new ChatRequest
        {
            Messages = { new ChatMessage { Role = ChatRole.User, Text = "Classify: the product is great" } },
            Options = new ChatOptions(),
            Hints = new RoutingHints { TenantId = "router-tests" },
        };
        configure?.Invoke(request);
        return request;
    }

    private static Func<IList<Microsoft.Extensions.AI.ChatMessage>, Microsoft.Extensions.AI.ChatOptions?, ChatResponse> Answer(string text) =>
        (_, _) => new ChatResponse(new Microsoft.Extensions.AI.ChatMessage(Microsoft.Extensions.AI.ChatRole.Assistant, text)) { ModelId = "test-model" };

    private static Func<IList<Microsoft.Extensions.AI.ChatMessage>, Microsoft.Extensions.AI.ChatOptions?, ChatResponse> Fail(StatusCode status) =>
        (_, _) => throw new RpcException(new Status(status, "backend trouble"));

    [Fact]
    public async Task Complete_LocalOverloaded_FailsOverToProprietaryWithReason()
    {
        await using var server = await GatewayServer.StartAsync(redis);
        server.Local.Respond = Fail(StatusCode.ResourceExhausted);

        var response = await server.Client.CompleteAsync(Ask());

        Assert.Equal(Route.Proprietary, response.Route);
        Assert.Equal(2, response.Attempts);
        Assert.False(response.Degraded);
        Assert.Contains(response.DecisionReasons, r => r.StartsWith("failover: local failed (ResourceExhausted) → proprietary", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Complete_ProprietaryUnavailable_FailsOverToLocalFlaggedDegraded()
    {
        await using var server = await GatewayServer.StartAsync(redis);
        server.Classifier.Answer = () => new ClassifyResponse { StrongScore = 0.9, InputTokens = 10 };
        server.Proprietary.Respond = Fail(StatusCode.Unavailable);

        var response = await server.Client.CompleteAsync(Ask());

        Assert.Equal(Route.Local, response.Route);
        Assert.True(response.Degraded);
    }

    [Fact]
    public async Task Complete_PrivateRequestWhenLocalFails_NeverFailsOverToProprietary()
    {
        await using var server = await GatewayServer.StartAsync(redis);
        server.Local.Respond = Fail(StatusCode.Unavailable);

        var ex = await Assert.ThrowsAsync<RpcException>(() => server.Client.CompleteAsync(Ask(r => r.Hints.Privacy = Privacy.Private)).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Equal(0, server.Proprietary.Calls);
    }

    [Fact]
    public async Task Complete_PinnedRouteFails_IsNotFailedOver()
    {
        await using var server = await GatewayServer.StartAsync(redis);
        server.Local.Respond = Fail(StatusCode.Unavailable);

        var ex = await Assert.ThrowsAsync<RpcException>(() => server.Client.CompleteAsync(Ask(r => r.Hints.PinnedRoute = Route.Local)).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Equal(0, server.Proprietary.Calls);
    }

    [Fact]
    public async Task CompleteStream_FailureAfterFirstToken_EndsWithErrorAndNoFailover()
    {
        await using var server = await GatewayServer.StartAsync(redis);
        server.Local.FailStreamAfterFirstUpdate = new RpcException(new Status(StatusCode.Unavailable, "died mid-stream"));

        using var call = server.Client.CompleteStream(Ask());
        var (received, ex) = await ReadUntilFailureAsync(call);

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Contains(received, c => c.KindCase == ChatStreamChunk.KindOneofCase.TextDelta);
        Assert.DoesNotContain(received, c => c.KindCase == ChatStreamChunk.KindOneofCase.Final);
        Assert.Equal(0, server.Proprietary.Calls);
    }

    [Fact]
    public async Task CompleteStream_StallAfterFirstToken_EndsWithDeadlineExceededAndIsNotCached()
    {
        await using var server = await GatewayServer.StartAsync(redis, s => s.Deadlines.Local.Idle = TimeSpan.FromMilliseconds(300));
        server.Local.StallAfterFirstUpdate = true;
        var request = Ask(r => r.Messages[0].Text = $"Classify: stalls after its first token {Guid.NewGuid():N}");

        // A bound of our own (cancellation, not a deadline), so a stream the gateway failed to end fails the test
        // with Cancelled instead of hanging it or passing it.
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        List<ChatStreamChunk> received;
        using (var call = server.Client.CompleteStream(request, cancellationToken: bound.Token))
        {
            (received, var ex) = await ReadUntilFailureAsync(call);
            Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        }

        Assert.Contains(received, c => c.KindCase == ChatStreamChunk.KindOneofCase.TextDelta);
        Assert.DoesNotContain(received, c => c.KindCase == ChatStreamChunk.KindOneofCase.Final);
        Assert.Equal(0, server.Proprietary.Calls);

        // The half answer was not stored: the same request reaches the model again and completes.
        server.Local.StallAfterFirstUpdate = false;
        var callsBefore = server.Local.Calls;
        using var again = server.Client.CompleteStream(request);
        HybridLlm.Grpc.V1.ChatResponse? final = null;
        await foreach (var chunk in again.ResponseStream.ReadAllAsync())
        {
            final = chunk.KindCase == ChatStreamChunk.KindOneofCase.Final ? chunk.Final : final;
        }

        Assert.NotNull(final);
        Assert.False(final.CacheHit);
        Assert.Equal(callsBefore + 1, server.Local.Calls);
    }

    [Fact]
    public async Task CompleteStream_CallerIdleTimeoutTighterThanTheRoutes_EndsAStalledStreamAtIt()
    {
        // The route allows a minute of silence; this caller accepts 300 ms.
        await using var server = await GatewayServer.StartAsync(redis, s => s.Deadlines.Local.Idle = TimeSpan.FromMinutes(1));
        server.Local.StallAfterFirstUpdate = true;
        var request = Ask(r =>
        {
            r.Messages[0].Text = $"Classify: caller's own idle deadline {Guid.NewGuid():N}";
            r.Hints.IdleTimeout = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromMilliseconds(300));
        });

        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var call = server.Client.CompleteStream(request, cancellationToken: bound.Token);
        var (_, ex) = await ReadUntilFailureAsync(call);

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        Assert.Equal(0, server.Proprietary.Calls);
    }

    [Fact]
    public async Task CompleteStream_NoFirstTokenWithinDeadline_FailsOverBeforeOutput()
    {
        await using var server = await GatewayServer.StartAsync(redis, s => s.Deadlines.Local.TimeToFirstToken = TimeSpan.FromMilliseconds(200));
        server.Local.StallStream = true;

        using var call = server.Client.CompleteStream(Ask());
        HybridLlm.Grpc.V1.ChatResponse? final = null;
        await foreach (var chunk in call.ResponseStream.ReadAllAsync())
        {
            final = chunk.KindCase == ChatStreamChunk.KindOneofCase.Final ? chunk.Final : final;
        }

        Assert.NotNull(final);
        Assert.Equal(Route.Proprietary, final.Route);
        Assert.Contains(final.DecisionReasons, r => r.Contains("failover: local failed (DeadlineExceeded)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Complete_InvalidLocalJsonThenValid_RetriesOnceAndKeepsLocal()
    {
        await using var server = await GatewayServer.StartAsync(redis);
        var answers = new Queue<string>(["not json at all", """{"label":"positive"}"""]);
        server.Local.Respond = (m, o) => Answer(answers.Dequeue())(m, o);

        var response = await server.Client.CompleteAsync(Ask(r => r.Options.JsonSchema = Schema));

        Assert.Equal(Route.Local, response.Route);
        Assert.Equal(2, server.Local.Calls);
        Assert.Contains(response.DecisionReasons, r => r == "json_schema: valid after retry");
    }

    [Fact]
    public async Task Complete_LocalJsonInvalidTwice_EscalatesToProprietary()
    {
        await using var server = await GatewayServer.StartAsync(redis);
        server.Local.Respond = Answer("""{"label":"maybe"}""");
        server.Proprietary.Respond = Answer("""{"label":"negative"}""");

        var response = await server.Client.CompleteAsync(Ask(r => r.Options.JsonSchema = Schema));

        Assert.Equal(Route.Proprietary, response.Route);
        Assert.Equal("""{"label":"negative"}""", response.Text);
        Assert.Equal(3, response.Attempts);
        Assert.Contains(response.DecisionReasons, r => r.StartsWith("json_schema: still invalid", StringComparison.Ordinal) && r.EndsWith("→ escalated to proprietary", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Complete_PrivateJsonInvalidTwice_IsNotEscalated()
    {
        await using var server = await GatewayServer.StartAsync(redis);
        server.Local.Respond = Answer("""{"label":"maybe"}""");

        var response = await server.Client.CompleteAsync(Ask(r =>
        {
            r.Options.JsonSchema = Schema;
            r.Hints.Privacy = Privacy.Private;
        }));

        Assert.Equal(Route.Local, response.Route);
        Assert.Equal(0, server.Proprietary.Calls);
        Assert.Contains(response.DecisionReasons, r => r.Contains("not escalated (private)", StringComparison.Ordinal));
    }
}
