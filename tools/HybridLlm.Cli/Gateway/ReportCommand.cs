using System.CommandLine;
using System.Globalization;
using Grpc.Core;
using HybridLlm.Grpc.V1;
using Spectre.Console;

namespace HybridLlm.Cli.Gateway;

/// <summary><c>report</c>: spend by route, the all-API counterfactual, savings and the self-host crossover.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var gateway = new GatewayOptions();
        var days = new Option<int>("--days") { Description = "Window ending today, in days (1..400).", DefaultValueFactory = _ => 30 };
        var tenant = new Option<string?>("--tenant") { Description = "One tenant (default: yours, or all without keys)." };
        var command = new Command("report", "Spend by route, all-API counterfactual, savings and the self-host crossover.") { days, tenant };
        gateway.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var channel = gateway.Channel(parse);
            try
            {
                var report = await new ReportService.ReportServiceClient(channel).GetSpendReportAsync(
                    new SpendReportRequest { Days = parse.GetValue(days), TenantId = parse.GetValue(tenant) ?? string.Empty },
                    gateway.Headers(parse), cancellationToken: ct);
                Render(report);
                return ExitCodes.Ok;
            }
            catch (RpcException ex)
            {
                return GatewayErrors.Report(ex);
            }
        });
        return command;
    }

    private static void Render(SpendReport report)
    {
        var console = AnsiConsole.Console;
        var table = new Table().Title($"Spend over {report.Days} days").AddColumns("route", "requests", "input tokens", "output tokens", "cost (USD)");
        foreach (var route in report.Routes)
        {
            table.AddRow(route.Route, Int(route.Requests), Int(route.InputTokens), Int(route.OutputTokens), Usd(route.CostUsd));
        }

        table.AddRow("[bold]total[/]", string.Empty, string.Empty, string.Empty, $"[bold]{Usd(report.ActualCostUsd)}[/]");
        console.Write(table);
        console.Write(new BarChart().Width(60).Label("Actual versus all-API (USD)")
            .AddItem("actual", Math.Round(report.ActualCostUsd, 6), Color.Green)
            .AddItem("all-API", Math.Round(report.AllApiCostUsd, 6), Color.Red));
        console.MarkupLineInterpolated($"Savings: [bold]{Usd(report.SavingsUsd)}[/] ({report.SavingsPercent.ToString("0.0", CultureInfo.InvariantCulture)}%)");
        console.MarkupLineInterpolated($"Projected all-API spend: {Usd(report.ProjectedMonthlyApiUsd)}/month; self-hosting: {Usd(report.SelfHostMonthlyUsd)}/month");
        console.MarkupLineInterpolated($"{report.Verdict}");
    }

    private static string Int(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Usd(double value) => "$" + value.ToString(value < 1 ? "0.000000" : "N2", CultureInfo.InvariantCulture);
}
