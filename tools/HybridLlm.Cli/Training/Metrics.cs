namespace HybridLlm.Cli.Training;

/// <summary>Evaluation measures for the router's two heads.</summary>
internal static class Metrics
{
    /// <summary>
    /// Area under the ROC curve: the probability that a random positive scores above a random negative (ties
    /// count half), from average ranks (Mann–Whitney U). NaN when either class is absent.
    /// </summary>
    public static double RocAuc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        var ranks = new double[scores.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            var averageRank = ((start + end) / 2.0) + 1;
            for (var i = start; i <= end; i++)
            {
                ranks[order[i]] = averageRank;
            }

            start = end + 1;
        }

        double positives = labels.Count(l => l), negatives = labels.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        var rankSum = Enumerable.Range(0, labels.Count).Where(i => labels[i]).Sum(i => ranks[i]);
        return (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }

    /// <summary>Mean negative log-likelihood of the true class (probabilities clamped away from 0).</summary>
    public static double LogLoss(IReadOnlyList<double[]> probabilities, IReadOnlyList<int> labels) =>
        probabilities.Select((p, i) => -Math.Log(Math.Max(p[labels[i]], 1e-12))).Average();

    /// <summary>Mean negative log-likelihood of binary labels.</summary>
    public static double LogLoss(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels) =>
        probabilities.Select((p, i) => -Math.Log(Math.Max(labels[i] ? p : 1 - p, 1e-12))).Average();

    public static int ArgMax(double[] values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
