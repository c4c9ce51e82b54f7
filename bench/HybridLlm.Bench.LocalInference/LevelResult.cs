namespace HybridLlm.Bench.LocalInference;

/// <summary>One measured run: how many requests were served or shed, tokens, wall time and time-to-first-token samples.</summary>
internal sealed record LevelResult(
    int Concurrency, int Served, int Shed, long OutputTokens, TimeSpan Elapsed, IReadOnlyList<double> FirstTokenMs)
{
    public double TokensPerSecond => OutputTokens / Elapsed.TotalSeconds;

    public double FirstTokenP50 => LatencyStats.Percentile([.. FirstTokenMs], 50);

    public double FirstTokenP99 => LatencyStats.Percentile([.. FirstTokenMs], 99);

    public double FirstTokenMax => FirstTokenMs.Count == 0 ? double.NaN : FirstTokenMs.Max();
}
