using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Grpc.Core;
using HybridLlm.Contracts;
using HybridLlm.Contracts.Errors;
using HybridLlm.Grpc.V1;
using Microsoft.Extensions.Options;

namespace HybridLlm.Gateway.Routing;

/// <summary>
/// The ordered routing rules. Privacy comes first and fails closed: a private request, or one carrying personal
/// data, never reaches the proprietary route, whatever it is pinned or aliased to. Each applied rule adds a reason.
/// </summary>
public sealed class RoutingPolicy(IOptionsMonitor<RoutingOptions> options)
{
    /// <summary>Whether the classifier must run: it is skipped only when the answer is already local for certain.</summary>
    public static bool NeedsClassification(RoutingRequest request) =>
        !request.IsPrivate && request.PinnedRoute != RouteNames.Local;

    /// <param name="request">The request's routing facts.</param>
    /// <param name="classification">The classifier's answer, or null when it was skipped or unavailable.</param>
    /// <param name="classifierFailure">Why the classifier gave no answer, when it should have.</param>
    public RouteDecision Decide(RoutingRequest request, ClassifyResponse? classification, string? classifierFailure = null)
    {
        var explicitRoute = request.PinnedRoute ?? (request.ModelAlias is not null ? ResolveAlias(request.ModelAlias, options.CurrentValue) : null);
        if (explicitRoute is not null && !request.Allows(explicitRoute))
        {
            Refuse(StatusCode.PermissionDenied, $"Tenant '{request.TenantId}' may not use the {explicitRoute} route.");
        }

        var decision = DecideCore(request, classification, classifierFailure) with { InputTokens = classification?.InputTokens ?? 0 };
        if (request.Allows(decision.Route))
        {
            return decision with { CanFailOver = decision.CanFailOver && request.Allows(RouteNames.Local) && request.Allows(RouteNames.Proprietary) };
        }

        var other = decision.Route == RouteNames.Local ? RouteNames.Proprietary : RouteNames.Local;
        if (decision.Route == RouteNames.Local || !request.Allows(other))
        {
            // Local was required (privacy) or nothing else is allowed: refuse rather than send it where it may not go.
            Refuse(StatusCode.PermissionDenied, $"Tenant '{request.TenantId}' may not use the {decision.Route} route this request needs.");
        }

        return decision with { Route = other, ModelAlias = null, Reasons = [.. decision.Reasons, $"tenant policy: {decision.Route} not allowed → {other}"] };
    }

    private RouteDecision DecideCore(RoutingRequest request, ClassifyResponse? classification, string? classifierFailure)
    {
        var settings = options.CurrentValue;
        var reasons = new List<string>();
        if (classification is not null)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture,
                $"classified: task {classification.Task}, strong_score {classification.StrongScore:0.00}, {classification.InputTokens} input tokens"));
        }

        var aliasRoute = ResolveAlias(request.ModelAlias, settings);

        var mustStayLocal = false;
        if (request.IsPrivate)
        {
            reasons.Add("privacy: request marked private → local only");
            mustStayLocal = true;
        }

        if (classification is { Pii.Count: > 0 })
        {
            var kinds = string.Join(", ", classification.Pii.Select(p => p.Kind.ToString()).Distinct());
            reasons.Add($"privacy: personal data found ({kinds}) → local only");
            mustStayLocal = true;
        }

        var wantsProprietary = request.PinnedRoute == RouteNames.Proprietary || aliasRoute == RouteNames.Proprietary;
        var needsTools = request.UsesTools && !settings.LocalSupportsTools;
        if (mustStayLocal && needsTools)
        {
            Refuse(StatusCode.FailedPrecondition,
                "This request uses tools, which the local model cannot call, and it is private or contains personal data, " +
                "so it may not go to the proprietary route either; remove the tools or the private data.");
        }

        if (mustStayLocal)
        {
            if (wantsProprietary)
            {
                Refuse(StatusCode.FailedPrecondition,
                    "This request is private or contains personal data and may not use the proprietary route it asks for; " +
                    "remove the proprietary pin or model alias to serve it locally.");
            }

            return new RouteDecision(RouteNames.Local, reasons, null) { LocalOnly = true };
        }

        if (classifierFailure is not null && NeedsClassification(request))
        {
            if (wantsProprietary || needsTools)
            {
                Refuse(StatusCode.Unavailable,
                    "The classifier is unavailable, so the request cannot be checked for personal data before leaving; retry shortly.");
            }

            reasons.Add($"classifier unavailable ({classifierFailure}) → local (fail closed)");
            return new RouteDecision(RouteNames.Local, reasons, null) { LocalOnly = true };
        }

        if (needsTools)
        {
            if (request.PinnedRoute == RouteNames.Local || aliasRoute == RouteNames.Local)
            {
                Refuse(StatusCode.FailedPrecondition, "This request uses tools, which the local model cannot call; it is pinned to the local route.");
            }

            if (!settings.ProprietaryEnabled)
            {
                Refuse(StatusCode.FailedPrecondition, "This request uses tools, which only the proprietary route can call, and that route is not configured.");
            }

            reasons.Add("tools: the local model cannot call tools → proprietary");
            return new RouteDecision(RouteNames.Proprietary, reasons, request.ModelAlias);
        }

        if (request.PinnedRoute is { } pinned)
        {
            reasons.Add($"pinned: {pinned}");
            return new RouteDecision(pinned, reasons, request.ModelAlias);
        }

        if (aliasRoute is not null)
        {
            reasons.Add($"model alias '{request.ModelAlias}' → {aliasRoute}");
            return new RouteDecision(aliasRoute, reasons, request.ModelAlias);
        }

        if (!settings.ProprietaryEnabled)
        {
            reasons.Add("proprietary route not configured → local");
            return new RouteDecision(RouteNames.Local, reasons, null);
        }

        return DecideAuto(request, classification, settings, reasons) with { CanFailOver = true };
    }

    private static RouteDecision DecideAuto(RoutingRequest request, ClassifyResponse? classification, RoutingOptions settings, List<string> reasons)
    {
        var inputTokens = classification?.InputTokens ?? 0;
        if (inputTokens > settings.LongContextTokens)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"context: {inputTokens} input tokens > {settings.LongContextTokens} → proprietary"));
            return new RouteDecision(RouteNames.Proprietary, reasons, null);
        }

        if (request.LatencyBudget is { } budget && budget < settings.ProprietaryTimeToFirstTokenP95)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture,
                $"latency: budget {budget.TotalMilliseconds:0} ms < API p95 TTFT {settings.ProprietaryTimeToFirstTokenP95.TotalMilliseconds:0} ms → local"));
            return new RouteDecision(RouteNames.Local, reasons, null);
        }

        var score = classification?.StrongScore ?? 0;
        var task = classification?.Task ?? TaskType.Unspecified;
        var route = score >= settings.StrongScoreThreshold ? RouteNames.Proprietary : RouteNames.Local;
        reasons.Add(string.Create(CultureInfo.InvariantCulture,
            $"strong_score {score:0.00} {(route == RouteNames.Proprietary ? ">=" : "<")} threshold {settings.StrongScoreThreshold:0.00} (task {task}) → {route}"));
        return new RouteDecision(route, reasons, null);
    }

    private static string? ResolveAlias(string? alias, RoutingOptions settings)
    {
        if (alias is null)
        {
            return null;
        }

        if (settings.Aliases.TryGetValue(alias, out var route) && route is RouteNames.Local or RouteNames.Proprietary)
        {
            return route;
        }

        var known = string.Join(", ", new[] { RoutingRequest.AutoAlias }.Concat(settings.Aliases.Keys.Order(StringComparer.Ordinal)));
        Refuse(StatusCode.InvalidArgument, $"options.model: unknown model '{alias}'; known models: {known}.");
        return null;
    }

    [DoesNotReturn]
    private static void Refuse(StatusCode status, string message) => throw new ChatServiceException(status, message);
}
