using Grpc.Core;
using HybridLlm.Grpc.V1;

namespace HybridLlm.Gateway.Tests;

[Collection(RedisCollection.Name)]
public sealed class GatewayGrpcTests(RedisServerFixture redis) : IAsyncLifetime
{
    private GatewayServer _server = null!;

    public async Task InitializeAsync() => _server = await GatewayServer.StartAsync(redis);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static ChatRequest Ask(string text = "Hello there", Action<ChatRequest>? configure = null)
    {
        var request = new ChatRequest
        {
            Messages = { new ChatMessage { Role = ChatRole.User, Text = text } },
            Options = new ChatOptions(),
            Hints = new RoutingHints { TenantId = "acme" },
        };
        configure?.Invoke(request);
        return request;
    }

    [Fact]
    public async Task Complete_LowScoreRequest_ServedLocallyWithRouteReasonsAndCost()
    {
        var response = await _server.Client.CompleteAsync(Ask());

        Assert.Equal(Route.Local, response.Route);
        Assert.Equal("answer", response.Text);
        Assert.Equal(10, response.Usage.InputTokens);
        Assert.Equal(5, response.Usage.OutputTokens);
        Assert.Contains(response.DecisionReasons, r => r.StartsWith("strong_score 0.10 <", StringComparison.Ordinal));
        Assert.Equal(1, _server.Local.Calls);
        Assert.Equal(0, _server.Proprietary.Calls);
    }

    [Fact]
    public async Task Complete_HighScoreRequest_ServedByProprietaryAndPriced()
    {
        _server.Classifier.Answer = () => new ClassifyResponse { StrongScore = 0.9, InputTokens = 10, Task = TaskType.Math };

        var response = await _server.Client.CompleteAsync(Ask());

        Assert.Equal(Route.Proprietary, response.Route);
        Assert.Equal((10 * 1_000 + 5 * 2_000) / 1_000_000d, response.CostUsd, 9);
    }

    [Fact]
    public async Task Complete_PrivateRequestPinnedToProprietary_RefusedAndNoBackendCalled()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => _server.Client.CompleteAsync(Ask(configure: r =>
        {
            r.Hints.Privacy = Privacy.Private;
            r.Hints.PinnedRoute = Route.Proprietary;
        })).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Equal(0, _server.Proprietary.Calls);
        Assert.Equal(0, _server.Local.Calls);
    }

    [Fact]
    public async Task Complete_PrivateRequest_SkipsClassifierAndStaysLocal()
    {
        var response = await _server.Client.CompleteAsync(Ask(configure: r => r.Hints.Privacy = Privacy.Private));

        Assert.Equal(Route.Local, response.Route);
        Assert.Equal(0, _server.Classifier.Calls);
    }

    [Fact]
    public async Task Complete_DryRun_ExplainsTheDecisionWithoutCallingAnyModel()
    {
        _server.Classifier.Answer = () => new ClassifyResponse { StrongScore = 0.9, InputTokens = 10, Task = TaskType.Math };

        var response = await _server.Client.CompleteAsync(Ask(configure: r => r.Hints.DryRun = true));

        Assert.Equal(Route.Proprietary, response.Route);
        Assert.Equal(string.Empty, response.Text);
        Assert.Equal(0, response.CostUsd);
        Assert.Contains(response.DecisionReasons, r => r.StartsWith("strong_score 0.90 >=", StringComparison.Ordinal));
        Assert.Equal(0, _server.Local.Calls + _server.Proprietary.Calls);
    }

    [Fact]
    public async Task Complete_ProprietaryAlias_PassesAliasToBackend()
    {
        await _server.Client.CompleteAsync(Ask(configure: r => r.Options.Model = "fast"));

        Assert.Equal("fast", Assert.Single(_server.Proprietary.ReceivedOptions)!.ModelId);
    }

    [Fact]
    public async Task CompleteStream_Request_SendsDeltasThenOneFinalWithMetadata()
    {
        using var call = _server.Client.CompleteStream(Ask());
        var deltas = new List<string>();
        ChatResponse? final = null;
        await foreach (var chunk in call.ResponseStream.ReadAllAsync())
        {
            Assert.Null(final);
            if (chunk.KindCase == ChatStreamChunk.KindOneofCase.TextDelta)
            {
                deltas.Add(chunk.TextDelta);
            }
            else
            {
                final = chunk.Final;
            }
        }

        Assert.Equal("answer", string.Concat(deltas));
        Assert.NotNull(final);
        Assert.Equal(Route.Local, final.Route);
        Assert.Equal(5, final.Usage.OutputTokens);
        Assert.Equal(FinishReason.Stop, final.FinishReason);
    }

    public static TheoryData<string, Action<ChatRequest>, string> BadRequests => new()
    {
        { "no messages", r => r.Messages.Clear(), "at least one message" },
        { "unknown role", r => r.Messages[0].Role = (ChatRole)42, "unknown role 42" },
        { "unspecified role", r => r.Messages[0].Role = ChatRole.Unspecified, "unknown role 0" },
        { "empty user text", r => r.Messages[0].Text = "  ", "must not be empty" },
        { "zero max tokens", r => r.Options.MaxOutputTokens = 0, "must be > 0" },
        { "negative max tokens", r => r.Options.MaxOutputTokens = -5, "must be > 0" },
        { "max tokens above limit", r => r.Options.MaxOutputTokens = 10_000_000, "exceeds this service's limit" },
        { "prompt over cap", r => r.Messages[0].Text = new string('x', 400_001), "the limit is 400000" },
        { "temperature out of range", r => r.Options.Temperature = 3, "temperature" },
        { "malformed schema", r => r.Options.JsonSchema = "{not json", "json_schema" },
        { "unknown model", r => r.Options.Model = "gpt-99", "unknown model 'gpt-99'" },
        { "negative idle timeout", r => r.Hints.IdleTimeout = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromSeconds(-1)), "hints.idle_timeout" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Complete_BadInput_IsInvalidArgumentWithActionableMessage(string name, Action<ChatRequest> spoil, string expected)
    {
        var request = Ask();
        spoil(request);

        var ex = await Assert.ThrowsAsync<RpcException>(() => _server.Client.CompleteAsync(request).ResponseAsync);

        Assert.True(ex.StatusCode == StatusCode.InvalidArgument, $"{name}: got {ex.StatusCode}");
        Assert.Contains(expected, ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, _server.Local.Calls + _server.Proprietary.Calls);
    }
}
