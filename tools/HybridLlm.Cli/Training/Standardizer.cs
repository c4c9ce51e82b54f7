namespace HybridLlm.Cli.Training;

/// <summary>Per-input mean and standard deviation over the training rows; constant inputs get a deviation of 1.</summary>
internal sealed class Standardizer
{
    private const double ConstantBelow = 1e-6;

    private Standardizer(float[] mean, float[] std) => (Mean, Std) = (mean, std);

    public float[] Mean { get; }

    public float[] Std { get; }

    public static Standardizer Fit(IReadOnlyList<float[]> rows)
    {
        var dimensions = rows[0].Length;
        var mean = new double[dimensions];
        var square = new double[dimensions];
        foreach (var row in rows)
        {
            for (var j = 0; j < dimensions; j++)
            {
                mean[j] += row[j];
                square[j] += (double)row[j] * row[j];
            }
        }

        var means = new float[dimensions];
        var stds = new float[dimensions];
        for (var j = 0; j < dimensions; j++)
        {
            var m = mean[j] / rows.Count;
            var variance = Math.Max(0, (square[j] / rows.Count) - (m * m));
            means[j] = (float)m;
            stds[j] = Math.Sqrt(variance) is var s && s > ConstantBelow ? (float)s : 1f;
        }

        return new Standardizer(means, stds);
    }

    public float[][] Transform(IReadOnlyList<float[]> rows) => rows.Select(row =>
    {
        var z = new float[row.Length];
        for (var j = 0; j < row.Length; j++)
        {
            z[j] = (row[j] - Mean[j]) / Std[j];
        }

        return z;
    }).ToArray();
}
