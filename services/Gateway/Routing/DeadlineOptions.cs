using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace HybridLlm.Gateway.Routing;

/// <summary>Per-route deadlines (config <c>Routing:Deadlines:Local</c> / <c>:Proprietary</c>).</summary>
public sealed class RouteDeadlines
{
    /// <summary>No first token by then: the attempt failed (the router may fail over). A request's latency budget can shorten it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan TimeToFirstToken { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A stream silent this long after its first token ends with DEADLINE_EXCEEDED (never a silent truncation).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan Idle { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Whole unary call, separate from the two above.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "06:00:00")]
    public TimeSpan Total { get; set; } = TimeSpan.FromMinutes(5);
}

public sealed class DeadlineOptions
{
    public const string SectionName = "Routing:Deadlines";

    [ValidateObjectMembers]
    public RouteDeadlines Local { get; set; } = new() { TimeToFirstToken = TimeSpan.FromSeconds(10), Idle = TimeSpan.FromSeconds(30), Total = TimeSpan.FromMinutes(2) };

    [ValidateObjectMembers]
    public RouteDeadlines Proprietary { get; set; } = new();

    public RouteDeadlines For(string route) => route == Contracts.RouteNames.Local ? Local : Proprietary;
}

[OptionsValidator]
public sealed partial class DeadlineOptionsValidator : IValidateOptions<DeadlineOptions>;
