using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace HybridLlm.LocalInference.Serving;

/// <summary>
/// How the service serves, whatever the backend: which backend, the admission queue and the memory bound
/// (section <c>LocalInference</c>; <c>MaxConcurrentSequences</c> lives in <see cref="Llama.LlamaOptions"/>).
/// </summary>
public sealed class ServingOptions
{
    /// <summary>Default queue length: two more batches' worth at the default four sequences.</summary>
    public const int DefaultMaxQueuedRequests = 8;

    /// <summary><c>LlamaSharp</c> (default) or <c>OpenAICompatible</c>.</summary>
    public InferenceBackend Backend { get; set; } = InferenceBackend.LlamaSharp;

    /// <summary>
    /// Requests that may wait for a free sequence; one more is refused at once with ResourceExhausted and a
    /// retry-after hint, so the gateway fails over instead of everyone slowing down. 0 = no queue.
    /// </summary>
    [Range(0, 100_000)]
    public int MaxQueuedRequests { get; set; } = DefaultMaxQueuedRequests;

    /// <summary>Longest a request waits in the queue before it is refused with ResourceExhausted.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxQueueWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Readiness turns Unhealthy when the process working set exceeds this many bytes, so the orchestrator stops
    /// routing here and can recycle the instance before it runs out of memory. Default: 90% of the memory available
    /// to the process (the container limit, else physical memory).
    /// </summary>
    [Range(1L, long.MaxValue)]
    public long? MaxWorkingSetBytes { get; set; }
}

/// <summary>Source-generated validation of <see cref="ServingOptions"/>, run at start.</summary>
[OptionsValidator]
internal sealed partial class ServingOptionsValidator : IValidateOptions<ServingOptions>;
