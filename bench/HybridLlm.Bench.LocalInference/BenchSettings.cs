using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace HybridLlm.Bench.LocalInference;

/// <summary>What to measure, from <c>--Key=Value</c> arguments.</summary>
internal sealed record BenchSettings
{
    /// <summary>GGUF model both sides use (default: the shared stories260K beside the repository).</summary>
    public required string Model { get; init; }

    /// <summary>Output tokens asked per request.</summary>
    public int Tokens { get; init; } = 128;

    /// <summary>Requests each concurrent caller sends back to back, per concurrency level.</summary>
    public int RequestsPerCaller { get; init; } = 8;

    /// <summary>Concurrency levels of the throughput phase.</summary>
    public IReadOnlyList<int> Levels { get; init; } = [1, 2, 4, 8];

    /// <summary>MaxConcurrentSequences of the service in the throughput phase (all levels fit, nothing queues).</summary>
    public int Sequences { get; init; } = 8;

    /// <summary>Callers that arrive at once in each wave of the past-capacity phase (service at its defaults).</summary>
    public int OverloadCallers { get; init; } = 32;

    /// <summary>Waves of the past-capacity phase.</summary>
    public int OverloadWaves { get; init; } = 3;

    /// <summary>
    /// Requests carry a seed (reproducible: the service keeps even a lone decode on the batched kernel) or none
    /// (a random draw, decoded the cheapest way). Both sides get the same choice.
    /// </summary>
    public bool Seeded { get; init; } = true;

    /// <summary>Runs per level and side; the best tokens/s is reported (a shared machine is noisy).</summary>
    public int Repeats { get; init; } = 3;

    /// <summary>CPU threads for llama.cpp; unset lets it choose (as the service does by default).</summary>
    public int? Threads { get; init; }

    public static BenchSettings FromArgs(string[] args)
    {
        var config = new ConfigurationBuilder().AddCommandLine(args).Build();
        return new BenchSettings
        {
            Model = Path.GetFullPath(config["Model"] ?? FindStories()),
            Tokens = config.GetValue("Tokens", 128),
            RequestsPerCaller = config.GetValue("RequestsPerCaller", 8),
            Levels = config["Levels"] is { } levels
                ? [.. levels.Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture))]
                : [1, 2, 4, 8],
            Sequences = config.GetValue("Sequences", 8),
            OverloadCallers = config.GetValue("OverloadCallers", 32),
            OverloadWaves = config.GetValue("OverloadWaves", 3),
            Repeats = config.GetValue("Repeats", 3),
            Seeded = config.GetValue("Seeded", true),
            Threads = config.GetValue<int?>("Threads"),
        };
    }

    /// <summary><c>--MakeRandomModel=out.gguf</c>, with <c>--Vocabulary</c> (default: the shared LLaMA vocabulary GGUF).</summary>
    public static (string Vocabulary, string Output)? RandomModelRequest(string[] args)
    {
        var config = new ConfigurationBuilder().AddCommandLine(args).Build();
        return config["MakeRandomModel"] is { } output
            ? (Path.GetFullPath(config["Vocabulary"] ?? FindShared("ggml-vocab-llama-spm.gguf")), Path.GetFullPath(output))
            : null;
    }

    private static string FindStories() => FindShared("stories260K.gguf");

    private static string FindShared(string file)
    {
        var relative = $"shared/models/{file}";
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Pass --Model=<file.gguf>: no directory above {AppContext.BaseDirectory} contains {relative}.");
    }
}
