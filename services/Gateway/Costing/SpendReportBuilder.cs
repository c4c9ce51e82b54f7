using System.Globalization;
using HybridLlm.Contracts;
using HybridLlm.Grpc.V1;
using Microsoft.Extensions.Options;

namespace HybridLlm.Gateway.Costing;

/// <summary>
/// Builds the spend report (by route, all-API counterfactual, savings, self-host crossover) from the ledger, after this
/// replica's queued records reached it, so a caller sees its own traffic counted.
/// </summary>
public sealed class SpendReportBuilder(SpendLedger ledger, SpendRecordWriter writer, IOptionsMonitor<CrossoverOptions> crossover)
{
    public const int MaxDays = 400;

    public async Task<SpendReport> BuildAsync(IReadOnlyList<string>? tenantIds, int days, CancellationToken cancellationToken)
    {
        await writer.FlushAsync(cancellationToken);
        var tenants = tenantIds ?? await ledger.TenantsAsync();
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var tenant in tenants)
        {
            foreach (var (field, value) in await ledger.ReadDaysAsync(tenant, days))
            {
                totals[field] = totals.GetValueOrDefault(field) + value;
            }
        }

        var report = new SpendReport { Days = days };
        report.TenantIds.AddRange(tenants);
        foreach (var route in new[] { RouteNames.Local, RouteNames.Proprietary })
        {
            report.Routes.Add(new RouteSpend
            {
                Route = route,
                Requests = (long)totals.GetValueOrDefault($"{route}:requests"),
                InputTokens = (long)totals.GetValueOrDefault($"{route}:input_tokens"),
                OutputTokens = (long)totals.GetValueOrDefault($"{route}:output_tokens"),
                CostUsd = totals.GetValueOrDefault($"{route}:cost_usd"),
            });
        }

        report.ActualCostUsd = report.Routes.Sum(r => r.CostUsd);
        report.AllApiCostUsd = totals.GetValueOrDefault("all_api_cost_usd");
        report.SavingsUsd = report.AllApiCostUsd - report.ActualCostUsd;
        report.SavingsPercent = report.AllApiCostUsd > 0 ? 100 * report.SavingsUsd / report.AllApiCostUsd : 0;
        report.ProjectedMonthlyApiUsd = report.AllApiCostUsd / days * 30;
        report.SelfHostMonthlyUsd = crossover.CurrentValue.SelfHostMonthlyUsd;
        report.SelfHostingPays = report.ProjectedMonthlyApiUsd > report.SelfHostMonthlyUsd;
        report.Verdict = report.SelfHostingPays
            ? string.Create(CultureInfo.InvariantCulture,
                $"At this volume all-API would cost ${report.ProjectedMonthlyApiUsd:N0}/month, above the ${report.SelfHostMonthlyUsd:N0}/month of self-hosting: self-hosting pays.")
            : string.Create(CultureInfo.InvariantCulture,
                $"At this volume all-API would cost ${report.ProjectedMonthlyApiUsd:N2}/month, below the ${report.SelfHostMonthlyUsd:N0}/month of self-hosting (GPUs + ops time): the API is cheaper; route only what the local model already serves well.");
        return report;
    }
}
