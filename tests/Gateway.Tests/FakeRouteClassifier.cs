using HybridLlm.Gateway.Routing;
using HybridLlm.Grpc.V1;

namespace HybridLlm.Gateway.Tests;

internal sealed class FakeRouteClassifier : IRouteClassifier
{
    public Func<ClassifyResponse> Answer { get; set; } = () => new ClassifyResponse { InputTokens = 12, StrongScore = 0.1, Task = TaskType.Chat };

    public int Calls { get; private set; }

    public Task<ClassifyResponse> ClassifyAsync(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, CancellationToken cancellationToken)
    {
        Calls++;
        return Task.FromResult(Answer());
    }
}

internal sealed class FakeBackends(TestChatClient local, TestChatClient proprietary) : IBackendClients
{
    public Microsoft.Extensions.AI.IChatClient Get(string route) =>
        route == Contracts.RouteNames.Local ? local : proprietary;
}
