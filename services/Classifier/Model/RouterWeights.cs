using System.Text.Json.Serialization;

namespace HybridLlm.Classifier.Model;

/// <summary>
/// The router's weights file as written by <c>hybridllm train</c> (snake_case JSON). Inputs are the embedding
/// followed by the interpretable features; both heads read them standardised with <see cref="Mean"/> and
/// <see cref="Std"/>. <see cref="RouterModelLoader"/> checks every dimension before anything uses it.
/// </summary>
internal sealed class RouterWeights
{
    /// <summary>The format this build reads and writes.</summary>
    public const string CurrentFormat = "hybridllm-router/1";

    public string? Format { get; set; }

    public RouterEmbeddingInfo? Embedding { get; set; }

    /// <summary>Interpretable feature names, in input order after the embedding.</summary>
    public string[]? Features { get; set; }

    /// <summary>Per-input mean over the training split.</summary>
    public float[]? Mean { get; set; }

    /// <summary>Per-input standard deviation over the training split (1 where an input was constant).</summary>
    public float[]? Std { get; set; }

    /// <summary>Multinomial logistic regression over the task labels.</summary>
    public RouterTaskHead? Task { get; set; }

    /// <summary>Logistic regression for "the small model falls short".</summary>
    public RouterStrongHead? Strong { get; set; }

    /// <summary>How the weights were made and how they scored; informational.</summary>
    public RouterTrainingInfo? Training { get; set; }
}

/// <summary>The embedding the weights were trained on.</summary>
internal sealed class RouterEmbeddingInfo
{
    public string? Model { get; set; }

    public int Dimensions { get; set; }

    /// <summary>Word-piece window the embeddings were computed with; inference must use the same.</summary>
    public int MaxTokens { get; set; }

    /// <summary>Static encoder only: word pieces at each end averaged on their own before the whole-window mean (0: none).</summary>
    public int EdgeTokens { get; set; }

    /// <summary>SHA-256 of the static embedding table the weights were trained on (static encoder only).</summary>
    public string? TableSha256 { get; set; }
}

internal sealed class RouterTaskHead
{
    /// <summary>snake_case task names, one per weight row.</summary>
    public string[]? Labels { get; set; }

    public float[][]? Weights { get; set; }

    public float[]? Bias { get; set; }
}

internal sealed class RouterStrongHead
{
    public float[]? Weights { get; set; }

    public float Bias { get; set; }
}

internal sealed class RouterTrainingInfo
{
    public string? Data { get; set; }

    public string? DataSha256 { get; set; }

    public int Seed { get; set; }

    public int TrainExamples { get; set; }

    public int ValidationExamples { get; set; }

    public double TaskL2 { get; set; }

    public double StrongL2 { get; set; }

    public double ValidationTaskAccuracy { get; set; }

    public double ValidationStrongAuc { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RouterWeights))]
internal sealed partial class RouterWeightsJsonContext : JsonSerializerContext;
