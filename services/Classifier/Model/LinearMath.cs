using System.Numerics;
using System.Runtime.InteropServices;

namespace HybridLlm.Classifier.Model;

/// <summary>The few vector operations the router's linear models need, shared by training and inference.</summary>
internal static class LinearMath
{
    /// <summary>Σ a[i]·b[i], SIMD-accelerated; the lengths must match.</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"Lengths differ: {a.Length} and {b.Length}.", nameof(b));
        }

        var sum = Vector<float>.Zero;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var va = MemoryMarshal.Cast<float, Vector<float>>(a);
            var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
            for (var v = 0; v < va.Length; v++)
            {
                sum += va[v] * vb[v];
            }

            i = va.Length * Vector<float>.Count;
        }

        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }

    /// <summary><paramref name="target"/>[i] += <paramref name="scale"/>·<paramref name="x"/>[i], SIMD-accelerated (training's gradient sums).</summary>
    public static void AddScaled(Span<float> target, ReadOnlySpan<float> x, float scale)
    {
        if (target.Length != x.Length)
        {
            throw new ArgumentException($"Lengths differ: {target.Length} and {x.Length}.", nameof(x));
        }

        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vt = MemoryMarshal.Cast<float, Vector<float>>(target);
            var vx = MemoryMarshal.Cast<float, Vector<float>>(x);
            var vs = new Vector<float>(scale);
            for (var v = 0; v < vt.Length; v++)
            {
                vt[v] += vx[v] * vs;
            }

            i = vt.Length * Vector<float>.Count;
        }

        for (; i < target.Length; i++)
        {
            target[i] += scale * x[i];
        }
    }

    /// <summary>The logistic function, safe for large |x|.</summary>
    public static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    /// <summary>Replaces <paramref name="logits"/> with their softmax (max-subtracted, so it never overflows).</summary>
    public static void SoftmaxInPlace(Span<double> logits)
    {
        var max = double.NegativeInfinity;
        foreach (var value in logits)
        {
            max = Math.Max(max, value);
        }

        double sum = 0;
        for (var i = 0; i < logits.Length; i++)
        {
            logits[i] = Math.Exp(logits[i] - max);
            sum += logits[i];
        }

        for (var i = 0; i < logits.Length; i++)
        {
            logits[i] /= sum;
        }
    }
}
