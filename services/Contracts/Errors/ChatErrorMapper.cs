using System.Globalization;
using Grpc.Core;

namespace HybridLlm.Contracts.Errors;

/// <summary>Maps what an <c>IChatClient</c> throws to the gRPC status the contract promises.</summary>
public static class ChatErrorMapper
{
    /// <summary>Trailer carrying a retry hint in milliseconds on RESOURCE_EXHAUSTED / UNAVAILABLE.</summary>
    public const string RetryAfterTrailer = "retry-after-ms";

    public static RpcException ToRpcException(Exception exception, CancellationToken requestAborted)
    {
        switch (exception)
        {
            case RpcException rpc:
                // A downstream status passes through unchanged (with its trailers), so the caller sees the real cause.
                return rpc;
            case ChatServiceException chat:
                var trailers = new Metadata();
                if (chat.RetryAfter is { } retryAfter)
                {
                    trailers.Add(RetryAfterTrailer, ((long)retryAfter.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
                }

                return new RpcException(new Status(chat.Status, chat.Message), trailers);
            case OperationCanceledException when requestAborted.IsCancellationRequested:
                return new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled by the caller."));
            case OperationCanceledException or TimeoutException:
                return new RpcException(new Status(StatusCode.DeadlineExceeded, "The backend did not answer in time."));
            case ArgumentException argument:
                return new RpcException(new Status(StatusCode.InvalidArgument, argument.Message));
            case HttpRequestException:
                return new RpcException(new Status(StatusCode.Unavailable, "The backend could not be reached; retry later."));
            default:
                return new RpcException(new Status(StatusCode.Internal, $"Unexpected {exception.GetType().Name}; see the service log."));
        }
    }

    public static TimeSpan? GetRetryAfter(RpcException exception)
    {
        var value = exception.Trailers.GetValue(RetryAfterTrailer);
        return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) ? TimeSpan.FromMilliseconds(ms) : null;
    }
}
