using System.Globalization;

namespace HybridLlm.Bench.LocalInference;

/// <summary>The service's configuration in each phase.</summary>
internal static class ServiceSettings
{
    /// <summary>Every level fits in the sequences and nothing is refused: this phase measures batching, not shedding.</summary>
    public static Dictionary<string, string?> ForThroughput(BenchSettings settings)
    {
        var values = Common(settings);
        values["LocalInference:MaxConcurrentSequences"] = settings.Sequences.ToString(CultureInfo.InvariantCulture);
        values["LocalInference:MaxQueuedRequests"] = "10000";
        values["LocalInference:MaxQueueWait"] = "00:10:00";
        return values;
    }

    /// <summary>The shipped admission defaults (sequences, queue length, queue wait).</summary>
    public static Dictionary<string, string?> AtDefaults(BenchSettings settings) => Common(settings);

    private static Dictionary<string, string?> Common(BenchSettings settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["LocalInference:Model"] = settings.Model,
            ["LocalInference:MaxOutputTokens"] = Math.Max(settings.Tokens, 512).ToString(CultureInfo.InvariantCulture),
        };
        if (settings.Threads is { } threads)
        {
            values["LocalInference:Threads"] = threads.ToString(CultureInfo.InvariantCulture);
        }

        return values;
    }
}
