using System.Globalization;
using System.Text.Json;
using Grpc.Core;
using HybridLlm.Contracts.Errors;
using Microsoft.AspNetCore.Http;

namespace HybridLlm.Gateway.OpenAi;

/// <summary>gRPC statuses as OpenAI-shaped HTTP errors: <c>{"error": {"message", "type", "code"}}</c> with a matching status code.</summary>
internal static class OpenAiErrors
{
    public static (int HttpStatus, string Type) Classify(StatusCode status) => status switch
    {
        StatusCode.InvalidArgument or StatusCode.OutOfRange => (StatusCodes.Status400BadRequest, "invalid_request_error"),
        StatusCode.FailedPrecondition => (StatusCodes.Status400BadRequest, "invalid_request_error"),
        StatusCode.Unauthenticated => (StatusCodes.Status401Unauthorized, "authentication_error"),
        StatusCode.PermissionDenied => (StatusCodes.Status403Forbidden, "permission_error"),
        StatusCode.NotFound => (StatusCodes.Status404NotFound, "not_found_error"),
        StatusCode.ResourceExhausted => (StatusCodes.Status429TooManyRequests, "rate_limit_error"),
        StatusCode.Unimplemented => (StatusCodes.Status501NotImplemented, "invalid_request_error"),
        StatusCode.Cancelled => (499, "cancelled"),
        StatusCode.DeadlineExceeded => (StatusCodes.Status504GatewayTimeout, "timeout_error"),
        StatusCode.Unavailable => (StatusCodes.Status503ServiceUnavailable, "service_unavailable"),
        _ => (StatusCodes.Status500InternalServerError, "api_error"),
    };

    public static async Task WriteAsync(HttpResponse response, RpcException error, CancellationToken cancellationToken)
    {
        var (status, type) = Classify(error.StatusCode);
        response.StatusCode = status;
        response.ContentType = "application/json";
        if (ChatErrorMapper.GetRetryAfter(error) is { } retryAfter)
        {
            response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        await using var json = new Utf8JsonWriter(response.Body);
        WriteBody(json, error, type);
        await json.FlushAsync(cancellationToken);
    }

    public static void WriteBody(Utf8JsonWriter json, RpcException error, string? type = null)
    {
        json.WriteStartObject();
        json.WriteStartObject("error");
        json.WriteString("message", error.Status.Detail);
        json.WriteString("type", type ?? Classify(error.StatusCode).Type);
        json.WriteString("code", error.StatusCode.ToString());
        json.WriteNull("param");
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
