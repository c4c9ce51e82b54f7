using System.Diagnostics.Metrics;
using HybridLlm.Contracts;
using Microsoft.Extensions.AI;

namespace HybridLlm.Gateway.Telemetry;

/// <summary>
/// The gateway's metrics (meter <c>HybridLlm.Gateway</c>, shown in the Aspire dashboard): requests by route and cache
/// outcome, failures by status, cost, tokens, end-to-end latency and time to first token per route, and served requests
/// the spend report missed.
/// </summary>
public sealed class GatewayMetrics
{
    public const string MeterName = "HybridLlm.Gateway";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _failures;
    private readonly Counter<double> _cost;
    private readonly Counter<long> _tokens;
    private readonly Histogram<double> _latency;
    private readonly Histogram<double> _timeToFirstToken;
    private readonly Counter<long> _spendRecordsDropped;

    public GatewayMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>("hybridllm.gateway.requests", "{request}", "Answered requests by route, cache outcome and degradation.");
        _failures = meter.CreateCounter<long>("hybridllm.gateway.failures", "{request}", "Failed requests by gRPC status.");
        _cost = meter.CreateCounter<double>("hybridllm.gateway.cost", "USD", "Spend by route.");
        _tokens = meter.CreateCounter<long>("hybridllm.gateway.tokens", "{token}", "Tokens by route and direction.");
        _latency = meter.CreateHistogram<double>("hybridllm.gateway.duration", "s", "Request duration by route.");
        _timeToFirstToken = meter.CreateHistogram<double>("hybridllm.gateway.time_to_first_token", "s", "Streaming time to first token by route.");
        _spendRecordsDropped = meter.CreateCounter<long>(
            "hybridllm.gateway.spend_records_dropped", "{request}", "Served requests missing from the spend report, by reason (queue_full, stopped, write_failed).");
    }

    public void Answered(AdditionalPropertiesDictionary? props, UsageDetails? usage, TimeSpan elapsed)
    {
        var route = ChatMetadata.GetString(props, ChatMetadata.Route) ?? "unknown";
        var cacheHit = ChatMetadata.GetBool(props, ChatMetadata.CacheHit);
        _requests.Add(1, new("route", route), new("cache_hit", cacheHit), new("degraded", ChatMetadata.GetBool(props, ChatMetadata.Degraded)));
        _latency.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("route", route), new("cache_hit", cacheHit));
        if (cacheHit)
        {
            return;
        }

        _cost.Add(ChatMetadata.GetDouble(props, ChatMetadata.CostUsd), new KeyValuePair<string, object?>("route", route));
        _tokens.Add(usage?.InputTokenCount ?? 0, new("route", route), new("direction", "input"));
        _tokens.Add(usage?.OutputTokenCount ?? 0, new("route", route), new("direction", "output"));
    }

    public void FirstToken(TimeSpan elapsed, AdditionalPropertiesDictionary? props) =>
        _timeToFirstToken.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("route", ChatMetadata.GetString(props, ChatMetadata.Route) ?? "unknown"),
            new("cache_hit", ChatMetadata.GetBool(props, ChatMetadata.CacheHit)));

    public void SpendRecordsDropped(int count, string reason) =>
        _spendRecordsDropped.Add(count, new KeyValuePair<string, object?>("reason", reason));

    public void Failed(string status) => _failures.Add(1, new KeyValuePair<string, object?>("status", status));
}
