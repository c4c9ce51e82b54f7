using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace HybridLlm.Contracts;

/// <summary>
/// Keys under which HybridLlm carries routing hints (in <see cref="ChatOptions.AdditionalProperties"/>) and
/// answer metadata (in <see cref="ChatResponse.AdditionalProperties"/>) through an <see cref="IChatClient"/> pipeline.
/// Values are primitives (string, bool, double) so the response cache can store and restore them; a restored value
/// arrives as a <see cref="JsonElement"/>, which the typed readers here accept too.
/// </summary>
public static class ChatMetadata
{
    // Request hints.
    public const string TenantId = "hybridllm.tenant_id";
    public const string Privacy = "hybridllm.privacy";
    public const string PinnedRoute = "hybridllm.pinned_route";
    public const string MayDefer = "hybridllm.may_defer";
    public const string BypassCache = "hybridllm.bypass_cache";
    public const string DryRun = "hybridllm.dry_run";
    public const string LatencyBudgetMs = "hybridllm.latency_budget_ms";

    /// <summary>The caller's idle-stream deadline in milliseconds (see <c>RoutingHints.idle_timeout</c>).</summary>
    public const string IdleTimeoutMs = "hybridllm.idle_timeout_ms";
    public const string JsonSchema = "hybridllm.json_schema";

    /// <summary>Comma-separated routes the tenant may use (set by the gateway's tenant policy, never by callers).</summary>
    public const string AllowedRoutes = "hybridllm.allowed_routes";

    // Answer metadata.
    public const string Route = "hybridllm.route";
    public const string CacheHit = "hybridllm.cache_hit";
    public const string CostUsd = "hybridllm.cost_usd";
    public const string DecisionReasons = "hybridllm.decision_reasons";
    public const string ModelDigest = "hybridllm.model_digest";
    public const string TimeToFirstTokenMs = "hybridllm.ttft_ms";

    /// <summary>Accelerator milliseconds measured for a local answer (see <c>ChatResponse.compute_ms</c>).</summary>
    public const string ComputeMs = "hybridllm.compute_ms";
    public const string Attempts = "hybridllm.attempts";
    public const string Degraded = "hybridllm.degraded";

    /// <summary>Set instead of an answer when the request was queued (see <c>ChatService.GetDeferredResult</c>).</summary>
    public const string DeferredJobId = "hybridllm.deferred_job_id";

    public static string? GetString(AdditionalPropertiesDictionary? properties, string key) =>
        properties?.TryGetValue(key, out var value) == true
            ? value switch
            {
                string s => s,
                JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
                null => null,
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            }
            : null;

    public static bool GetBool(AdditionalPropertiesDictionary? properties, string key) =>
        properties?.TryGetValue(key, out var value) == true && value switch
        {
            bool b => b,
            JsonElement { ValueKind: JsonValueKind.True } => true,
            _ => false,
        };

    public static double GetDouble(AdditionalPropertiesDictionary? properties, string key) =>
        properties?.TryGetValue(key, out var value) == true
            ? value switch
            {
                double d => d,
                float f => f,
                int i => i,
                long l => l,
                JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
                _ => 0,
            }
            : 0;

    /// <summary>Reasons are stored as one string joined by <c>\n</c> so they survive a JSON round trip as a primitive.</summary>
    public static IReadOnlyList<string> GetReasons(AdditionalPropertiesDictionary? properties) =>
        GetString(properties, DecisionReasons) is { Length: > 0 } joined
            ? joined.Split('\n')
            : [];

    public static void SetReasons(AdditionalPropertiesDictionary properties, IEnumerable<string> reasons) =>
        properties[DecisionReasons] = string.Join('\n', reasons);
}
