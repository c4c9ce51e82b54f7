using Grpc.Core;
using HybridLlm.Contracts.Errors;
using HybridLlm.Gateway.OpenAi;

namespace HybridLlm.Gateway.Tenancy;

/// <summary>
/// Authenticates every chat call (gRPC metadata and HTTP headers are both request headers): <c>Authorization: Bearer</c>
/// against hashed tenant keys. Missing or wrong key → 401 / UNAUTHENTICATED when keys are required. Health endpoints
/// and the gRPC health service are not chat calls and pass through.
/// </summary>
internal sealed class TenantAuthenticationMiddleware(RequestDelegate next, TenantDirectory directory)
{
    public const string ItemKey = "hybridllm.tenant";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsChatCall(context.Request.Path))
        {
            await next(context);
            return;
        }

        var bearer = ReadBearer(context.Request.Headers.Authorization.ToString());
        TenantContext? tenant = null;
        if (bearer is not null)
        {
            tenant = directory.FindByApiKey(bearer);
            if (tenant is null && directory.RequireApiKey)
            {
                await RejectAsync(context, "The API key is not valid.");
                return;
            }
        }
        else if (directory.RequireApiKey)
        {
            await RejectAsync(context, "An API key is required: send Authorization: Bearer <key>.");
            return;
        }

        context.Items[ItemKey] = tenant;
        await next(context);
    }

    public static TenantContext? Current(HttpContext? context) =>
        context?.Items.TryGetValue(ItemKey, out var value) == true ? value as TenantContext : null;

    private static bool IsChatCall(PathString path) =>
        path.StartsWithSegments("/v1") || path.StartsWithSegments("/hybridllm.v1.ChatService") || path.StartsWithSegments("/hybridllm.v1.ReportService");

    private static string? ReadBearer(string header) =>
        header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;

    private static async Task RejectAsync(HttpContext context, string message)
    {
        var error = new RpcException(new Status(StatusCode.Unauthenticated, message));
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            // A gRPC caller expects trailers, not an HTTP error page.
            // "Trailers-Only" form: status in the headers of an empty response.
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = ((int)StatusCode.Unauthenticated).ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
            return;
        }

        await OpenAiErrors.WriteAsync(context.Response, error, context.RequestAborted);
    }
}
