using Grpc.Core;

namespace HybridLlm.Contracts.Errors;

/// <summary>
/// A failure with a gRPC status a caller can act on. Thrown anywhere in an <c>IChatClient</c> pipeline and
/// turned into an <see cref="RpcException"/> (with a <c>retry-after-ms</c> trailer when a retry hint is known)
/// by <see cref="ChatErrorMapper"/>. The message must never contain secrets or prompt text.
/// </summary>
public sealed class ChatServiceException(StatusCode status, string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public StatusCode Status { get; } = status;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
