namespace HybridLlm.Cli.Training;

/// <summary>
/// Picks each head's L2 strength by grouped k-fold cross-validation on the training split only, so the validation
/// split stays untouched until the final report. Whole template groups go to one fold (a seeded shuffle of the
/// groups), so held-out folds measure generalisation to new phrasings rather than to new slot values. The
/// criterion is held-out log loss; on a tie the stronger regularisation wins.
/// </summary>
internal static class RegularizationSearch
{
    public static readonly double[] Candidates = [1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1.0];

    public const int Folds = 5;

    public static (double Best, IReadOnlyList<(double L2, double LogLoss)> Table) ForTask(
        float[][] x, int[] y, string[] groups, int classes, int epochs, int seed, CancellationToken cancellationToken) =>
        Search(groups, seed, cancellationToken, (train, test, l2) =>
        {
            var model = SoftmaxRegression.Fit(train.Select(i => x[i]).ToArray(), train.Select(i => y[i]).ToArray(), classes, l2, epochs);
            return test.Select(i => -Math.Log(Math.Max(model.Probabilities(x[i])[y[i]], 1e-12))).ToArray();
        });

    public static (double Best, IReadOnlyList<(double L2, double LogLoss)> Table) ForStrong(
        float[][] x, bool[] y, string[] groups, int epochs, int seed, CancellationToken cancellationToken) =>
        Search(groups, seed, cancellationToken, (train, test, l2) =>
        {
            var model = LogisticRegression.Fit(train.Select(i => x[i]).ToArray(), train.Select(i => y[i]).ToArray(), l2, epochs);
            return test.Select(i => -Math.Log(Math.Max(y[i] ? model.Probability(x[i]) : 1 - model.Probability(x[i]), 1e-12))).ToArray();
        });

    private static (double Best, IReadOnlyList<(double L2, double LogLoss)> Table) Search(
        string[] groups, int seed, CancellationToken cancellationToken, Func<int[], int[], double, double[]> heldOutLosses)
    {
        var rows = groups.Length;
        var distinct = groups.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        new Random(seed).Shuffle(distinct);
        var foldOfGroup = distinct.Select((g, i) => (g, i)).ToDictionary(t => t.g, t => t.i % Folds, StringComparer.Ordinal);
        var fold = groups.Select(g => foldOfGroup[g]).ToArray();

        var jobs = Candidates.SelectMany(l2 => Enumerable.Range(0, Folds).Select(f => (l2, f))).ToArray();
        var sums = new double[jobs.Length];
        Parallel.For(0, jobs.Length, new ParallelOptions { CancellationToken = cancellationToken }, job =>
        {
            var (l2, f) = jobs[job];
            var train = Enumerable.Range(0, rows).Where(i => fold[i] != f).ToArray();
            var test = Enumerable.Range(0, rows).Where(i => fold[i] == f).ToArray();
            sums[job] = heldOutLosses(train, test, l2).Sum();
        });

        var table = Candidates.Select((l2, c) => (l2, Enumerable.Range(0, Folds).Sum(f => sums[(c * Folds) + f]) / rows)).ToArray();
        var best = table.OrderBy(t => Math.Round(t.Item2, 6)).ThenByDescending(t => t.l2).First().l2;
        return (best, table);
    }
}
