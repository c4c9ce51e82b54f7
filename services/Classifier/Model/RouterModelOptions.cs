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

    /// <summary><see cref="WeightsPath"/> made absolute.</summary>
    public string ResolvedWeightsPath =>
        Path.IsPathRooted(WeightsPath) ? WeightsPath : Path.Combine(AppContext.BaseDirectory, WeightsPath);
}

[OptionsValidator]
public sealed partial class RouterModelOptionsValidator : IValidateOptions<RouterModelOptions>;
