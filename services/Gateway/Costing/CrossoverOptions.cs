using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace HybridLlm.Gateway.Costing;

/// <summary>
/// The self-hosting side of the crossover (config <c>Crossover</c>). Defaults: two reserved A100s at ~$1.10/h for
/// redundancy and 0.2 of a $150k engineer for operations (early-2026 practitioner figures; change them to yours).
/// </summary>
public sealed class CrossoverOptions
{
    public const string SectionName = "Crossover";

    [Range(0, 10_000)]
    public int GpuInstances { get; set; } = 2;

    [Range(0.0, 1_000.0)]
    public double GpuHourlyUsd { get; set; } = 1.10;

    [Range(0.0, 100.0)]
    public double OpsFte { get; set; } = 0.2;

    [Range(0.0, 10_000_000.0)]
    public double LoadedCostPerFteYearUsd { get; set; } = 150_000;

    /// <summary>Hours a reserved instance is billed per month.</summary>
    public const double HoursPerMonth = 730;

    public double SelfHostMonthlyUsd => GpuInstances * GpuHourlyUsd * HoursPerMonth + OpsFte * LoadedCostPerFteYearUsd / 12;
}

[OptionsValidator]
public sealed partial class CrossoverOptionsValidator : IValidateOptions<CrossoverOptions>;
