using System.Text.Json;

namespace HybridLlm.Gateway.Routing;

/// <summary>
/// Reads the calibration scores the router's training writes (<c>data/router/calibration-scores.json</c>, format
/// <c>hybridllm-calibration/1</c>): the strong scores the shipped classifier gives its validation prompts. Feed
/// <see cref="Scores"/> to <see cref="ThresholdCalibrator.Calibrate"/>.
/// </summary>
public sealed record CalibrationScoreSet(IReadOnlyList<double> Scores, string Source, string WeightsSha256)
{
    public const string Format = "hybridllm-calibration/1";

    /// <exception cref="InvalidDataException">Not JSON, another format, or no usable scores.</exception>
    public static CalibrationScoreSet Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var format = root.TryGetProperty("format", out var f) ? f.GetString() : null;
            if (format != Format)
            {
                throw new InvalidDataException($"Calibration scores have format '{format}', expected '{Format}'.");
            }

            if (!root.TryGetProperty("scores", out var array) || array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
            {
                throw new InvalidDataException("Calibration scores need a non-empty 'scores' array.");
            }

            var scores = array.EnumerateArray().Select(e => e.GetDouble()).ToArray();
            if (Array.FindIndex(scores, s => double.IsNaN(s) || s is < 0 or > 1) is var bad and >= 0)
            {
                throw new InvalidDataException($"Calibration score #{bad} ({scores[bad]}) is not in [0, 1].");
            }

            return new CalibrationScoreSet(
                scores,
                root.TryGetProperty("source", out var s) ? s.GetString() ?? "" : "",
                root.TryGetProperty("weights_sha256", out var w) ? w.GetString() ?? "" : "");
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            throw new InvalidDataException($"Calibration scores are not valid: {ex.Message}", ex);
        }
    }
}
