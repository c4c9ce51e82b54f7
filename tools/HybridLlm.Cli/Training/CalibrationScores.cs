using System.Text.Json.Serialization;

namespace HybridLlm.Cli.Training;

/// <summary>
/// <c>data/router/calibration-scores.json</c>: the strong scores the shipped weights give the validation split,
/// sorted ascending. The gateway derives its threshold for a wanted API share from their quantiles.
/// </summary>
internal sealed class CalibrationScores
{
    public const string CurrentFormat = "hybridllm-calibration/1";

    public string Format { get; set; } = CurrentFormat;

    /// <summary>Where the scores come from.</summary>
    public string Source { get; set; } = "";

    /// <summary>SHA-256 of the weights file that produced the scores.</summary>
    public string WeightsSha256 { get; set; } = "";

    public int Count { get; set; }

    /// <summary>How many of the prompts are labelled as needing the strong model.</summary>
    public int NeedsStrong { get; set; }

    /// <summary>Strong scores in [0, 1], ascending, rounded to 4 decimals as the classifier reports them.</summary>
    public double[] Scores { get; set; } = [];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CalibrationScores))]
internal sealed partial class CalibrationScoresJsonContext : JsonSerializerContext;
