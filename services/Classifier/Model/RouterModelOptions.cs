using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace HybridLlm.Classifier.Model;

/// <summary>Where the router's weights are (config section <c>Classifier</c>).</summary>
public sealed class RouterModelOptions
{
    public const string SectionName = "Classifier";

    /// <summary>The weights file written by <c>hybridllm train</c>; a relative path is read from the app's directory.</summary>
    [Required]
    public string WeightsPath { get; set; } = "Model/router-weights.json";

    /// <summary>
    /// The distilled word-piece table (<c>hybridllm distill</c>) read when the weights were trained on static
    /// embeddings; its SHA-256 must match the one the weights record. A relative path is read from the app's directory.
    /// </summary>
    [Required]
    public string StaticTablePath { get; set; } = "Model/static-embeddings.bin";

    /// <summary><see cref="WeightsPath"/> made absolute.</summary>
    public string ResolvedWeightsPath => Resolve(WeightsPath);

    /// <summary><see cref="StaticTablePath"/> made absolute.</summary>
    public string ResolvedStaticTablePath => Resolve(StaticTablePath);

    private static string Resolve(string path) =>
        Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);
}

[OptionsValidator]
public sealed partial class RouterModelOptionsValidator : IValidateOptions<RouterModelOptions>;
