using HybridLlm.Classifier.Model;

namespace HybridLlm.Cli.Training;

/// <summary>
/// Binary logistic regression with L2 on the weights (not the bias), fitted by full-batch Adam from zero:
/// deterministic. Inputs must be standardised.
/// </summary>
internal sealed class LogisticRegression
{
    private LogisticRegression(float[] weights, float bias) => (Weights, Bias) = (weights, bias);

    public float[] Weights { get; }

    public float Bias { get; }

    public static LogisticRegression Fit(IReadOnlyList<float[]> x, IReadOnlyList<bool> y, double l2, int epochs)
    {
        var n = x.Count;
        var d = x[0].Length;
        var parameters = new double[d + 1];
        var gradient = new double[d + 1];
        var weights = new float[d];
        var sum = new float[d];
        var adam = new AdamOptimizer(parameters.Length);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            for (var j = 0; j < d; j++)
            {
                weights[j] = (float)parameters[j];
            }

            Array.Clear(sum);
            double biasSum = 0;
            for (var i = 0; i < n; i++)
            {
                var g = LinearMath.Sigmoid(LinearMath.Dot(weights, x[i]) + parameters[d]) - (y[i] ? 1 : 0);
                LinearMath.AddScaled(sum, x[i], (float)g);
                biasSum += g;
            }

            for (var j = 0; j < d; j++)
            {
                gradient[j] = (sum[j] / (double)n) + (l2 * parameters[j]);
            }

            gradient[d] = biasSum / n;
            adam.Step(parameters, gradient);
        }

        return new LogisticRegression(parameters[..d].Select(w => (float)w).ToArray(), (float)parameters[d]);
    }

    /// <summary>P(positive) for one standardised input.</summary>
    public double Probability(float[] z) => LinearMath.Sigmoid(LinearMath.Dot(Weights, z) + Bias);
}
