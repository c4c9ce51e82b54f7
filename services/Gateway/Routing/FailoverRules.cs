using Grpc.Core;
using HybridLlm.Contracts;
using HybridLlm.Contracts.Errors;

namespace HybridLlm.Gateway.Routing;

/// <summary>Which failures let the router try the other route (only ever before output reached the caller).</summary>
internal static class FailoverRules
{
    public static StatusCode? StatusOf(Exception exception) => exception switch
    {
        RpcException rpc => rpc.StatusCode,
        ChatServiceException chat => chat.Status,
        HttpRequestException => StatusCode.Unavailable,
        _ => null,
    };

    /// <summary>
    /// Overload, outage and timeouts fail over; so does a proprietary route that is not configured. Bad input, policy
    /// refusals and the caller's own cancellation never do.
    /// </summary>
    public static bool CanFailOver(string failedRoute, Exception exception, CancellationToken callerToken)
    {
        if (callerToken.IsCancellationRequested)
        {
            return false;
        }

        return StatusOf(exception) switch
        {
            StatusCode.Unavailable or StatusCode.ResourceExhausted or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown => true,
            StatusCode.FailedPrecondition => failedRoute == RouteNames.Proprietary,
            _ => false,
        };
    }
}
