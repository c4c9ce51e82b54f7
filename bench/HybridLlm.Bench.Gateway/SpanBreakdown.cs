using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace HybridLlm.Bench.Gateway;

/// <summary>
/// Where one request's time goes, from the spans the gateway's own OpenTelemetry set-up already creates (ASP.NET Core
/// server, gen_ai chat, gRPC/HTTP client, Redis): a listener that samples nothing itself records every span that ends
/// while it is attached; per request the durations of each span path are summed, and the median over requests is
/// printed as a tree. Sequential calls only, so every trace is one request.
/// </summary>
internal sealed class SpanBreakdown : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Span> _spans = new();

    public SpanBreakdown()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref _) => ActivitySamplingResult.None,
            SampleUsingParentId = (ref _) => ActivitySamplingResult.None,
            ActivityStopped = activity => _spans.Enqueue(new Span(
                activity.TraceId, activity.SpanId, activity.ParentSpanId, activity.Source.Name, activity.DisplayName, activity.Duration)),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public static async Task<string> MeasureAsync(Scenario scenario, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var breakdown = new SpanBreakdown();
        await LoadRunner.RunAsync(scenario.Name, 1, duration, scenario.Call, cancellationToken);
        await Task.Delay(200, cancellationToken); // spans that end after the answer (server-side clean-up)
        return breakdown.Render(scenario.Name);
    }

    public void Dispose() => _listener.Dispose();

    private string Render(string scenario)
    {
        // Only the measured requests' traces (they pass through the gateway's Kestrel server); background work (the
        // spend writer's Redis batches) starts traces of its own. The first requests still tier up.
        var traces = _spans.GroupBy(s => s.TraceId)
            .Where(t => t.Any(s => s.Source == "Microsoft.AspNetCore"))
            .Skip(50)
            .ToList();
        var perPath = new Dictionary<string, List<(double Ms, int Count)>>(StringComparer.Ordinal);
        foreach (var trace in traces)
        {
            var bySpan = trace.ToDictionary(s => s.SpanId);
            foreach (var group in trace.GroupBy(s => PathOf(s, bySpan)))
            {
                if (!perPath.TryGetValue(group.Key, out var values))
                {
                    perPath[group.Key] = values = [];
                }

                values.Add((group.Sum(s => s.Duration.TotalMilliseconds), group.Count()));
            }
        }

        var text = new System.Text.StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{scenario}: {traces.Count} sequential requests; median per request of each span path (sum of its spans, × spans per request)");
        foreach (var (path, values) in perPath.Where(p => p.Value.Count >= traces.Count / 2).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var depth = path.Count(c => c == '\u001f');
            var name = path[(path.LastIndexOf('\u001f') + 1)..];
            var median = values.Select(v => v.Ms).Order().ElementAt(values.Count / 2);
            var count = values.Select(v => v.Count).Order().ElementAt(values.Count / 2);
            text.AppendLine(CultureInfo.InvariantCulture, $"{median,8:0.000} ms {new string(' ', depth * 2)}{name}{(count > 1 ? $" ×{count}" : string.Empty)}");
        }

        return text.ToString();
    }

    /// <summary>Span names from the root down, so a gateway span and the fake's span with the same name stay apart.
    /// Ordered by name only (siblings that run in parallel have no meaningful order).</summary>
    private static string PathOf(Span span, Dictionary<ActivitySpanId, Span> bySpan)
    {
        var names = new List<string>();
        for (Span? s = span; s is not null; s = bySpan.GetValueOrDefault(s.ParentSpanId))
        {
            names.Add($"[{s.Source}] {s.Name}");
        }

        names.Reverse();
        return string.Join('\u001f', names);
    }

    private sealed record Span(ActivityTraceId TraceId, ActivitySpanId SpanId, ActivitySpanId ParentSpanId, string Source, string Name, TimeSpan Duration);
}
