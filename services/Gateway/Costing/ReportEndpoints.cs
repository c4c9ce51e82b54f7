using Google.Protobuf;
using Grpc.Core;
using HybridLlm.Gateway.OpenAi;
using HybridLlm.Gateway.Tenancy;

namespace HybridLlm.Gateway.Costing;

/// <summary><c>GET /v1/hybridllm/report?tenant=&amp;days=</c>: the spend report as JSON (proto field names).</summary>
internal static class ReportEndpoints
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithPreserveProtoFieldNames(true).WithFormatDefaultValues(true));

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/v1/hybridllm/report", GetAsync);
        return endpoints;
    }

    private static async Task GetAsync(HttpContext context, SpendReportBuilder builder, TenantDirectory tenants, string? tenant, int? days)
    {
        try
        {
            var report = await ReportGrpcService.BuildAsync(builder, tenants, TenantAuthenticationMiddleware.Current(context), tenant, days ?? 30, context.RequestAborted);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Formatter.Format(report), context.RequestAborted);
        }
        catch (RpcException ex)
        {
            await OpenAiErrors.WriteAsync(context.Response, ex, context.RequestAborted);
        }
    }
}
