using System.Globalization;
using Grpc.Core;
using HybridLlm.Contracts.Errors;
using HybridLlm.Grpc.V1;
using Microsoft.AspNetCore.Http;
using Route = HybridLlm.Grpc.V1.Route;

namespace HybridLlm.Gateway.OpenAi;

/// <summary>
/// Routing hints on the OpenAI-compatible API: <c>x-hybridllm-privacy</c> (standard|private),
/// <c>x-hybridllm-route</c> (auto|local|proprietary), <c>x-hybridllm-latency-budget-ms</c>,
/// <c>x-hybridllm-idle-timeout-ms</c>, <c>x-hybridllm-may-defer</c>,
/// <c>x-hybridllm-cache</c> (bypass), <c>x-hybridllm-tenant</c>. The same names without the prefix work in the body's
/// <c>hybridllm</c> object. Nothing here can name a host: upstreams come only from configuration.
/// </summary>
internal static class RoutingHeaders
{
    private const string Prefix = "x-hybridllm-";

    public static RoutingHints Read(IHeaderDictionary headers)
    {
        var hints = new RoutingHints();
        foreach (var (name, value) in headers)
        {
            if (name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                Apply(hints, name[Prefix.Length..], value.ToString());
            }
        }

        return hints;
    }

    public static void Apply(RoutingHints hints, string name, string value)
    {
        switch (name.ToLowerInvariant().Replace('_', '-'))
        {
            case "tenant":
                hints.TenantId = value;
                break;
            case "privacy":
                hints.Privacy = value.ToLowerInvariant() switch
                {
                    "private" => Privacy.Private,
                    "standard" or "" => Privacy.Standard,
                    _ => Invalid<Privacy>($"privacy: '{value}' is not standard or private."),
                };
                break;
            case "route":
                hints.PinnedRoute = value.ToLowerInvariant() switch
                {
                    "local" => Route.Local,
                    "proprietary" => Route.Proprietary,
                    "auto" or "" => Route.Unspecified,
                    _ => Invalid<Route>($"route: '{value}' is not auto, local or proprietary."),
                };
                break;
            case "latency-budget-ms":
                hints.LatencyBudget = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms > 0
                    ? Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromMilliseconds(ms))
                    : Invalid<Google.Protobuf.WellKnownTypes.Duration>($"latency-budget-ms: '{value}' is not a positive number.");
                break;
            case "idle-timeout-ms":
                hints.IdleTimeout = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var idleMs) && idleMs > 0
                    ? Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromMilliseconds(idleMs))
                    : Invalid<Google.Protobuf.WellKnownTypes.Duration>($"idle-timeout-ms: '{value}' is not a positive number.");
                break;
            case "may-defer":
                hints.MayDefer = bool.TryParse(value, out var defer) ? defer : Invalid<bool>($"may-defer: '{value}' is not true or false.");
                break;
            case "dry-run":
                hints.DryRun = bool.TryParse(value, out var dryRun) ? dryRun : Invalid<bool>($"dry-run: '{value}' is not true or false.");
                break;
            case "cache":
                hints.BypassCache = value.Equals("bypass", StringComparison.OrdinalIgnoreCase);
                break;
            default:
                // Unknown x-hybridllm-* headers are ignored (forward compatible), never interpreted.
                break;
        }
    }

    private static T Invalid<T>(string message) => throw new ChatServiceException(StatusCode.InvalidArgument, message);
}
