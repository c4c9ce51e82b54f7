using HybridLlm.Classifier.Model;

namespace HybridLlm.Cli.Training;

/// <summary>
/// Multinomial logistic regression (softmax) with L2 on the weights (not the biases), fitted by full-batch Adam
/// from zero: the same data always gives the same weights. Inputs must be standardised.
/// </summary>
internal sealed class SoftmaxRegression
{
    private SoftmaxRegression(float[][] weights, float[] bias) => (Weights, Bias) = (weights, bias);

    /// <summary>One row of input weights per class.</summary>
    public float[][] Weights { get; }

    public float[] Bias { get; }

    public static SoftmaxRegression Fit(IReadOnlyList<float[]> x, IReadOnlyList<int> y, int classes, double l2, int epochs)
    {
        var n = x.Count;
        var d = x[0].Length;
        var stride = d + 1;
        var parameters = new double[classes * stride];
        var gradient = new double[parameters.Length];
        var adam = new AdamOptimizer(parameters.Length);
        var weights = new float[classes][];
        var bias = new float[classes];
        var p = new double[classes];
        var sums = Enumerable.Range(0, classes).Select(_ => new float[d]).ToArray();
        var biasSums = new double[classes];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            Export(parameters, classes, d, weights, bias);
            foreach (var sum in sums)
            {
                Array.Clear(sum);
            }

            Array.Clear(biasSums);
            for (var i = 0; i < n; i++)
            {
                for (var k = 0; k < classes; k++)
                {
                    p[k] = LinearMath.Dot(weights[k], x[i]) + bias[k];
                }

                LinearMath.SoftmaxInPlace(p);
                for (var k = 0; k < classes; k++)
                {
                    var g = p[k] - (y[i] == k ? 1 : 0);
                    LinearMath.AddScaled(sums[k], x[i], (float)g);
                    biasSums[k] += g;
                }
            }

            for (var k = 0; k < classes; k++)
            {
                var offset = k * stride;
                for (var j = 0; j < d; j++)
                {
                    gradient[offset + j] = (sums[k][j] / (double)n) + (l2 * parameters[offset + j]);
                }

                gradient[offset + d] = biasSums[k] / n;
            }

            adam.Step(parameters, gradient);
        }

        Export(parameters, classes, d, weights, bias);
        return new SoftmaxRegression(weights, bias);
    }

    /// <summary>Class probabilities for one standardised input.</summary>
    public double[] Probabilities(float[] z)
    {
        var p = new double[Bias.Length];
        for (var k = 0; k < p.Length; k++)
        {
            p[k] = LinearMath.Dot(Weights[k], z) + Bias[k];
        }

        LinearMath.SoftmaxInPlace(p);
        return p;
    }

    private static void Export(double[] parameters, int classes, int d, float[][] weights, float[] bias)
    {
        for (var k = 0; k < classes; k++)
        {
            weights[k] ??= new float[d];
            for (var j = 0; j < d; j++)
            {
                weights[k][j] = (float)parameters[(k * (d + 1)) + j];
            }

            bias[k] = (float)parameters[(k * (d + 1)) + d];
        }
    }
}
