using System.Text.Json;
using Grpc.Core;
using HybridLlm.Contracts.Errors;
using HybridLlm.Grpc.V1;
using HybridLlm.LocalInference.Tests.Support;
using HybridLlm.LocalInference.Upstream;
using HybridLlm.Testing.Fakes;

namespace HybridLlm.LocalInference.Tests;

/// <summary>
/// <c>LocalInference:Backend=OpenAICompatible</c>: the real OpenAI SDK over real HTTP to a fake vLLM/Ollama-style
/// server, behind the same contract, admission control and warm-up as the in-process model.
/// </summary>
public sealed class UpstreamBackendTests : IAsyncLifetime
{
    private const string UpstreamModel = "qwen2.5:0.5b-instruct";
    private FakeOpenAiServer _upstream = null!;

    public async Task InitializeAsync() => _upstream = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task Complete_OpenAICompatibleBackend_AnswersFromTheUpstreamThroughTheSameContract()
    {
        await using var host = await StartAsync();
        var warmupCalls = _upstream.Calls;

        var answer = await host.Client.CompleteAsync(Request());

        Assert.Equal(1, warmupCalls);
        Assert.Equal(_upstream.ReplyText, answer.Text);
        Assert.Equal(UpstreamModel, answer.ModelId);
        Assert.Equal(_upstream.OutputTokens, answer.Usage.OutputTokens);
        Assert.True(answer.TimeToFirstTokenMs > 0);
        Assert.Empty(answer.ModelDigest);
        var call = _upstream.Requests[^1];
        Assert.Equal("/v1/chat/completions", call.Path);
        using var body = JsonDocument.Parse(call.Body);
        Assert.Equal(UpstreamModel, body.RootElement.GetProperty("model").GetString());
        Assert.Equal(16, body.RootElement.GetProperty("max_completion_tokens").GetInt32());
    }

    [Fact]
    public async Task Complete_UpstreamFails_IsUnavailableAfterExactlyOneCall()
    {
        await using var host = await StartAsync();
        var before = _upstream.Calls;
        _upstream.EnqueueFault(FakeFault.Status(503));

        var error = await Assert.ThrowsAsync<RpcException>(() => host.Client.CompleteAsync(Request()).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("HTTP 503", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before + 1, _upstream.Calls);
    }

    [Fact]
    public async Task Complete_UpstreamRateLimits_IsResourceExhaustedWithTheUpstreamsRetryHint()
    {
        await using var host = await StartAsync();
        _upstream.EnqueueFault(FakeFault.Status(429, retryAfterMilliseconds: 1500));

        var error = await Assert.ThrowsAsync<RpcException>(() => host.Client.CompleteAsync(Request()).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), ChatErrorMapper.GetRetryAfter(error));
    }

    [Fact]
    public async Task Complete_UpstreamAtConfiguredConcurrency_IsRefusedByTheSameAdmissionControl()
    {
        await using var host = await StartAsync(("LocalInference:MaxConcurrentSequences", "1"), ("LocalInference:MaxQueuedRequests", "0"));
        var release = new TaskCompletionSource();
        _upstream.EnqueueFault(FakeFault.HeldUntil(release.Task));
        var calls = _upstream.Calls;
        var held = host.Client.CompleteAsync(Request()).ResponseAsync;
        // The fake records a request on arrival; wait for that event (bounded), not for a time.
        using (var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while (_upstream.Calls == calls)
            {
                await Task.Yield();
                guard.Token.ThrowIfCancellationRequested();
            }
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => host.Client.CompleteAsync(Request()).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(calls + 1, _upstream.Calls);
        release.SetResult();
        Assert.Equal(_upstream.ReplyText, (await held).Text);
    }

    [Fact]
    public void ApiBase_BaseUrlWithOrWithoutV1_EndsInV1Once()
    {
        Assert.Equal(new Uri("http://gpu:8000/v1"), UpstreamBackendLoader.ApiBase(new Uri("http://gpu:8000")));
        Assert.Equal(new Uri("http://gpu:8000/v1"), UpstreamBackendLoader.ApiBase(new Uri("http://gpu:8000/v1/")));
        Assert.Equal(new Uri("http://gpu:11434/ollama/v1"), UpstreamBackendLoader.ApiBase(new Uri("http://gpu:11434/ollama")));
    }

    private Task<ServiceHost> StartAsync(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["LocalInference:Backend"] = "OpenAICompatible",
            ["LocalInference:Endpoint"] = _upstream.BaseAddress.ToString(),
            ["LocalInference:UpstreamModel"] = UpstreamModel,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return ServiceHost.StartAsync(settings);
    }

    private static ChatRequest Request() => new()
    {
        Messages = { new ChatMessage { Role = ChatRole.User, Text = "Say hello" } },
        Options = new ChatOptions { MaxOutputTokens = 16 },
    };
}
