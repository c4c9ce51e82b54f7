using Grpc.Core;
using Grpc.Net.Client;
using HybridLlm.Contracts;
using HybridLlm.Contracts.Grpc;
using HybridLlm.Grpc.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Ai = Microsoft.Extensions.AI;

namespace HybridLlm.ProprietaryAdapter.Tests;

/// <summary>The shared ChatGrpcService's GetDeferredResult on a host that keeps no deferred queue (e.g. local inference).</summary>
public sealed class GetDeferredResultContractTests
{
    [Fact]
    public async Task GetDeferredResult_HostWithoutADeferredQueue_IsUnimplementedWithAHint()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.Sources.Clear();
        builder.WebHost.UseTestServer();
        builder.Services.AddChatGrpcService();
        builder.Services.AddChatClient(new EchoChatClient());
        await using var app = builder.Build();
        app.MapGrpcService<ChatGrpcService>();
        await app.StartAsync();
        var server = app.GetTestServer();
        using var channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler() });
        var client = new ChatService.ChatServiceClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.GetDeferredResultAsync(new GetDeferredResultRequest { JobId = "0123456789abcdef0123456789abcdef" }));
        var answer = await client.CompleteAsync(DeferredQueueTests.Request(mayDefer: true));

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        Assert.Contains("no deferred queue", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("echo", answer.Text);
        Assert.Equal("", answer.DeferredJobId);
    }

    private sealed class EchoChatClient : Ai.IChatClient
    {
        public Task<Ai.ChatResponse> GetResponseAsync(
            IEnumerable<Ai.ChatMessage> messages, Ai.ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new Ai.ChatResponse(new Ai.ChatMessage(Ai.ChatRole.Assistant, "echo")));

        public IAsyncEnumerable<Ai.ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<Ai.ChatMessage> messages, Ai.ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
