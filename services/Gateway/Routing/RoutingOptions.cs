using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace HybridLlm.Gateway.Routing;

/// <summary>The routing policy's knobs (config section <c>Routing</c>). Defaults follow docs/DOMAIN figures.</summary>
public sealed class RoutingOptions
{
    public const string SectionName = "Routing";

    /// <summary>False when no proprietary provider is configured: auto traffic stays local.</summary>
    public bool ProprietaryEnabled { get; set; } = true;

    /// <summary>Strong-model score at or above which an auto request goes to the proprietary route.</summary>
    [Range(0.0, 1.0)]
    public double StrongScoreThreshold { get; set; } = 0.5;

    /// <summary>
    /// Share of auto traffic that should go to the API (0..1). When set, the threshold is derived at start from the
    /// score quantiles of <see cref="CalibrationScoresPath"/> (as RouteLLM calibrates) and replaces
    /// <see cref="StrongScoreThreshold"/>.
    /// </summary>
    [Range(0.0, 1.0)]
    public double? ProprietaryShare { get; set; }

    /// <summary>Strong scores of a calibration set (written by <c>hybridllm train</c>), relative to the app folder.</summary>
    public string CalibrationScoresPath { get; set; } = "calibration-scores.json";

    /// <summary>Input tokens above which an auto request goes to the proprietary route (open models lose the middle past ~16k).</summary>
    [Range(1, 10_000_000)]
    public int LongContextTokens { get; set; } = 16_000;

    /// <summary>The API's observed p95 time to first token; a caller's latency budget below it keeps the request local.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ProprietaryTimeToFirstTokenP95 { get; set; } = TimeSpan.FromMilliseconds(600);

    /// <summary>Whether the local model can call tools (an upstream such as vLLM with a tool-calling model can).</summary>
    public bool LocalSupportsTools { get; set; }

    /// <summary>Logical model aliases a caller may name, each bound to a route (<c>local</c> or <c>proprietary</c>). <c>auto</c> is implicit.</summary>
    public Dictionary<string, string> Aliases { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

[OptionsValidator]
public sealed partial class RoutingOptionsValidator : IValidateOptions<RoutingOptions>;
