using HybridLlm.Contracts;
using HybridLlm.Gateway.Costing;
using HybridLlm.Gateway.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HybridLlm.Gateway.Tests;

/// <summary>The spend report's counters written off the request path, on the real Redis of the test collection.</summary>
[Collection(RedisCollection.Name)]
public sealed class SpendRecordWriterTests(RedisServerFixture redis) : IDisposable
{
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public void Dispose() => _meters.Dispose();

    [Fact]
    public async Task Stop_WithRecordsQueued_WritesEveryOneToRedisBeforeDisposeReturns()
    {
        var tenant = UniqueTenant();
        var ledger = new SpendLedger(redis.Connection, TimeProvider.System);
        var writer = CreateWriter(ledger, new SpendWriterOptions { MaxRecordsPerBatch = 7 });
        await writer.StartAsync(CancellationToken.None);

        for (var i = 0; i < 500; i++)
        {
            Assert.True(writer.TryRecord(Record(tenant, i % 5 == 0 ? RouteNames.Proprietary : RouteNames.Local)));
        }

        await writer.StopAsync(CancellationToken.None);
        await writer.DisposeAsync();

        var days = await ledger.ReadDaysAsync(tenant, 1);
        Assert.Equal(400, days["local:requests"]);
        Assert.Equal(100, days["proprietary:requests"]);
        Assert.Equal(100 * 0.25, days["proprietary:cost_usd"], 9);
        Assert.Equal(500 * 10, days["local:input_tokens"] + days["proprietary:input_tokens"]);
        Assert.Equal(500 * 0.5, days["all_api_cost_usd"], 9);
        Assert.Contains(tenant, await ledger.TenantsAsync());
    }

    [Fact]
    public async Task Flush_TwoReplicasRecording_CountersAddUpInSharedRedis()
    {
        var tenant = UniqueTenant();
        var ledger = new SpendLedger(redis.Connection, TimeProvider.System);
        await using var first = CreateWriter(ledger, new SpendWriterOptions());
        await using var second = CreateWriter(new SpendLedger(redis.Connection, TimeProvider.System), new SpendWriterOptions());
        await first.StartAsync(CancellationToken.None);
        await second.StartAsync(CancellationToken.None);

        for (var i = 0; i < 30; i++)
        {
            (i % 2 == 0 ? first : second).TryRecord(Record(tenant, RouteNames.Local));
        }

        await first.FlushAsync();
        await second.FlushAsync();

        var days = await ledger.ReadDaysAsync(tenant, 1);
        Assert.Equal(30, days["local:requests"]);
        Assert.Equal(30 * 4, days["local:output_tokens"]);
    }

    [Fact]
    public async Task Record_QueueFull_DropsAtOnceAndCountsTheDrop()
    {
        using var dropped = DroppedCollector();
        var tenant = UniqueTenant();
        var ledger = new SpendLedger(redis.Connection, TimeProvider.System);
        var writer = CreateWriter(ledger, new SpendWriterOptions { QueueCapacity = 2 });

        // Not started yet, so nothing drains the queue: the third record finds it full.
        Assert.True(writer.TryRecord(Record(tenant, RouteNames.Local)));
        Assert.True(writer.TryRecord(Record(tenant, RouteNames.Local)));
        Assert.False(writer.TryRecord(Record(tenant, RouteNames.Local)));

        var drop = Assert.Single(dropped.GetMeasurementSnapshot());
        Assert.Equal(1, drop.Value);
        Assert.Equal("queue_full", drop.Tags["reason"]);

        await writer.StartAsync(CancellationToken.None);
        await writer.DisposeAsync();
        Assert.Equal(2, (await ledger.ReadDaysAsync(tenant, 1))["local:requests"]);
    }

    [Fact]
    public async Task Record_AfterDispose_IsCountedAsStopped()
    {
        using var dropped = DroppedCollector();
        var writer = CreateWriter(new SpendLedger(redis.Connection, TimeProvider.System), new SpendWriterOptions());
        await writer.StartAsync(CancellationToken.None);
        await writer.DisposeAsync();

        Assert.False(writer.TryRecord(Record(UniqueTenant(), RouteNames.Local)));

        Assert.Equal("stopped", Assert.Single(dropped.GetMeasurementSnapshot()).Tags["reason"]);
    }

    [Fact]
    public async Task Flush_RedisUnreachable_CompletesAndCountsTheLostRecords()
    {
        using var dropped = DroppedCollector();
        var options = ConfigurationOptions.Parse("127.0.0.1:1,abortConnect=false,connectTimeout=200");
        options.BacklogPolicy = BacklogPolicy.FailFast;
        await using var unreachable = await ConnectionMultiplexer.ConnectAsync(options);
        await using var writer = CreateWriter(new SpendLedger(unreachable, TimeProvider.System), new SpendWriterOptions());
        await writer.StartAsync(CancellationToken.None);

        Assert.True(writer.TryRecord(Record(UniqueTenant(), RouteNames.Local)));
        Assert.True(writer.TryRecord(Record(UniqueTenant(), RouteNames.Local)));
        await writer.FlushAsync();

        var measurements = dropped.GetMeasurementSnapshot();
        Assert.Equal(2, measurements.Sum(m => m.Value));
        Assert.All(measurements, m => Assert.Equal("write_failed", m.Tags["reason"]));
    }

    private SpendRecordWriter CreateWriter(SpendLedger ledger, SpendWriterOptions options) =>
        new(ledger, new GatewayMetrics(_meters.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()), Options.Create(options),
            NullLogger<SpendRecordWriter>.Instance);

    private MetricCollector<long> DroppedCollector() =>
        new(_meters.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), GatewayMetrics.MeterName, "hybridllm.gateway.spend_records_dropped");

    private static SpendRecord Record(string tenant, string route) =>
        new(tenant, route, route == RouteNames.Proprietary ? 0.25 : 0, 0.5, 10, 4, TimeProvider.System.GetUtcNow());

    private static string UniqueTenant() => $"spend-{Guid.NewGuid():N}";
}
