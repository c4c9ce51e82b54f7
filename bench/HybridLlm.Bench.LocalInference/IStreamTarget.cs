namespace HybridLlm.Bench.LocalInference;

/// <summary>Something that serves one streamed request of the benchmark's prompt set.</summary>
internal interface IStreamTarget
{
    Task<StreamOutcome> StreamAsync(int index);
}
