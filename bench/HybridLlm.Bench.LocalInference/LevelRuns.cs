namespace HybridLlm.Bench.LocalInference;

/// <summary>The repeated runs of one concurrency level, per side.</summary>
internal sealed class LevelRuns
{
    /// <summary>LLamaSharp's BatchedExecutor used directly.</summary>
    public List<LevelResult> Raw { get; } = [];

    /// <summary>The service's IChatClient pipeline, in-process (no gRPC).</summary>
    public List<LevelResult> Pipeline { get; } = [];

    /// <summary>The service through gRPC over loopback TCP: what a caller gets.</summary>
    public List<LevelResult> Grpc { get; } = [];
}
