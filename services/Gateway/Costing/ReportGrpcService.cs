using Grpc.Core;
using HybridLlm.Gateway.Tenancy;
using HybridLlm.Grpc.V1;

namespace HybridLlm.Gateway.Costing;

/// <summary>The spend report over gRPC; HTTP callers use <c>GET /v1/hybridllm/report</c>.</summary>
internal sealed class ReportGrpcService(SpendReportBuilder builder, TenantDirectory tenants) : ReportService.ReportServiceBase
{
    public override Task<SpendReport> GetSpendReport(SpendReportRequest request, ServerCallContext context) =>
        BuildAsync(builder, tenants, TenantAuthenticationMiddleware.Current(context.GetHttpContext()), request.TenantId, request.Days, context.CancellationToken);

    /// <summary>Shared by gRPC and HTTP: a keyed caller sees only itself; an anonymous one (development) may ask for any.</summary>
    public static Task<SpendReport> BuildAsync(SpendReportBuilder builder, TenantDirectory tenants, TenantContext? caller, string? tenantId, int days, CancellationToken cancellationToken)
    {
        days = days == 0 ? 30 : days;
        if (days is < 1 or > SpendReportBuilder.MaxDays)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"days: must be between 1 and {SpendReportBuilder.MaxDays}."));
        }

        if (caller is { Authenticated: true })
        {
            if (!string.IsNullOrEmpty(tenantId) && tenantId != caller.TenantId)
            {
                throw new RpcException(new Status(StatusCode.PermissionDenied, "A tenant may only read its own report."));
            }

            return builder.BuildAsync([caller.TenantId], days, cancellationToken);
        }

        if (tenants.RequireApiKey)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "An API key is required."));
        }

        return builder.BuildAsync(string.IsNullOrEmpty(tenantId) ? null : [tenantId], days, cancellationToken);
    }
}
