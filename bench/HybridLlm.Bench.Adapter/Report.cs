using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace HybridLlm.Bench.Adapter;

/// <summary>The measurements as a Markdown table, with each variant's ratios to the direct SDK call.</summary>
internal static class Report
{
    public static string Markdown(IReadOnlyList<Measurement> measurements, string baseline)
    {
        var text = new StringBuilder();
        text.AppendLine("| Variant | Concurrency | req/s | p50 ms | p99 ms | KB allocated/req (bench process) | service CPU ms/req | peak RSS MB |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var m in measurements)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {m.Variant.Name} | {m.Concurrency} | {Throughput(m):F0} | {Percentile(m, 0.50):F2} | {Percentile(m, 0.99):F2} | " +
                $"{m.AllocatedBytes / 1024.0 / m.LatencyTicks.Count:F1} | " +
                $"{(m.Variant.Service is null ? "n/a" : (m.ServiceCpu.TotalMilliseconds / m.LatencyTicks.Count).ToString("F3", CultureInfo.InvariantCulture))} | " +
                $"{(m.PeakWorkingSet == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{m.PeakWorkingSet / 1024.0 / 1024.0:F0}{(m.Variant.Service is null ? "*" : "")}"))} |"));
        }

        text.AppendLine();
        foreach (var group in measurements.GroupBy(m => m.Concurrency))
        {
            var direct = group.Single(m => m.Variant.Name == baseline);
            foreach (var other in group.Where(m => m.Variant.Name != baseline))
            {
                text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"- {group.Key} concurrent, {other.Variant.Name} vs {baseline}: p50 x{Percentile(other, 0.5) / Percentile(direct, 0.5):F2} " +
                    $"(+{Percentile(other, 0.5) - Percentile(direct, 0.5):F2} ms), p99 x{Percentile(other, 0.99) / Percentile(direct, 0.99):F2}, " +
                    $"throughput x{Throughput(other) / Throughput(direct):F2}"));
            }
        }

        return text.ToString();
    }

    public static double Throughput(Measurement m) => m.LatencyTicks.Count / m.Elapsed.TotalSeconds;

    public static double Percentile(Measurement m, double fraction)
    {
        var sorted = m.LatencyTicks.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * fraction))] * 1000.0 / Stopwatch.Frequency;
    }
}
