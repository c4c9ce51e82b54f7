using HybridLlm.Contracts;
using HybridLlm.Gateway.Caching;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace HybridLlm.Gateway.Tests;

[Collection(RedisCollection.Name)]
public sealed class ResponseCacheTests(RedisServerFixture redis)
{
    private readonly string _instance = $"test:{Guid.NewGuid():N}:";

    private TenantResponseCacheChatClient CacheOver(
        IChatClient inner, TimeSpan? ttl = null, string? connectionString = null, bool shareMisses = false, ILogger<TenantResponseCacheChatClient>? logger = null)
    {
        var cache = new RedisCache(Microsoft.Extensions.Options.Options.Create(new RedisCacheOptions
        {
            Configuration = connectionString ?? redis.ConnectionString,
            InstanceName = _instance,
        }));
        var options = new StaticOptionsMonitor<ResponseCacheOptions>(new ResponseCacheOptions { TimeToLive = ttl ?? TimeSpan.FromMinutes(5) });
        return new TenantResponseCacheChatClient(inner, cache, options, logger ?? NullLogger<TenantResponseCacheChatClient>.Instance,
            shareMisses ? new RedisMissLock(redis.Connection) : null);
    }

    private static ChatOptions Options(string tenant = "t1", string? model = null, bool isPrivate = false, bool bypass = false)
    {
        var options = new ChatOptions { ModelId = model, AdditionalProperties = [] };
        options.AdditionalProperties[ChatMetadata.TenantId] = tenant;
        options.AdditionalProperties[ChatMetadata.Privacy] = isPrivate ? "private" : "standard";
        if (bypass)
        {
            options.AdditionalProperties[ChatMetadata.BypassCache] = true;
        }

        return options;
    }

    private static readonly ChatMessage[] Prompt = [new(ChatRole.User, "Summarise the plot of a short story.")];

    [Fact]
    public async Task Complete_SameRequestTwice_SecondIsHitWithoutCallingTheModel()
    {
        var backend = new TestChatClient();
        var cache = CacheOver(backend);

        var first = await cache.GetResponseAsync(Prompt, Options());
        var second = await cache.GetResponseAsync(Prompt, Options());

        Assert.Equal(1, backend.Calls);
        Assert.False(ChatMetadata.GetBool(first.AdditionalProperties, ChatMetadata.CacheHit));
        Assert.True(ChatMetadata.GetBool(second.AdditionalProperties, ChatMetadata.CacheHit));
        Assert.Equal(first.Text, second.Text);
        Assert.Equal(0d, ChatMetadata.GetDouble(second.AdditionalProperties, ChatMetadata.CostUsd));
    }

    [Fact]
    public async Task Complete_CachedAnswer_KeepsServedRouteAndModel()
    {
        var backend = new TestChatClient();
        backend.Respond = (_, _) => new ChatResponse(new ChatMessage(ChatRole.Assistant, "routed"))
        {
            ModelId = "stories260K",
            AdditionalProperties = new() { [ChatMetadata.Route] = RouteNames.Local },
        };
        var cache = CacheOver(backend);

        await cache.GetResponseAsync(Prompt, Options());
        var hit = await cache.GetResponseAsync(Prompt, Options());

        Assert.Equal(RouteNames.Local, ChatMetadata.GetString(hit.AdditionalProperties, ChatMetadata.Route));
        Assert.Equal("stories260K", hit.ModelId);
    }

    [Theory]
    [InlineData("t2", null, false)]
    [InlineData("t1", "fast", false)]
    [InlineData("t1", null, true)]
    public async Task Complete_DifferentTenantModelOrPrivacy_NeverSharesAnAnswer(string tenant, string? model, bool isPrivate)
    {
        var backend = new TestChatClient();
        var cache = CacheOver(backend);

        await cache.GetResponseAsync(Prompt, Options());
        var other = await cache.GetResponseAsync(Prompt, Options(tenant, model, isPrivate));

        Assert.Equal(2, backend.Calls);
        Assert.False(ChatMetadata.GetBool(other.AdditionalProperties, ChatMetadata.CacheHit));
    }

    [Fact]
    public async Task Complete_SamePromptWithDifferentTools_NeverSharesAnAnswer()
    {
        var backend = new TestChatClient();
        var cache = CacheOver(backend);
        ChatOptions WithTool(string name)
        {
            var options = Options();
            using var schema = System.Text.Json.JsonDocument.Parse("""{"type":"object"}""");
            options.Tools = [AIFunctionFactory.CreateDeclaration(name, "a tool", schema.RootElement.Clone())];
            return options;
        }

        await cache.GetResponseAsync(Prompt, WithTool("lookup_order"));
        await cache.GetResponseAsync(Prompt, WithTool("cancel_order"));
        await cache.GetResponseAsync(Prompt, WithTool("lookup_order"));

        Assert.Equal(2, backend.Calls);
    }

    [Fact]
    public async Task Complete_BypassRequested_NeitherReadsNorWrites()
    {
        var backend = new TestChatClient();
        var cache = CacheOver(backend);

        await cache.GetResponseAsync(Prompt, Options(bypass: true));
        await cache.GetResponseAsync(Prompt, Options());

        Assert.Equal(2, backend.Calls);
    }

    [Fact]
    public async Task Complete_StoredEntry_ExpiresAfterConfiguredTimeToLive()
    {
        var cache = CacheOver(new TestChatClient(), ttl: TimeSpan.FromMinutes(7));

        await cache.GetResponseAsync(Prompt, Options());

        var server = redis.Connection.GetServer(redis.Connection.GetEndPoints()[0]);
        var key = server.Keys(pattern: _instance + "*").Single();
        var ttl = await redis.Connection.GetDatabase().KeyTimeToLiveAsync(key);
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(7));
    }

    [Fact]
    public async Task CompleteStream_SameRequestTwice_ReplaysTheCachedStream()
    {
        var backend = new TestChatClient();
        var cache = CacheOver(backend);

        var first = await cache.GetStreamingResponseAsync(Prompt, Options()).ToChatResponseAsync();
        var second = await cache.GetStreamingResponseAsync(Prompt, Options()).ToChatResponseAsync();

        Assert.Equal(1, backend.Calls);
        Assert.Equal(first.Text, second.Text);
        Assert.True(ChatMetadata.GetBool(second.AdditionalProperties, ChatMetadata.CacheHit));
    }

    [Fact]
    public async Task Complete_TenConcurrentIdenticalMisses_CallTheModelOnce()
    {
        var release = new TaskCompletionSource();
        var backend = new TestChatClient { Gate = release.Task };
        var cache = CacheOver(backend);

        var calls = Enumerable.Range(0, 10).Select(_ => cache.GetResponseAsync(Prompt, Options())).ToList();
        while (backend.Calls == 0)
        {
            await Task.Yield();
        }

        release.SetResult();
        var answers = await Task.WhenAll(calls);

        Assert.Equal(1, backend.Calls);
        Assert.All(answers, a => Assert.Equal("answer", a.Text));
        Assert.Equal(9, answers.Count(a => ChatMetadata.GetBool(a.AdditionalProperties, ChatMetadata.CacheHit)));
    }

    [Fact]
    public async Task Complete_SameMissOnTwoReplicas_CallsTheModelOnceAcrossThem()
    {
        var release = new TaskCompletionSource();
        var first = new TestChatClient { Gate = release.Task };
        var second = new TestChatClient { Gate = release.Task };
        var replicaA = CacheOver(first, shareMisses: true);
        var replicaB = CacheOver(second, shareMisses: true);

        var a = replicaA.GetResponseAsync(Prompt, Options());
        while (first.Calls == 0)
        {
            await Task.Yield();
        }

        var b = replicaB.GetResponseAsync(Prompt, Options());
        release.SetResult();
        var answers = await Task.WhenAll(a, b);

        Assert.Equal(1, first.Calls + second.Calls);
        Assert.True(ChatMetadata.GetBool(answers[1].AdditionalProperties, ChatMetadata.CacheHit));
    }

    [Fact]
    public async Task Complete_RedisUnreachable_ServesUncached()
    {
        var backend = new TestChatClient();
        var cache = CacheOver(backend, connectionString: "127.0.0.1:1,abortConnect=false,connectTimeout=200,syncTimeout=200");

        var response = await cache.GetResponseAsync(Prompt, Options());

        Assert.Equal("answer", response.Text);
        Assert.Equal(1, backend.Calls);
    }

    [Fact]
    public async Task Complete_RedisGoesDownAndComesBack_ServesUncachedLogsOnceThenCachesAgain()
    {
        var own = new RedisServerFixture();
        await own.InitializeAsync();
        try
        {
            var backend = new TestChatClient();
            var logger = new FakeLogger<TenantResponseCacheChatClient>();
            var cache = CacheOver(backend, connectionString: own.ConnectionString + ",connectTimeout=500,syncTimeout=500", logger: logger);
            await cache.GetResponseAsync(Prompt, Options());

            await own.StopAsync();
            var duringOutage = new[] { await cache.GetResponseAsync(Prompt, Options()), await cache.GetResponseAsync(Prompt, Options()) };

            Assert.All(duringOutage, r => Assert.Equal("answer", r.Text));
            Assert.Equal(3, backend.Calls);
            Assert.Single(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);

            // Back (empty): the first answer after reconnecting is stored again, the next identical request is a hit.
            await own.RestartAsync();
            var hit = false;
            for (var deadline = DateTime.UtcNow.AddSeconds(30); !hit && DateTime.UtcNow < deadline;)
            {
                var response = await cache.GetResponseAsync(Prompt, Options());
                hit = ChatMetadata.GetBool(response.AdditionalProperties, ChatMetadata.CacheHit);
                if (!hit)
                {
                    await Task.Delay(200);
                }
            }

            Assert.True(hit);
            var log = logger.Collector.GetSnapshot();
            Assert.Single(log, r => r.Level == LogLevel.Warning);
            Assert.Contains(log, r => r.Level == LogLevel.Information && r.Message.Contains("available again", StringComparison.Ordinal));
        }
        finally
        {
            await own.DisposeAsync();
        }
    }
}
