using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace HybridLlm.Gateway.Tests;

/// <summary>The OpenAI-compatible HTTP API, driven by the official OpenAI .NET SDK where a client would use it.</summary>
[Collection(RedisCollection.Name)]
public sealed class OpenAiApiTests(RedisServerFixture redis) : IAsyncLifetime
{
    private GatewayServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await GatewayServer.StartAsync(redis);
        _http = _server.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private ChatClient Sdk(string model = "auto", Action<PipelineMessage>? onRequest = null)
    {
        var options = new OpenAIClientOptions
        {
            Endpoint = new Uri(_http.BaseAddress!, "/v1"),
            Transport = new HttpClientPipelineTransport(_http),
            RetryPolicy = new ClientRetryPolicy(0),
        };
        if (onRequest is not null)
        {
            options.AddPolicy(new HeaderPolicy(onRequest), PipelinePosition.PerCall);
        }

        return new OpenAIClient(new ApiKeyCredential("unused-in-tests"), options).GetChatClient(model);
    }

    [Fact]
    public async Task ChatCompletions_OfficialSdk_GetsAnswerUsageAndExplainHeaders()
    {
        var result = await Sdk().CompleteChatAsync([new UserChatMessage("Hello there")]);

        Assert.Equal("answer", result.Value.Content[0].Text);
        Assert.Equal(10, result.Value.Usage.InputTokenCount);
        Assert.Equal(5, result.Value.Usage.OutputTokenCount);
        var headers = result.GetRawResponse().Headers;
        Assert.True(headers.TryGetValue("x-hybridllm-route", out var route));
        Assert.Equal("local", route);
        Assert.True(headers.TryGetValue("x-hybridllm-attempts", out var attempts));
        Assert.Equal("1", attempts);
        Assert.True(headers.TryGetValue("x-hybridllm-reasons", out var reasons));
        Assert.Contains("strong_score", Uri.UnescapeDataString(reasons!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChatCompletions_StreamingWithOfficialSdk_ReturnsTheWholeTextAndUsage()
    {
        var text = new StringBuilder();
        ChatTokenUsage? usage = null;
        await foreach (var update in Sdk().CompleteChatStreamingAsync([new UserChatMessage("Hello there")]))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }

            usage = update.Usage ?? usage;
        }

        Assert.Equal("answer", text.ToString());
        Assert.NotNull(usage);
        Assert.Equal(5, usage.OutputTokenCount);
    }

    [Fact]
    public async Task ChatCompletions_JsonSchemaResponseFormat_ReachesTheBackend()
    {
        var schema = BinaryData.FromString("""{"type":"object","properties":{"label":{"type":"string"}},"required":["label"]}""");
        _server.Local.Respond = (_, _) => new Microsoft.Extensions.AI.ChatResponse(new Microsoft.Extensions.AI.ChatMessage(Microsoft.Extensions.AI.ChatRole.Assistant, """{"label":"positive"}"""));
        await Sdk().CompleteChatAsync([new UserChatMessage("Classify: great product")], new ChatCompletionOptions
        {
            ResponseFormat = OpenAI.Chat.ChatResponseFormat.CreateJsonSchemaFormat("label", schema),
        });

        var received = Assert.Single(_server.Local.ReceivedOptions);
        var format = Assert.IsType<ChatResponseFormatJson>(received!.ResponseFormat);
        Assert.Equal("object", format.Schema!.Value.GetProperty("type").GetString());
    }

    [Fact]
    public async Task ChatCompletions_PrivateHeaderWithProprietaryPin_IsRefusedWithOpenAiShapedError()
    {
        var ex = await Assert.ThrowsAsync<ClientResultException>(() => Sdk(onRequest: m =>
        {
            m.Request.Headers.Set("x-hybridllm-privacy", "private");
            m.Request.Headers.Set("x-hybridllm-route", "proprietary");
        }).CompleteChatAsync([new UserChatMessage("my records")]));

        Assert.Equal(400, ex.Status);
        Assert.Contains("private", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, _server.Proprietary.Calls);
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("""{"model":"auto"}""", "messages: required")]
    [InlineData("""{"messages":[]}""", "at least one message")]
    [InlineData("""{"messages":[{"role":"wizard","content":"hi"}]}""", "'wizard' is not supported")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}],"max_tokens":"many"}""", "max_tokens: must be an integer")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}],"model":"gpt-99"}""", "unknown model 'gpt-99'")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}],"seed":"x"}""", "seed: must be an integer")]
    public async Task ChatCompletions_BadInput_Is400WithOpenAiErrorBody(string body, string expected)
    {
        using var response = await _http.PostAsync("/v1/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = json.RootElement.GetProperty("error");
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Contains(expected, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChatCompletions_StreamFailsAfterFirstToken_EndsWithErrorEventAndNoDone()
    {
        _server.Local.FailStreamAfterFirstUpdate = new InvalidOperationException("backend died");
        var body = """{"messages":[{"role":"user","content":"hi"}],"stream":true}""";

        using var response = await _http.PostAsync("/v1/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"));
        var events = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"content\":\"answer\"", events, StringComparison.Ordinal);
        Assert.Contains("\"error\":", events, StringComparison.Ordinal);
        Assert.DoesNotContain("[DONE]", events, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChatCompletions_UpstreamAddressInModelBodyOrHeaders_NeverReachesThatHost()
    {
        using var decoy = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        decoy.Start();
        var decoyUrl = $"http://127.0.0.1:{((IPEndPoint)decoy.LocalEndpoint).Port}/v1";

        using var byModel = await _http.PostAsync("/v1/chat/completions", new StringContent(
            $$"""{"model":"{{decoyUrl}}","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, byModel.StatusCode);
        Assert.Contains("model", await byModel.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var callsBefore = _server.Local.Calls;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = new StringContent(
                $$"""{"model":"auto","messages":[{"role":"user","content":"hi"}],"base_url":"{{decoyUrl}}","api_base":"{{decoyUrl}}","endpoint":"{{decoyUrl}}"}""",
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Add("X-Forwarded-Host", decoy.LocalEndpoint.ToString());
        request.Headers.Add("X-Upstream-Url", decoyUrl);
        using var served = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(callsBefore + 1, _server.Local.Calls);
        Assert.False(decoy.Pending());
    }

    [Theory]
    [InlineData("x-hybridllm-idle-timeout-ms", "soon", "idle-timeout-ms")]
    [InlineData("x-hybridllm-latency-budget-ms", "-5", "latency-budget-ms")]
    [InlineData("x-hybridllm-route", "mars", "route")]
    public async Task ChatCompletions_BadRoutingHeader_Is400NamingIt(string header, string value, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = new StringContent("""{"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(header, value);

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Models_List_IncludesAutoAndConfiguredAliases()
    {
        using var json = JsonDocument.Parse(await _http.GetStringAsync("/v1/models"));

        var ids = json.RootElement.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.Equal(["auto", "fast"], ids);
    }

    private sealed class HeaderPolicy(Action<PipelineMessage> onRequest) : PipelinePolicy
    {
        public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            onRequest(message);
            ProcessNext(message, pipeline, currentIndex);
        }

        public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            onRequest(message);
            await ProcessNextAsync(message, pipeline, currentIndex);
        }
    }
}
