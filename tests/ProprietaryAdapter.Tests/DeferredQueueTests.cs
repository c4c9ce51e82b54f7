using Grpc.Core;
using HybridLlm.Contracts.Errors;
using HybridLlm.Grpc.V1;
using HybridLlm.ProprietaryAdapter.Tests.Support;
using HybridLlm.Testing.Fakes;
using StackExchange.Redis;

namespace HybridLlm.ProprietaryAdapter.Tests;

/// <summary>
/// The deferred queue end to end over the gRPC contract: real adapter hosts, real Redis Stream and consumer group, the
/// real SDK against a fake vendor. Waiting for a job polls GetDeferredResult; nothing asserts on wall-clock time.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class DeferredQueueTests(RedisServerFixture redis)
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("OpenAI")]
    [InlineData("Anthropic")]
    public async Task Complete_DeferrableRequestStillRateLimitedAfterRetries_ReturnsAJobIdThatCompletesLater(string provider)
    {
        await using var vendor = await Vendor.StartAsync(provider);
        vendor.EnqueueFault(FakeFault.Status(429, retryAfterMilliseconds: 5));
        vendor.EnqueueFault(FakeFault.Status(429, retryAfterMilliseconds: 5));
        var settings = AdapterSettings.For(vendor, redis);
        await using var host = await AdapterHost.StartAsync(settings);

        var deferred = await host.Client.CompleteAsync(Request(mayDefer: true));
        var result = await host.WaitForJobAsync(deferred.DeferredJobId, JobTimeout);

        Assert.Matches("^[0-9a-f]{32}$", deferred.DeferredJobId);
        Assert.Equal("", deferred.Text);
        Assert.Equal(DeferredJobState.Completed, result.State);
        Assert.Equal(vendor.ReplyText, result.Response.Text);
        Assert.True(result.Response.Usage.InputTokens > 0);
        Assert.Equal(3, vendor.Calls);
        await AssertQueueDrainedAsync(settings);
    }

    [Fact]
    public async Task Complete_DeferredJobInterruptedByARestart_CompletesOnTheNextHostAndIsFetchedById()
    {
        await using var vendor = await Vendor.StartAsync("OpenAI");
        var never = new TaskCompletionSource();
        vendor.EnqueueFault(FakeFault.Status(503));
        vendor.EnqueueFault(FakeFault.Status(503));
        vendor.EnqueueFault(FakeFault.HeldUntil(never.Task)); // the first host's worker is mid-call when it stops
        var settings = AdapterSettings.For(vendor, redis);

        string jobId;
        await using (var first = await AdapterHost.StartAsync(settings))
        {
            jobId = (await first.Client.CompleteAsync(Request(mayDefer: true))).DeferredJobId;
            await Eventually.TrueAsync(() => vendor.Calls == 3, "the worker has called the vendor");
            var midway = await first.Client.GetDeferredResultAsync(new GetDeferredResultRequest { JobId = jobId });
            Assert.Equal(DeferredJobState.Pending, midway.State);
        }

        await using var second = await AdapterHost.StartAsync(settings);
        var result = await second.WaitForJobAsync(jobId, JobTimeout);

        Assert.Equal(DeferredJobState.Completed, result.State);
        Assert.Equal(jobId, result.JobId);
        Assert.Equal(vendor.ReplyText, result.Response.Text);
        Assert.Equal(4, vendor.Calls);
        await AssertQueueDrainedAsync(settings);
    }

    [Fact]
    public async Task CompleteStream_DeferrableRequestVendorUnavailable_FinalChunkCarriesTheJobId()
    {
        await using var vendor = await Vendor.StartAsync("Anthropic");
        vendor.EnqueueFault(FakeFault.Status(529));
        vendor.EnqueueFault(FakeFault.Status(529));
        await using var host = await AdapterHost.StartAsync(AdapterSettings.For(vendor, redis));

        using var call = host.Client.CompleteStream(Request(mayDefer: true));
        var chunks = new List<ChatStreamChunk>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            chunks.Add(call.ResponseStream.Current);
        }

        var final = Assert.Single(chunks).Final;
        Assert.Matches("^[0-9a-f]{32}$", final.DeferredJobId);
        var result = await host.WaitForJobAsync(final.DeferredJobId, JobTimeout);
        Assert.Equal(DeferredJobState.Completed, result.State);
        Assert.Equal(vendor.ReplyText, result.Response.Text);
    }

    [Fact]
    public async Task Complete_NotDeferrableAndRateLimited_IsResourceExhaustedWithARetryAfterTrailer()
    {
        await using var vendor = await Vendor.StartAsync("OpenAI");
        var settings = AdapterSettings.For(vendor, redis)
            .With("Proprietary:RequestsPerMinute", "1")
            .With("Proprietary:RateLimit:MaxWait", "00:00:00");
        await using var host = await AdapterHost.StartAsync(settings);
        await host.Client.CompleteAsync(Request(mayDefer: false));

        var error = await Assert.ThrowsAsync<RpcException>(async () => await host.Client.CompleteAsync(Request(mayDefer: false)));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.InRange(ChatErrorMapper.GetRetryAfter(error)!.Value, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(60));
        Assert.Equal(1, vendor.Calls);
    }

    [Fact]
    public async Task Complete_DeferrableAndNoCapacityWithinItsBudget_IsQueuedAndRunsWhenTheBucketRefills()
    {
        await using var vendor = await Vendor.StartAsync("OpenAI");
        var clock = new TimerObservingTimeProvider();
        var settings = AdapterSettings.For(vendor, redis)
            .With("Proprietary:RequestsPerMinute", "1")
            .With("Proprietary:RateLimit:MaxWait", "00:00:00");
        await using var host = await AdapterHost.StartAsync(settings, clock);
        await host.Client.CompleteAsync(Request(mayDefer: true));

        var deferred = await host.Client.CompleteAsync(Request(mayDefer: true));
        // The worker waits (up to Deferred:WaitBudget) on the clock for the next request token: 60 s at 1 request/min.
        while (await clock.NextDelayAsync(TimeSpan.FromSeconds(100)) != TimeSpan.FromSeconds(60))
        {
        }

        Assert.Equal(1, vendor.Calls);
        clock.Advance(TimeSpan.FromSeconds(60));
        var result = await host.WaitForJobAsync(deferred.DeferredJobId, JobTimeout);
        Assert.Equal(DeferredJobState.Completed, result.State);
        Assert.Equal(2, vendor.Calls);
    }

    [Fact]
    public async Task DeferredJob_VendorRejectsIt_IsFailedWithAReasonAndNoSecrets()
    {
        await using var vendor = await Vendor.StartAsync("OpenAI");
        vendor.EnqueueFault(FakeFault.Status(500));
        vendor.EnqueueFault(FakeFault.Status(500));
        vendor.EnqueueFault(FakeFault.Status(400));
        var settings = AdapterSettings.For(vendor, redis);
        await using var host = await AdapterHost.StartAsync(settings);

        var deferred = await host.Client.CompleteAsync(Request(mayDefer: true));
        var result = await host.WaitForJobAsync(deferred.DeferredJobId, JobTimeout);

        Assert.Equal(DeferredJobState.Failed, result.State);
        Assert.Equal("OpenAI call failed: Rejected (HTTP 400).", result.Error);
        Assert.Equal(3, vendor.Calls);
        await AssertQueueDrainedAsync(settings);
    }

    [Fact]
    public async Task Complete_NotDeferrableVendorUnavailable_IsUnavailableAndNothingIsQueued()
    {
        await using var vendor = await Vendor.StartAsync("OpenAI");
        vendor.EnqueueFault(FakeFault.Status(503));
        vendor.EnqueueFault(FakeFault.Status(503));
        var settings = AdapterSettings.For(vendor, redis);
        await using var host = await AdapterHost.StartAsync(settings);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await host.Client.CompleteAsync(Request(mayDefer: false)));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(0, await redis.Connection.GetDatabase().StreamLengthAsync($"{settings["Proprietary:Deferred:KeyPrefix"]}:jobs"));
    }

    [Fact]
    public async Task DeferredJob_WhoseRequestCannotBeReadBack_FailsInsteadOfStoppingTheWorker()
    {
        await using var vendor = await Vendor.StartAsync("OpenAI");
        var settings = AdapterSettings.For(vendor, redis);
        await using var host = await AdapterHost.StartAsync(settings);
        var jobId = Guid.NewGuid().ToString("N");
        RedisKey stream = $"{settings["Proprietary:Deferred:KeyPrefix"]}:jobs";

        // A queued job (record + stream entry, as the store writes them) whose request bytes are not a ChatRequest.
        var db = redis.Connection.GetDatabase();
        await db.HashSetAsync($"{settings["Proprietary:Deferred:KeyPrefix"]}:job:{jobId}", "state", "pending");
        await db.StreamAddAsync(stream, [new("job", jobId), new("request", new byte[] { 0xFF, 0x01, 0x02 })]);
        var result = await host.WaitForJobAsync(jobId, JobTimeout);
        vendor.EnqueueFault(FakeFault.Status(503));
        vendor.EnqueueFault(FakeFault.Status(503));
        var next = await host.Client.CompleteAsync(Request(mayDefer: true));

        Assert.Equal(DeferredJobState.Failed, result.State);
        Assert.Equal("The queued request could not be read back.", result.Error);
        Assert.Equal(DeferredJobState.Completed, (await host.WaitForJobAsync(next.DeferredJobId, JobTimeout)).State); // the worker lives on
        await AssertQueueDrainedAsync(settings);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef", StatusCode.NotFound)]
    [InlineData("not-a-job-id", StatusCode.NotFound)]
    [InlineData("", StatusCode.InvalidArgument)]
    public async Task GetDeferredResult_UnknownOrEmptyJobId_IsRefused(string jobId, StatusCode expected)
    {
        await using var vendor = await Vendor.StartAsync("OpenAI");
        await using var host = await AdapterHost.StartAsync(AdapterSettings.For(vendor, redis));

        var error = await Assert.ThrowsAsync<RpcException>(
            async () => await host.Client.GetDeferredResultAsync(new GetDeferredResultRequest { JobId = jobId }));

        Assert.Equal(expected, error.StatusCode);
    }

    internal static ChatRequest Request(bool mayDefer) => new()
    {
        Messages = { new ChatMessage { Role = ChatRole.User, Text = "Summarise the quarterly report." } },
        Hints = new RoutingHints { MayDefer = mayDefer },
    };

    private async Task AssertQueueDrainedAsync(Dictionary<string, string?> settings)
    {
        var db = redis.Connection.GetDatabase();
        RedisKey stream = $"{settings["Proprietary:Deferred:KeyPrefix"]}:jobs";
        var pending = await db.StreamPendingAsync(stream, "proprietary-adapter");
        Assert.Equal(0, pending.PendingMessageCount); // acknowledged only with the result stored
        Assert.Equal(0, await db.StreamLengthAsync(stream));
    }
}
