using HybridLlm.Contracts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace HybridLlm.Gateway.Costing;

/// <summary>Prices one answer from its route, served model and token usage.</summary>
public sealed class PriceCalculator(IOptionsMonitor<PricingOptions> options)
{
    private const double PerMillion = 1_000_000d;

    /// <param name="route">The route that served the answer.</param>
    /// <param name="modelId">The model that served it.</param>
    /// <param name="usage">Its token counts.</param>
    /// <param name="computeMs">
    /// Local route: accelerator milliseconds the backend measured for this answer (0 when it did not). With a GPU $/hour
    /// configured the answer costs that time; without a measurement, the configured throughput estimates the time.
    /// </param>
    /// <returns>The cost in US dollars, or null when the served model has no price (unknown cost, not free).</returns>
    public double? Price(string? route, string? modelId, UsageDetails? usage, double computeMs = 0)
    {
        if (usage is null)
        {
            return null;
        }

        var settings = options.CurrentValue;
        long input = usage.InputTokenCount ?? 0, output = usage.OutputTokenCount ?? 0, cached = usage.CachedInputTokenCount ?? 0;
        if (route == RouteNames.Local)
        {
            if (settings.LocalGpuHourlyUsd <= 0)
            {
                return (input * settings.LocalInputUsdPerMillion + output * settings.LocalOutputUsdPerMillion) / PerMillion;
            }

            var seconds = computeMs > 0
                ? computeMs / 1000
                : input / settings.LocalPrefillTokensPerSecond + output / settings.LocalOutputTokensPerSecond;
            return settings.LocalGpuHourlyUsd / 3600 * seconds;
        }

        if (FindPrice(settings, modelId) is not { } price)
        {
            return null;
        }

        var uncached = Math.Max(0, input - cached);
        return (uncached * price.InputUsdPerMillion
            + cached * (price.CachedInputUsdPerMillion ?? price.InputUsdPerMillion)
            + output * price.OutputUsdPerMillion) / PerMillion;
    }

    /// <summary>What the same tokens would have cost on the reference API model (the all-API counterfactual).</summary>
    public double AllApiPrice(UsageDetails? usage) =>
        Price(RouteNames.Proprietary, options.CurrentValue.ReferenceProprietaryModel, usage) ?? 0;

    /// <summary>A pessimistic price before the call: all input tokens plus the full output allowance at the reference model.</summary>
    public double Estimate(long inputTokens, int? maxOutputTokens)
    {
        var settings = options.CurrentValue;
        var usage = new UsageDetails { InputTokenCount = inputTokens, OutputTokenCount = maxOutputTokens ?? settings.EstimatedOutputTokens };
        return Price(RouteNames.Proprietary, settings.ReferenceProprietaryModel, usage) ?? 0;
    }

    /// <summary>Exact id first, then the longest configured prefix (vendor ids carry date suffixes).</summary>
    private static ModelPrice? FindPrice(PricingOptions settings, string? modelId)
    {
        if (string.IsNullOrEmpty(modelId))
        {
            return null;
        }

        if (settings.Models.TryGetValue(modelId, out var exact))
        {
            return exact;
        }

        return settings.Models
            .Where(p => modelId.StartsWith(p.Key, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.Key.Length)
            .Select(p => p.Value)
            .FirstOrDefault();
    }
}
