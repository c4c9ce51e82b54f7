using Grpc.Core;
using HybridLlm.Grpc.V1;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using System.ClientModel;
using System.ClientModel.Primitives;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AiChatRole = Microsoft.Extensions.AI.ChatRole;
using ProtoMessage = HybridLlm.Grpc.V1.ChatMessage;

namespace HybridLlm.Gateway.Tests;

/// <summary>Tool definitions, calls and results through both APIs to the route that can call tools.</summary>
[Collection(RedisCollection.Name)]
public sealed class ToolCallingTests(RedisServerFixture redis)
{
    private const string WeatherSchema = """{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""";

    private static Microsoft.Extensions.AI.ChatResponse CallWeather(IList<AiChatMessage> _, Microsoft.Extensions.AI.ChatOptions? __) =>
        new(new AiChatMessage(AiChatRole.Assistant, [new FunctionCallContent("call_1", "get_weather", new Dictionary<string, object?> { ["city"] = "Oslo" })]))
        {
            ModelId = "test-model",
            FinishReason = Microsoft.Extensions.AI.ChatFinishReason.ToolCalls,
        };

    private static ChatRequest AskWithTools(Action<ChatRequest>? configure = null)
    {
        var request = new ChatRequest
        {
            Messages = { new ProtoMessage { Role = HybridLlm.Grpc.V1.ChatRole.User, Text = "What's the weather in Oslo?" } },
            Options = new HybridLlm.Grpc.V1.ChatOptions { Tools = { new ToolDefinition { Name = "get_weather", Description = "Current weather", ParametersJsonSchema = WeatherSchema } } },
            Hints = new RoutingHints { TenantId = "tools" },
        };
        configure?.Invoke(request);
        return request;
    }

    [Fact]
    public async Task Complete_WithTools_GoesProprietaryAndReturnsTheToolCall()
    {
        await using var server = await GatewayServer.StartAsync(redis);
        server.Proprietary.Respond = CallWeather;

        var response = await server.Client.CompleteAsync(AskWithTools());

        Assert.Equal(Route.Proprietary, response.Route);
        Assert.Contains(response.DecisionReasons, r => r.StartsWith("tools: the local model cannot call tools", StringComparison.Ordinal));
        var call = Assert.Single(response.ToolCalls);
        Assert.Equal(("call_1", "get_weather"), (call.Id, call.Name));
        Assert.Contains("Oslo", call.ArgumentsJson, StringComparison.Ordinal);
        Assert.Equal(FinishReason.ToolCalls, response.FinishReason);
        var tool = Assert.IsAssignableFrom<AIFunctionDeclaration>(Assert.Single(Assert.Single(server.Proprietary.ReceivedOptions)!.Tools!));
        Assert.Equal("string", tool.JsonSchema.GetProperty("properties").GetProperty("city").GetProperty("type").GetString());
        Assert.Equal(0, server.Local.Calls);
    }

    [Fact]
    public async Task Complete_PrivateRequestWithTools_IsRefusedClearly()
    {
        await using var server = await GatewayServer.StartAsync(redis);

        var ex = await Assert.ThrowsAsync<RpcException>(() => server.Client.CompleteAsync(AskWithTools(r => r.Hints.Privacy = Privacy.Private)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains("tools", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, server.Proprietary.Calls + server.Local.Calls);
    }

    [Fact]
    public async Task Complete_ToolResultTurn_ReachesTheBackendAsCallAndResultContent()
    {
        await using var server = await GatewayServer.StartAsync(redis);
        IList<AiChatMessage>? seen = null;
        server.Proprietary.Respond = (messages, _) =>
        {
            seen = messages;
            return new Microsoft.Extensions.AI.ChatResponse(new AiChatMessage(AiChatRole.Assistant, "It is 5 degrees in Oslo."));
        };

        var response = await server.Client.CompleteAsync(AskWithTools(r =>
        {
            r.Messages.Add(new ProtoMessage
            {
                Role = HybridLlm.Grpc.V1.ChatRole.Assistant,
                ToolCalls = { new ToolCall { Id = "call_1", Name = "get_weather", ArgumentsJson = """{"city":"Oslo"}""" } },
            });
            r.Messages.Add(new ProtoMessage { Role = HybridLlm.Grpc.V1.ChatRole.Tool, ToolCallId = "call_1", Text = """{"celsius":5}""" });
        }));

        Assert.Equal("It is 5 degrees in Oslo.", response.Text);
        Assert.NotNull(seen);
        Assert.IsType<FunctionCallContent>(Assert.Single(seen[1].Contents));
        var result = Assert.IsType<FunctionResultContent>(Assert.Single(seen[2].Contents));
        Assert.Equal("call_1", result.CallId);
    }

    [Fact]
    public async Task Complete_ToolMessageWithoutCallId_IsInvalidArgument()
    {
        await using var server = await GatewayServer.StartAsync(redis);

        var ex = await Assert.ThrowsAsync<RpcException>(() => server.Client.CompleteAsync(AskWithTools(r =>
            r.Messages.Add(new ProtoMessage { Role = HybridLlm.Grpc.V1.ChatRole.Tool, Text = "42" }))).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("tool_call_id", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChatCompletions_OfficialSdkWithTools_GetsToolCallsBack()
    {
        await using var server = await GatewayServer.StartAsync(redis);
        server.Proprietary.Respond = CallWeather;
        using var http = server.CreateHttpClient();
        var sdk = new OpenAIClient(new ApiKeyCredential("unused"), new OpenAIClientOptions
        {
            Endpoint = new Uri(http.BaseAddress!, "/v1"),
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(0),
        }).GetChatClient("auto");
        var options = new ChatCompletionOptions { Tools = { ChatTool.CreateFunctionTool("get_weather", "Current weather", BinaryData.FromString(WeatherSchema)) } };

        var completion = (await sdk.CompleteChatAsync([new UserChatMessage("Weather in Oslo?")], options)).Value;

        Assert.Equal(OpenAI.Chat.ChatFinishReason.ToolCalls, completion.FinishReason);
        var call = Assert.Single(completion.ToolCalls);
        Assert.Equal("get_weather", call.FunctionName);
        Assert.Contains("Oslo", call.FunctionArguments.ToString(), StringComparison.Ordinal);
    }
}
