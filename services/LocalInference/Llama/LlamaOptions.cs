using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace HybridLlm.LocalInference.Llama;

/// <summary>In-process llama.cpp settings, bound from the <c>LocalInference</c> configuration section.</summary>
public sealed class LlamaOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "LocalInference";

    /// <summary>Default context per sequence, in tokens, when neither configuration nor a smaller model says otherwise.</summary>
    public const int DefaultContextSizeTokens = 2048;

    /// <summary>Path of the GGUF model file to load.</summary>
    [Required]
    public string Model { get; set; } = "";

    /// <summary>
    /// Context window of one request (prompt plus output), in tokens. Defaults to 2048, or to the model's
    /// training context when that is smaller.
    /// </summary>
    [Range(64, 1_048_576)]
    public int? ContextSize { get; set; }

    /// <summary>How many requests are decoded together; further requests wait for a free sequence.</summary>
    [Range(1, 64)]
    public int MaxConcurrentSequences { get; set; } = 4;

    /// <summary>Layers offloaded to a GPU; 0 runs everything on the CPU.</summary>
    [Range(0, 1024)]
    public int GpuLayerCount { get; set; }

    /// <summary>Upper bound on generated tokens per request; a request may ask for fewer, never more.</summary>
    [Range(1, 1_048_576)]
    public int MaxOutputTokens { get; set; } = 512;

    /// <summary>CPU threads used for decoding; unset lets llama.cpp choose (half the logical cores).</summary>
    [Range(1, 1024)]
    public int? Threads { get; set; }
}

/// <summary>Source-generated validation of <see cref="LlamaOptions"/>' data annotations, run at start.</summary>
[OptionsValidator]
internal sealed partial class LlamaOptionsValidator : IValidateOptions<LlamaOptions>;
