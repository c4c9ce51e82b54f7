using Microsoft.Extensions.Logging;

namespace HybridLlm.ProprietaryAdapter.RateLimiting;

/// <summary>Rate-limiter log messages (no prompt, no key).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 20, Level = LogLevel.Information,
        Message = "No proprietary deployment for model {Model} has capacity within the wait budget (soonest in {WaitMs} ms, budget {BudgetMs} ms)")]
    public static partial void RateLimited(ILogger logger, string model, double waitMs, double budgetMs);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning,
        Message = "Rate-limit store unreachable ({ErrorType}); requests pass unmetered until it is back")]
    public static partial void LimiterUnavailable(ILogger logger, string errorType);

    [LoggerMessage(EventId = 22, Level = LogLevel.Information, Message = "Rate-limit store reachable again; metering resumed")]
    public static partial void LimiterRecovered(ILogger logger);
}
