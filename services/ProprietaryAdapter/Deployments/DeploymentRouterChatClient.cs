using System.Globalization;
using System.Runtime.CompilerServices;
using HybridLlm.Contracts;
using HybridLlm.ProprietaryAdapter.Providers;
using HybridLlm.ProprietaryAdapter.RateLimiting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace HybridLlm.ProprietaryAdapter.Deployments;

/// <summary>
/// Sends each request to one deployment that serves its model and has rate-limit headroom (skipping deployments whose
/// circuit is open while another can serve), waits for capacity within the request's budget, and settles the token
/// estimate with the real usage afterwards. A request without a model gets <c>Proprietary:Model</c>.
/// </summary>
internal sealed class DeploymentRouterChatClient(
    IReadOnlyList<ProviderDeployment> deployments,
    DeploymentRateLimiter limiter,
    DeploymentCircuits circuits,
    ProprietaryOptions options,
    ILogger logger) : IChatClient
{
    /// <summary>
    /// Internal hint (milliseconds) overriding the wait budget: the deferred worker waits longer than a live caller.
    /// Never set from the contract.
    /// </summary>
    public const string WaitBudgetKey = "hybridllm.proprietary.wait_budget_ms";

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (lease, routed) = await AcquireAsync(messages, options, cancellationToken).ConfigureAwait(false);
        ChatResponse response;
        try
        {
            response = await lease.Deployment.Client.GetResponseAsync(messages, routed, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Failed calls used no tokens that the vendor bills or counts (a 429 or 5xx answer carries no usage).
            await limiter.SettleAsync(lease, actualTokens: 0).ConfigureAwait(false);
            throw;
        }

        await limiter.SettleAsync(lease, TotalTokens(response.Usage)).ConfigureAwait(false);
        return response;
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (lease, routed) = await AcquireAsync(messages, options, cancellationToken).ConfigureAwait(false);
        UsageDetails? usage = null;
        var outputStarted = false;
        try
        {
            await foreach (var update in lease.Deployment.Client.GetStreamingResponseAsync(messages, routed, cancellationToken).ConfigureAwait(false))
            {
                outputStarted = true;
                usage = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? usage;
                yield return update;
            }
        }
        finally
        {
            // A stream cut short after output began did use tokens: without a usage report the estimate stands.
            await limiter.SettleAsync(lease, TotalTokens(usage) ?? (outputStarted ? null : 0)).ConfigureAwait(false);
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this : deployments[0].Client.GetService(serviceType, serviceKey);
    }

    public void Dispose()
    {
        foreach (var deployment in deployments)
        {
            deployment.Dispose();
        }
    }

    private async ValueTask<(RateLimitLease Lease, ChatOptions Routed)> AcquireAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? requestOptions, CancellationToken cancellationToken)
    {
        var model = requestOptions?.ModelId ?? options.Model!;
        var serving = deployments.Where(d => d.Options.Serves(model)).ToList();
        if (serving.Count == 0)
        {
            throw new ProviderNotConfiguredException($"no configured proprietary deployment serves model '{model}'");
        }

        // Prefer deployments whose breaker lets calls through; when every one is open, the call fails fast as CircuitOpen.
        var closed = serving.Where(d => !circuits.IsOpen(d.Name)).ToList();
        var candidates = closed.Count > 0 ? closed : serving;
        var estimate = TokenEstimator.Estimate(messages, requestOptions, options.MaxOutputTokens, options.RateLimit.CharsPerToken);
        var lease = await limiter.AcquireAsync(model, candidates, estimate, WaitBudget(requestOptions), cancellationToken).ConfigureAwait(false);
        Log.Routed(logger, model, lease.Deployment.Name, estimate);

        var routed = requestOptions?.Clone() ?? new ChatOptions();
        routed.ModelId = model;
        return (lease, routed);
    }

    private TimeSpan WaitBudget(ChatOptions? requestOptions)
    {
        var properties = requestOptions?.AdditionalProperties;
        if (properties?.TryGetValue(WaitBudgetKey, out var value) == true && value is not null)
        {
            return TimeSpan.FromMilliseconds(Convert.ToDouble(value, CultureInfo.InvariantCulture));
        }

        // Time spent waiting for capacity is time before the first token: a latency budget caps it.
        var latencyBudgetMs = ChatMetadata.GetDouble(properties, ChatMetadata.LatencyBudgetMs);
        var budget = options.RateLimit.MaxWait;
        return latencyBudgetMs > 0 && TimeSpan.FromMilliseconds(latencyBudgetMs) < budget ? TimeSpan.FromMilliseconds(latencyBudgetMs) : budget;
    }

    private static long? TotalTokens(UsageDetails? usage) =>
        usage is null ? null : usage.TotalTokenCount ?? ((usage.InputTokenCount ?? 0) + (usage.OutputTokenCount ?? 0));
}
