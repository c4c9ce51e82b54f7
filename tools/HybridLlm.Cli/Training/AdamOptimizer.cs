namespace HybridLlm.Cli.Training;

/// <summary>
/// Adam over one flat parameter vector, full batch: every step sees the whole training set in a fixed order,
/// so training is deterministic. Standardised inputs make one learning rate fit all parameters.
/// </summary>
internal sealed class AdamOptimizer(int parameters, double learningRate = 0.01)
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    private readonly double[] _m = new double[parameters];
    private readonly double[] _v = new double[parameters];
    private int _step;

    public void Step(Span<double> weights, ReadOnlySpan<double> gradient)
    {
        _step++;
        var correction1 = 1 - Math.Pow(Beta1, _step);
        var correction2 = 1 - Math.Pow(Beta2, _step);
        for (var i = 0; i < weights.Length; i++)
        {
            _m[i] = (Beta1 * _m[i]) + ((1 - Beta1) * gradient[i]);
            _v[i] = (Beta2 * _v[i]) + ((1 - Beta2) * gradient[i] * gradient[i]);
            weights[i] -= learningRate * (_m[i] / correction1) / (Math.Sqrt(_v[i] / correction2) + Epsilon);
        }
    }
}
