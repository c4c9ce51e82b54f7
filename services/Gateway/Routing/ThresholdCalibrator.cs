namespace HybridLlm.Gateway.Routing;

/// <summary>
/// Derives the strong-score threshold that sends a wanted share of auto traffic to the proprietary route, from a
/// sample of classifier scores (the calibration set the router was validated on, or recent traffic), the way RouteLLM
/// calibrates its threshold: the threshold is the (1 − share) quantile of the sample, so about <c>share</c> of the
/// scores lie at or above it (the policy routes <c>score ≥ threshold</c> to the proprietary route). Pure and
/// deterministic.
/// </summary>
public static class ThresholdCalibrator
{
    /// <summary>Computes the threshold for <paramref name="proprietaryShare"/> of traffic over <paramref name="scores"/>.</summary>
    /// <param name="scores">Strong scores in [0, 1]; at least one.</param>
    /// <param name="proprietaryShare">Wanted share of requests on the proprietary route, in [0, 1].</param>
    /// <returns>
    /// The threshold, always in [0, 1]. A share of 1 gives 0 (everything goes, even scores below the sample's lowest);
    /// a share of 0, or one too small to select a single score of the sample, gives a threshold just above the highest
    /// score (capped at 1). Ties at the threshold all count as above it, so the sample's share can exceed the wanted one.
    /// </returns>
    /// <exception cref="ArgumentException">No scores, or a score outside [0, 1] or not a number.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The share is outside [0, 1] or not a number.</exception>
    public static CalibratedThreshold Calibrate(IReadOnlyCollection<double> scores, double proprietaryShare)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (double.IsNaN(proprietaryShare) || proprietaryShare is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(proprietaryShare), proprietaryShare, "The proprietary share must be between 0 and 1.");
        }

        if (scores.Count == 0)
        {
            throw new ArgumentException("At least one score is needed to calibrate a threshold.", nameof(scores));
        }

        var sorted = scores.ToArray();
        if (Array.FindIndex(sorted, s => double.IsNaN(s) || s is < 0 or > 1) is var bad and >= 0)
        {
            throw new ArgumentException($"Score #{bad} ({sorted[bad]}) is not in [0, 1].", nameof(scores));
        }

        Array.Sort(sorted);
        var wanted = (int)Math.Round(proprietaryShare * sorted.Length, MidpointRounding.AwayFromZero);
        double threshold;
        if (proprietaryShare >= 1)
        {
            threshold = 0;
        }
        else if (wanted <= 0)
        {
            threshold = Math.Min(1, Math.BitIncrement(sorted[^1]));
        }
        else
        {
            threshold = sorted[Math.Max(0, sorted.Length - wanted)];
        }

        var atOrAbove = sorted.Length - LowerBound(sorted, threshold);
        return new CalibratedThreshold(threshold, proprietaryShare, (double)atOrAbove / sorted.Length, sorted.Length);
    }

    /// <summary>Index of the first element ≥ <paramref name="value"/> in ascending <paramref name="sorted"/>.</summary>
    private static int LowerBound(double[] sorted, double value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (sorted[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}

/// <summary>A calibrated strong-score threshold and what it does on the sample it came from.</summary>
/// <param name="Threshold">Route to the proprietary model when the strong score is at or above this, in [0, 1].</param>
/// <param name="RequestedShare">The proprietary share asked for.</param>
/// <param name="SampleShare">The share of the sample at or above <paramref name="Threshold"/> (ties can push it above the request).</param>
/// <param name="SampleSize">How many scores the threshold was derived from.</param>
public sealed record CalibratedThreshold(double Threshold, double RequestedShare, double SampleShare, int SampleSize);
