using LLama.Sampling;
using Microsoft.Extensions.AI;

namespace HybridLlm.LocalInference.Llama;

/// <summary>Builds one request's sampler from its <see cref="ChatOptions"/>.</summary>
internal static class LlamaSampling
{
    /// <summary>Temperature when the request names none (llama.cpp's own default).</summary>
    public const float DefaultTemperature = 0.8f;

    /// <summary>Whether the options fix the text: a seed, or temperature 0 (greedy).</summary>
    public static bool IsReproducible(ChatOptions? options) =>
        options?.Seed is not null || (options?.Temperature ?? DefaultTemperature) == 0;

    /// <summary>
    /// Temperature 0 is greedy and needs no seed. Otherwise the request's seed fixes the random stream, so the
    /// same prompt, options and seed give the same text however many other requests run beside it; without a
    /// seed LLamaSharp draws a random one, as hosted APIs do.
    /// </summary>
    public static ISamplingPipeline Create(ChatOptions? options)
    {
        var temperature = options?.Temperature ?? DefaultTemperature;
        if (temperature is < 0 or > 2 || float.IsNaN(temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(options), temperature, "Temperature must be between 0 and 2.");
        }

        if (options?.TopP is { } topP && (topP is <= 0 or > 1 || float.IsNaN(topP)))
        {
            throw new ArgumentOutOfRangeException(nameof(options), topP, "TopP must be greater than 0 and at most 1.");
        }

        if (options?.TopK is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.TopK, "TopK must not be negative.");
        }

        if (temperature == 0)
        {
            return new GreedySamplingPipeline();
        }

        var pipeline = new DefaultSamplingPipeline
        {
            Temperature = temperature,
            TopP = options?.TopP ?? 0.95f,
            TopK = options?.TopK ?? 40,
            // The pipeline itself rejects penalties outside [-2, 2] with ArgumentOutOfRangeException.
            FrequencyPenalty = options?.FrequencyPenalty ?? 0,
            PresencePenalty = options?.PresencePenalty ?? 0,
        };

        if (options?.Seed is { } seed)
        {
            pipeline.Seed = unchecked((uint)seed);
        }

        return pipeline;
    }
}
