using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace HybridLlm.LocalInference.Upstream;

/// <summary>
/// The OpenAI-compatible server behind <c>LocalInference:Backend=OpenAICompatible</c> (section <c>LocalInference</c>),
/// checked at start only when that backend is chosen.
/// </summary>
public sealed class UpstreamOptions
{
    /// <summary>Base URL of the server, with or without <c>/v1</c> (e.g. <c>http://gpu-box:8000</c>).</summary>
    [Required]
    public Uri? Endpoint { get; set; }

    /// <summary>The model name the upstream serves (vLLM's <c>--served-model-name</c>, an Ollama tag, …).</summary>
    [Required]
    public string? UpstreamModel { get; set; }

    /// <summary>Bearer key, when the upstream wants one. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Longest wait for the upstream's next bytes (the whole answer when not streaming).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan UpstreamTimeout { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Source-generated validation of <see cref="UpstreamOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class UpstreamOptionsValidator : IValidateOptions<UpstreamOptions>;
