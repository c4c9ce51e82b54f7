using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace HybridLlm.Gateway.Costing;

/// <summary>Prices per model in US dollars per million tokens (config section <c>Pricing</c>); defaults are early-2026 list prices.</summary>
public sealed class PricingOptions
{
    public const string SectionName = "Pricing";

    /// <summary>Vendor model id (or a prefix of it, e.g. <c>gpt-4o-mini</c> matches <c>gpt-4o-mini-2024-07-18</c>) to its prices.</summary>
    public Dictionary<string, ModelPrice> Models { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The API model that prices the all-API counterfactual and budget estimates before a call.</summary>
    [Required]
    public string ReferenceProprietaryModel { get; set; } = "gpt-4o-mini";

    /// <summary>Output tokens assumed for a budget estimate when a request sets no max_output_tokens.</summary>
    [Range(1, 1_000_000)]
    public int EstimatedOutputTokens { get; set; } = 1024;

    /// <summary>
    /// GPU cost of the local route in US dollars per hour (e.g. a reserved A100 ~1.10). When above 0, local answers are
    /// priced by the GPU time they took at the throughputs below, instead of the per-million prices.
    /// </summary>
    [Range(0.0, 10_000.0)]
    public double LocalGpuHourlyUsd { get; set; }

    /// <summary>Measured decode throughput of the local deployment (tokens/s per GPU, all sequences together).</summary>
    [Range(0.001, 10_000_000.0)]
    public double LocalOutputTokensPerSecond { get; set; } = 100;

    /// <summary>Measured prompt-processing throughput of the local deployment (tokens/s per GPU).</summary>
    [Range(0.001, 100_000_000.0)]
    public double LocalPrefillTokensPerSecond { get; set; } = 2_000;

    /// <summary>Price of the local route per million input tokens (amortised GPU time; 0 until measured).</summary>
    [Range(0.0, 1000.0)]
    public double LocalInputUsdPerMillion { get; set; }

    /// <summary>Price of the local route per million output tokens.</summary>
    [Range(0.0, 1000.0)]
    public double LocalOutputUsdPerMillion { get; set; }
}

/// <summary>One model's prices in US dollars per million tokens.</summary>
public sealed class ModelPrice
{
    [Range(0.0, 10_000.0)]
    public double InputUsdPerMillion { get; set; }

    [Range(0.0, 10_000.0)]
    public double OutputUsdPerMillion { get; set; }

    /// <summary>Price of prompt-cache hits; null means the input price.</summary>
    [Range(0.0, 10_000.0)]
    public double? CachedInputUsdPerMillion { get; set; }
}

[OptionsValidator]
public sealed partial class PricingOptionsValidator : IValidateOptions<PricingOptions>;
