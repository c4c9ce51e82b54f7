using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace HybridLlm.Classifier.Embeddings;

/// <summary>How the MiniLM embedding generator runs (config section <c>Embeddings</c>).</summary>
public sealed class MiniLmEmbeddingOptions
{
    public const string SectionName = "Embeddings";

    /// <summary>
    /// Word pieces the transformer reads per text, <c>[CLS]</c> and <c>[SEP]</c> included; longer texts keep their
    /// head and tail. Transformer time grows with it. When the router's weights were trained on MiniLM itself (not on
    /// the static table), they record their window and the classifier uses that one.
    /// </summary>
    [Range(8, 512)]
    public int MaxTokens { get; set; } = 32;

    /// <summary>
    /// Word pieces read per text by the <c>Embed</c> RPC (the gateway's semantic cache), which needs the whole prompt:
    /// two prompts that differ only past a short window must not look identical. 256 is what all-MiniLM-L6-v2 was
    /// trained with.
    /// </summary>
    [Range(8, 512)]
    public int SemanticMaxTokens { get; set; } = 256;

    /// <summary>Texts run through the transformer together (padded to the longest in the group, shortest first).</summary>
    [Range(1, 256)]
    public int MaxBatchSize { get; set; } = 16;

    /// <summary>
    /// ONNX Runtime threads per call. One gives the steadiest latency when many requests run at once (each
    /// request then uses one core); batch tools run several calls in parallel instead of raising this.
    /// </summary>
    [Range(1, 64)]
    public int IntraOpThreads { get; set; } = 1;
}

[OptionsValidator]
public sealed partial class MiniLmEmbeddingOptionsValidator : IValidateOptions<MiniLmEmbeddingOptions>;
