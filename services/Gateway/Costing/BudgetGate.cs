using HybridLlm.Gateway.Tenancy;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace HybridLlm.Gateway.Costing;

/// <summary>
/// Holds a tenant's monthly API budget: before a proprietary call it reserves a pessimistic estimate atomically in Redis,
/// after it settles the real price (or releases the reservation on failure).
/// </summary>
public sealed partial class BudgetGate(SpendLedger ledger, PriceCalculator prices, TenantDirectory tenants, ILogger<BudgetGate> logger)
{
    /// <summary>A held reservation; <see cref="Unlimited"/> when the tenant has no budget.</summary>
    public sealed record Reservation(string TenantId, double EstimateUsd)
    {
        public static readonly Reservation Unlimited = new(string.Empty, 0);
    }

    /// <returns>The reservation, or null when the month's budget cannot cover the estimate.</returns>
    public async Task<Reservation?> TryReserveAsync(string tenantId, long inputTokens, int? maxOutputTokens)
    {
        var budget = tenants.PolicyFor(tenantId).MonthlyApiBudgetUsd;
        if (budget <= 0)
        {
            return Reservation.Unlimited;
        }

        var estimate = prices.Estimate(inputTokens, maxOutputTokens);
        return await ledger.TryReserveAsync(tenantId, estimate, budget) ? new Reservation(tenantId, estimate) : null;
    }

    public Task SettleAsync(Reservation? reservation, string? modelId, UsageDetails? usage) =>
        reservation is null || ReferenceEquals(reservation, Reservation.Unlimited)
            ? Task.CompletedTask
            : SafeAsync(() => ledger.SettleAsync(reservation.TenantId, reservation.EstimateUsd,
                prices.Price(Contracts.RouteNames.Proprietary, modelId, usage) ?? reservation.EstimateUsd));

    public Task ReleaseAsync(Reservation? reservation) =>
        reservation is null || ReferenceEquals(reservation, Reservation.Unlimited)
            ? Task.CompletedTask
            : SafeAsync(() => ledger.SettleAsync(reservation.TenantId, reservation.EstimateUsd, 0));

    public double MonthlyBudgetUsd(string tenantId) => tenants.PolicyFor(tenantId).MonthlyApiBudgetUsd;

    public OverBudgetAction OverBudgetAction(string tenantId) => tenants.PolicyFor(tenantId).OverBudget;

    private async Task SafeAsync(Func<Task> settle)
    {
        try
        {
            await settle();
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            LogSettleFailed(ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Budget settle failed ({Error}); the reservation stays held until month end")]
    private partial void LogSettleFailed(string error);
}
