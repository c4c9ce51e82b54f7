using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace HybridLlm.Gateway.Costing;

/// <summary>The background writer of the spend report's counters (config section <c>SpendLedger:Writer</c>).</summary>
public sealed class SpendWriterOptions
{
    public const string SectionName = "SpendLedger:Writer";

    /// <summary>
    /// Served requests waiting to be counted in Redis; when full, further records are dropped (counted and logged) rather
    /// than slowing answers down.
    /// </summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Most records folded into one Redis batch.</summary>
    [Range(1, 10_000)]
    public int MaxRecordsPerBatch { get; set; } = 512;
}

[OptionsValidator]
public sealed partial class SpendWriterOptionsValidator : IValidateOptions<SpendWriterOptions>;
