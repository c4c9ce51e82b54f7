namespace HybridLlm.Classifier.Embeddings;

/// <summary>
/// Principal component analysis for the distiller: centre the rows, take the covariance's leading eigenvectors
/// (cyclic Jacobi rotations: exact and dependency-free at a few hundred dimensions) and project onto them. Each
/// component's sign is fixed (largest coefficient positive) so results do not flip between runs.
/// </summary>
internal static class PrincipalComponents
{
    public static float[][] Project(float[][] rows, int components)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var n = rows.Length;
        var dims = rows[0].Length;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(components, dims);

        var mean = new double[dims];
        foreach (var row in rows)
        {
            for (var d = 0; d < dims; d++)
            {
                mean[d] += row[d];
            }
        }

        for (var d = 0; d < dims; d++)
        {
            mean[d] /= n;
        }

        var covariance = new double[dims, dims];
        var centred = new double[dims];
        foreach (var row in rows)
        {
            for (var d = 0; d < dims; d++)
            {
                centred[d] = row[d] - mean[d];
            }

            for (var i = 0; i < dims; i++)
            {
                var ci = centred[i];
                for (var j = i; j < dims; j++)
                {
                    covariance[i, j] += ci * centred[j];
                }
            }
        }

        for (var i = 0; i < dims; i++)
        {
            for (var j = i; j < dims; j++)
            {
                covariance[i, j] /= n;
                covariance[j, i] = covariance[i, j];
            }
        }

        var (values, vectors) = SymmetricEigen(covariance);
        var order = Enumerable.Range(0, dims).OrderByDescending(k => values[k]).Take(components).ToArray();
        var basis = new double[components][];
        for (var c = 0; c < components; c++)
        {
            var k = order[c];
            var column = new double[dims];
            var largest = 0;
            for (var d = 0; d < dims; d++)
            {
                column[d] = vectors[d, k];
                if (Math.Abs(column[d]) > Math.Abs(column[largest]))
                {
                    largest = d;
                }
            }

            if (column[largest] < 0)
            {
                for (var d = 0; d < dims; d++)
                {
                    column[d] = -column[d];
                }
            }

            basis[c] = column;
        }

        var projected = new float[n][];
        for (var r = 0; r < n; r++)
        {
            var row = rows[r];
            var output = new float[components];
            for (var c = 0; c < components; c++)
            {
                var axis = basis[c];
                double sum = 0;
                for (var d = 0; d < dims; d++)
                {
                    sum += (row[d] - mean[d]) * axis[d];
                }

                output[c] = (float)sum;
            }

            projected[r] = output;
        }

        return projected;
    }

    /// <summary>Eigenvalues and eigenvectors (columns) of a symmetric matrix by cyclic Jacobi sweeps.</summary>
    internal static (double[] Values, double[,] Vectors) SymmetricEigen(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        var a = (double[,])matrix.Clone();
        var v = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            v[i, i] = 1;
        }

        for (var sweep = 0; sweep < 100; sweep++)
        {
            double off = 0, total = 0;
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    total += a[i, j] * a[i, j];
                    if (i != j)
                    {
                        off += a[i, j] * a[i, j];
                    }
                }
            }

            if (off <= 1e-22 * total)
            {
                break;
            }

            for (var p = 0; p < n - 1; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    if (Math.Abs(a[p, q]) < 1e-300)
                    {
                        continue;
                    }

                    var theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                    var t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
                    if (theta == 0)
                    {
                        t = 1;
                    }

                    var c = 1 / Math.Sqrt((t * t) + 1);
                    var s = t * c;
                    Rotate(a, v, n, p, q, c, s);
                }
            }
        }

        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = a[i, i];
        }

        return (values, v);
    }

    private static void Rotate(double[,] a, double[,] v, int n, int p, int q, double c, double s)
    {
        for (var k = 0; k < n; k++)
        {
            var akp = a[k, p];
            var akq = a[k, q];
            a[k, p] = (c * akp) - (s * akq);
            a[k, q] = (s * akp) + (c * akq);
        }

        for (var k = 0; k < n; k++)
        {
            var apk = a[p, k];
            var aqk = a[q, k];
            a[p, k] = (c * apk) - (s * aqk);
            a[q, k] = (s * apk) + (c * aqk);
        }

        for (var k = 0; k < n; k++)
        {
            var vkp = v[k, p];
            var vkq = v[k, q];
            v[k, p] = (c * vkp) - (s * vkq);
            v[k, q] = (s * vkp) + (c * vkq);
        }
    }
}
