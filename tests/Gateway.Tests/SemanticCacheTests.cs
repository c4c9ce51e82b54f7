using HybridLlm.Contracts;
using HybridLlm.Gateway.Caching;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;

namespace HybridLlm.Gateway.Tests;

[Collection(RedisCollection.Name)]
public sealed class SemanticCacheTests(RedisServerFixture redis)
{
    private SemanticCacheChatClient Over(TestChatClient backend, bool enabled = true) =>
        new(backend, new BagOfWordsEmbeddings(), redis.Connection,
            new StaticOptionsMonitor<SemanticCacheOptions>(new SemanticCacheOptions { Enabled = enabled, MinSimilarity = 0.95 }),
            NullLogger<SemanticCacheChatClient>.Instance);

    private static ChatOptions Options(string tenant)
    {
        var options = new ChatOptions { AdditionalProperties = [] };
        options.AdditionalProperties[ChatMetadata.TenantId] = tenant;
        return options;
    }

    private static ChatMessage[] Ask(string text) => [new(ChatRole.User, text)];

    [Fact]
    public async Task Complete_RephrasedSameWords_IsASemanticHitWithItsSimilarity()
    {
        var backend = new TestChatClient();
        var cache = Over(backend);
        var tenant = $"sem-{Guid.NewGuid():N}";

        await cache.GetResponseAsync(Ask("What is the capital of France?"), Options(tenant));
        var second = await cache.GetResponseAsync(Ask("what is the capital of france"), Options(tenant));

        Assert.Equal(1, backend.Calls);
        Assert.True(ChatMetadata.GetBool(second.AdditionalProperties, ChatMetadata.CacheHit));
        Assert.Contains(ChatMetadata.GetReasons(second.AdditionalProperties), r => r.StartsWith("semantic cache: similarity 1.000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Complete_DifferentQuestionOrTenant_IsAMiss()
    {
        var backend = new TestChatClient();
        var cache = Over(backend);
        var tenant = $"sem-{Guid.NewGuid():N}";

        await cache.GetResponseAsync(Ask("What is the capital of France?"), Options(tenant));
        await cache.GetResponseAsync(Ask("How do I bake sourdough bread at home?"), Options(tenant));
        await cache.GetResponseAsync(Ask("What is the capital of France?"), Options(tenant + "-other"));

        Assert.Equal(3, backend.Calls);
    }

    [Fact]
    public async Task Complete_MultiTurnOrDisabled_NeverUsesTheSemanticCache()
    {
        var backend = new TestChatClient();
        var tenant = $"sem-{Guid.NewGuid():N}";
        ChatMessage[] conversation = [new(ChatRole.User, "hi"), new(ChatRole.Assistant, "hello"), new(ChatRole.User, "What is the capital of France?")];

        await Over(backend).GetResponseAsync(conversation, Options(tenant));
        await Over(backend).GetResponseAsync(conversation, Options(tenant));
        await Over(backend, enabled: false).GetResponseAsync(Ask("Same question twice"), Options(tenant));
        await Over(backend, enabled: false).GetResponseAsync(Ask("Same question twice"), Options(tenant));

        Assert.Equal(4, backend.Calls);
    }

    /// <summary>Deterministic stand-in for MiniLM: hashed bag of lower-cased words, unit length.</summary>
    private sealed class BagOfWordsEmbeddings : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var result = new GeneratedEmbeddings<Embedding<float>>();
            foreach (var text in values)
            {
                var vector = new float[64];
                foreach (var word in text.ToLowerInvariant().Split([' ', '?', '.', ','], StringSplitOptions.RemoveEmptyEntries))
                {
                    vector[(int)((uint)StringComparer.Ordinal.GetHashCode(word) % 64)] += 1;
                }

                var norm = MathF.Sqrt(vector.Sum(v => v * v));
                result.Add(new Embedding<float>(vector.Select(v => v / norm).ToArray()));
            }

            return Task.FromResult(result);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
