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

    /// <summary>
    /// Used when <c>LocalInference:Model</c> is not set: Qwen2.5 0.5B Instruct, 4-bit (Q4_K_M, about 0.4 GB), from its
    /// public Hugging Face repository. No digest is pinned in code (none was verified here): the download is checked
    /// against the SHA-256 the hub states in <c>X-Linked-Etag</c>, or against <see cref="ModelSha256"/> when set.
    /// </summary>
    public const string DefaultModelUrl =
        "https://huggingface.co/Qwen/Qwen2.5-0.5B-Instruct-GGUF/resolve/main/qwen2.5-0.5b-instruct-q4_k_m.gguf";

    /// <summary>The GGUF model: a local path, or an http(s) URL downloaded into <see cref="ModelCacheDirectory"/>.</summary>
    [Required]
    public string Model { get; set; } = DefaultModelUrl;

    /// <summary>
    /// Expected SHA-256 of the model file (64 hex digits, optionally <c>sha256:</c>-prefixed). A file that differs is
    /// refused at start, local or downloaded. Without it a download must be vouched for by the server's
    /// <c>X-Linked-Etag</c> over https, and a local file is loaded as it is (its digest still reported).
    /// </summary>
    [RegularExpression("^(sha256:)?[0-9a-fA-F]{64}$")]
    public string? ModelSha256 { get; set; }

    /// <summary>Where downloaded models are kept between runs. Default: <c>~/.local/share/HybridLlm/models</c> (per user).</summary>
    [Required]
    public string ModelCacheDirectory { get; set; } = DefaultCacheDirectory();

    /// <summary>
    /// Context window of one request (prompt plus output), in tokens. Defaults to 2048, or to the model's
    /// training context when that is smaller.
    /// </summary>
    [Range(64, 1_048_576)]
    public int? ContextSize { get; set; }

    /// <summary>
    /// How many requests are decoded together; further requests wait in the admission queue. With the
    /// OpenAICompatible backend: how many requests are in flight to the upstream at once.
    /// </summary>
    [Range(1, 64)]
    public int MaxConcurrentSequences { get; set; } = 4;

    /// <summary>
    /// Layers offloaded to a GPU; 0 runs everything on the CPU. Takes effect only with a GPU backend package
    /// (e.g. LLamaSharp.Backend.Cuda12) added to the service; the CPU backend ignores it.
    /// </summary>
    [Range(0, 1024)]
    public int GpuLayerCount { get; set; }

    /// <summary>Upper bound on generated tokens per request; a request may ask for fewer, never more.</summary>
    [Range(1, 1_048_576)]
    public int MaxOutputTokens { get; set; } = 512;

    /// <summary>CPU threads used for decoding; unset lets llama.cpp choose (half the logical cores).</summary>
    [Range(1, 1024)]
    public int? Threads { get; set; }

    private static string DefaultCacheDirectory()
    {
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return Path.Combine(root.Length > 0 ? root : Path.GetTempPath(), "HybridLlm", "models");
    }
}

/// <summary>Source-generated validation of <see cref="LlamaOptions"/>' data annotations, run at start.</summary>
[OptionsValidator]
internal sealed partial class LlamaOptionsValidator : IValidateOptions<LlamaOptions>;
