using Grpc.Core;
using HybridLlm.Contracts;
using HybridLlm.Contracts.Errors;
using HybridLlm.Gateway.Costing;
using HybridLlm.Gateway.Tenancy;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace HybridLlm.Gateway.Routing;

/// <summary>
/// One backend call on the trail's current route: holds the API budget around proprietary calls and enforces the
/// route's deadlines (total for unary; time to first token and idle for streams).
/// </summary>
public sealed class RouteInvoker(IBackendClients backends, BudgetGate budget, IOptionsMonitor<DeadlineOptions> deadlines, TimeProvider timeProvider)
{
    public async Task<ChatResponse> InvokeAsync(IReadOnlyList<ChatMessage> history, ChatOptions? options, RouteTrail trail, CancellationToken cancellationToken)
    {
        var reservation = await ReserveAsync(options, trail);
        var limits = deadlines.CurrentValue.For(trail.Route);
        // One source for both the deadline and the caller's cancellation (no linked source per call).
        using var timer = new CancellationTokenSource(limits.Total, timeProvider);
        using var callerCancels = cancellationToken.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), timer);
        trail.Attempts++;
        try
        {
            var response = await backends.Get(trail.Route).GetResponseAsync(history, ForBackend(options, trail), timer.Token);
            await budget.SettleAsync(reservation, response.ModelId, response.Usage);
            return response;
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await budget.ReleaseAsync(reservation);
            throw new ChatServiceException(StatusCode.DeadlineExceeded, $"The {trail.Route} route did not answer within {limits.Total.TotalSeconds:0.#} s.");
        }
        catch
        {
            await budget.ReleaseAsync(reservation);
            throw;
        }
    }

    /// <summary>Opens a stream and waits for its first update, so a failure up to that point can still fail over.</summary>
    public async Task<IAsyncEnumerator<ChatResponseUpdate>> OpenStreamAsync(
        IReadOnlyList<ChatMessage> history, ChatOptions? options, RouteTrail trail, CancellationToken cancellationToken)
    {
        var reservation = await ReserveAsync(options, trail);
        var limits = deadlines.CurrentValue.For(trail.Route);
        var asked = RoutingRequest.From(options);
        var firstTokenDeadline = asked.LatencyBudget is { } budgetTtft && budgetTtft < limits.TimeToFirstToken
            ? budgetTtft
            : limits.TimeToFirstToken;
        var idleDeadline = asked.IdleTimeout is { } askedIdle && askedIdle < limits.Idle ? askedIdle : limits.Idle;
        var timer = new CancellationTokenSource(firstTokenDeadline, timeProvider);
        var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        trail.Attempts++;
        var inner = backends.Get(trail.Route).GetStreamingResponseAsync(history, ForBackend(options, trail), linked.Token).GetAsyncEnumerator(linked.Token);
        var stream = new DeadlineStream(inner, timer, linked, idleDeadline, trail.Route, cancellationToken,
            (modelId, usage) => budget.SettleAsync(reservation, modelId, usage), () => budget.ReleaseAsync(reservation));
        try
        {
            await stream.PrefetchFirstAsync(firstTokenDeadline);
            return stream;
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    private async Task<BudgetGate.Reservation?> ReserveAsync(ChatOptions? options, RouteTrail trail)
    {
        if (trail.Route != RouteNames.Proprietary)
        {
            return null;
        }

        var tenant = ChatMetadata.GetString(options?.AdditionalProperties, ChatMetadata.TenantId) ?? "default";
        BudgetGate.Reservation? reservation;
        try
        {
            reservation = await budget.TryReserveAsync(tenant, trail.Decision.InputTokens, options?.MaxOutputTokens);
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            reservation = null;
        }

        if (reservation is not null)
        {
            return reservation;
        }

        var monthly = budget.MonthlyBudgetUsd(tenant);
        if (budget.OverBudgetAction(tenant) == OverBudgetAction.Local && trail.Decision.CanFailOver)
        {
            trail.Reroute(RouteNames.Local, $"budget: monthly API budget ${monthly:0.##} reached (or unverifiable) → local");
            return null;
        }

        trail.BudgetRefused = true;
        if (budget.OverBudgetAction(tenant) == OverBudgetAction.Defer)
        {
            var now = timeProvider.GetUtcNow();
            var reset = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
            throw new ChatServiceException(StatusCode.ResourceExhausted,
                $"Tenant '{tenant}' has reached its monthly API budget of ${monthly:0.##}; deferred: retry after the budget resets at {reset:yyyy-MM-dd} 00:00 UTC.",
                reset - now);
        }

        throw new ChatServiceException(StatusCode.ResourceExhausted,
            $"Tenant '{tenant}' has reached its monthly API budget of ${monthly:0.##}; the proprietary route is closed until next month.");
    }

    /// <summary>The caller's options with the model the backend should use; copied only when that model differs.</summary>
    private static ChatOptions ForBackend(ChatOptions? options, RouteTrail trail)
    {
        var modelId = trail.Route == trail.Decision.Route ? trail.Decision.ModelAlias : null;
        if (options is not null && options.ModelId == modelId)
        {
            return options;
        }

        var forwarded = options?.Clone() ?? new ChatOptions();
        forwarded.ModelId = modelId;
        return forwarded;
    }
}
