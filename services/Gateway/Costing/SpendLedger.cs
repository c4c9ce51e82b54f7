using System.Globalization;
using StackExchange.Redis;

namespace HybridLlm.Gateway.Costing;

/// <summary>
/// Spend in Redis, shared by every gateway replica: per-tenant monthly API budgets reserved before a proprietary call and
/// settled after it (atomic scripts, so concurrent requests cannot overspend), and per tenant/day/route counters that the
/// spend report reads.
/// </summary>
public sealed class SpendLedger(IConnectionMultiplexer redis, TimeProvider timeProvider)
{
    private static readonly TimeSpan BudgetKeyLifetime = TimeSpan.FromDays(62);
    private static readonly TimeSpan CounterKeyLifetime = TimeSpan.FromDays(400);

    // KEYS[1] budget hash; ARGV: estimate, budget, ttl seconds. 1 = reserved, 0 = would exceed the budget.
    private const string ReserveScript = """
        local spent = tonumber(redis.call('HGET', KEYS[1], 'spent_usd') or '0')
        local reserved = tonumber(redis.call('HGET', KEYS[1], 'reserved_usd') or '0')
        if spent + reserved + tonumber(ARGV[1]) > tonumber(ARGV[2]) then return 0 end
        redis.call('HINCRBYFLOAT', KEYS[1], 'reserved_usd', ARGV[1])
        redis.call('EXPIRE', KEYS[1], ARGV[3])
        return 1
        """;

    // KEYS[1] budget hash; ARGV: reserved estimate to release, actual cost to book.
    private const string SettleScript = """
        redis.call('HINCRBYFLOAT', KEYS[1], 'reserved_usd', -tonumber(ARGV[1]))
        redis.call('HINCRBYFLOAT', KEYS[1], 'spent_usd', ARGV[2])
        return 1
        """;

    public async Task<bool> TryReserveAsync(string tenantId, double estimateUsd, double monthlyBudgetUsd)
    {
        var result = await redis.GetDatabase().ScriptEvaluateAsync(ReserveScript, [BudgetKey(tenantId)],
            [Format(estimateUsd), Format(monthlyBudgetUsd), (long)BudgetKeyLifetime.TotalSeconds]);
        return (long)result == 1;
    }

    public Task SettleAsync(string tenantId, double reservedUsd, double actualUsd) =>
        redis.GetDatabase().ScriptEvaluateAsync(SettleScript, [BudgetKey(tenantId)], [Format(reservedUsd), Format(actualUsd)]);

    public async Task<(double SpentUsd, double ReservedUsd)> GetMonthAsync(string tenantId)
    {
        var values = await redis.GetDatabase().HashGetAsync(BudgetKey(tenantId), ["spent_usd", "reserved_usd"]);
        return (Parse(values[0]), Parse(values[1]));
    }

    /// <summary>
    /// Counts served requests for the spend report: folded per tenant, day and route, then one Redis batch of increments
    /// (<c>HINCRBY</c>/<c>HINCRBYFLOAT</c>, so replicas add up).
    /// </summary>
    public Task RecordAsync(IReadOnlyCollection<SpendRecord> records)
    {
        var days = new Dictionary<RedisKey, DayTotals>();
        foreach (var record in records)
        {
            var key = DayKey(record.TenantId, record.ServedAt);
            if (!days.TryGetValue(key, out var totals))
            {
                days[key] = totals = new DayTotals(record.TenantId);
            }

            totals.Add(record);
        }

        var batch = redis.GetDatabase().CreateBatch();
        var writes = new List<Task>(1 + (days.Count * 6));
        writes.Add(batch.SetAddAsync(TenantsKey, days.Values.Select(d => (RedisValue)d.TenantId).Distinct().ToArray()));
        foreach (var (day, totals) in days)
        {
            foreach (var (route, spend) in totals.Routes)
            {
                writes.Add(batch.HashIncrementAsync(day, $"{route}:requests", spend.Requests));
                writes.Add(batch.HashIncrementAsync(day, $"{route}:cost_usd", spend.CostUsd));
                writes.Add(batch.HashIncrementAsync(day, $"{route}:input_tokens", spend.InputTokens));
                writes.Add(batch.HashIncrementAsync(day, $"{route}:output_tokens", spend.OutputTokens));
            }

            writes.Add(batch.HashIncrementAsync(day, "all_api_cost_usd", totals.AllApiCostUsd));
            writes.Add(batch.KeyExpireAsync(day, CounterKeyLifetime));
        }

        batch.Execute();
        return Task.WhenAll(writes);
    }

    public async Task<IReadOnlyList<string>> TenantsAsync() =>
        (await redis.GetDatabase().SetMembersAsync(TenantsKey)).Select(v => v.ToString()).Order(StringComparer.Ordinal).ToList();

    public async Task<Dictionary<string, double>> ReadDaysAsync(string tenantId, int days)
    {
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        var today = timeProvider.GetUtcNow();
        var db = redis.GetDatabase();
        for (var i = 0; i < days; i++)
        {
            foreach (var entry in await db.HashGetAllAsync(DayKey(tenantId, today.AddDays(-i))))
            {
                totals[entry.Name!] = totals.GetValueOrDefault(entry.Name!) + Parse(entry.Value);
            }
        }

        return totals;
    }

    private const string TenantsKey = "hybridllm:spend:tenants";

    private RedisKey BudgetKey(string tenantId) =>
        $"hybridllm:budget:{tenantId}:{timeProvider.GetUtcNow().ToString("yyyy-MM", CultureInfo.InvariantCulture)}";

    private static RedisKey DayKey(string tenantId, DateTimeOffset day) =>
        $"hybridllm:spend:{tenantId}:{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static double Parse(RedisValue value) =>
        value.HasValue && double.TryParse(value.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : 0;

    /// <summary>One tenant's day of served requests, summed before they go to Redis.</summary>
    private sealed class DayTotals(string tenantId)
    {
        public string TenantId { get; } = tenantId;

        public Dictionary<string, RouteTotals> Routes { get; } = new(StringComparer.Ordinal);

        public double AllApiCostUsd { get; private set; }

        public void Add(SpendRecord record)
        {
            if (!Routes.TryGetValue(record.Route, out var route))
            {
                Routes[record.Route] = route = new RouteTotals();
            }

            route.Requests++;
            route.CostUsd += record.CostUsd;
            route.InputTokens += record.InputTokens;
            route.OutputTokens += record.OutputTokens;
            AllApiCostUsd += record.AllApiCostUsd;
        }
    }

    private sealed class RouteTotals
    {
        public long Requests { get; set; }

        public double CostUsd { get; set; }

        public long InputTokens { get; set; }

        public long OutputTokens { get; set; }
    }
}
