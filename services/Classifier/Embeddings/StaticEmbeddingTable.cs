using System.Buffers.Binary;
using System.Security.Cryptography;

namespace HybridLlm.Classifier.Embeddings;

/// <summary>
/// One vector per MiniLM word piece, distilled from all-MiniLM-L6-v2 by <see cref="StaticEmbeddingDistiller"/>: a
/// sentence's embedding is then the mean of its pieces' rows, with no transformer at request time. Rows are stored
/// as signed bytes with one scale per row (a quarter of float32's size; the rounding error is far below what
/// separates prompts). Immutable and thread-safe once loaded.
/// </summary>
/// <remarks>
/// File layout, little-endian: the ASCII magic <c>HLSE</c>, format version (int32, 1), rows (int32), dimensions
/// (int32), then one float32 scale per row, then rows × dimensions signed bytes; value = byte × scale.
/// </remarks>
public sealed class StaticEmbeddingTable
{
    private const int FormatVersion = 1;
    private static ReadOnlySpan<byte> Magic => "HLSE"u8;

    private readonly float[] _scales;
    private readonly sbyte[] _values;

    private StaticEmbeddingTable(int rows, int dimensions, float[] scales, sbyte[] values, string sha256)
    {
        Rows = rows;
        Dimensions = dimensions;
        _scales = scales;
        _values = values;
        Sha256 = sha256;
    }

    /// <summary>Word pieces covered (the vocabulary size).</summary>
    public int Rows { get; }

    /// <summary>Length of every row.</summary>
    public int Dimensions { get; }

    /// <summary>Lower-case hex SHA-256 of the file's bytes, recorded in the router weights trained on it.</summary>
    public string Sha256 { get; }

    /// <summary>Quantises float rows (each row scaled so its largest magnitude becomes 127).</summary>
    public static StaticEmbeddingTable FromRows(float[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Length == 0 || rows[0].Length == 0)
        {
            throw new ArgumentException("A table needs at least one row with at least one dimension.", nameof(rows));
        }

        var dimensions = rows[0].Length;
        var scales = new float[rows.Length];
        var values = new sbyte[rows.Length * dimensions];
        for (var r = 0; r < rows.Length; r++)
        {
            var row = rows[r];
            if (row.Length != dimensions)
            {
                throw new ArgumentException($"Row {r} has {row.Length} dimensions, not {dimensions}.", nameof(rows));
            }

            var max = 0f;
            foreach (var value in row)
            {
                max = Math.Max(max, Math.Abs(value));
            }

            var scale = max > 0 ? max / 127f : 0f;
            scales[r] = scale;
            for (var d = 0; d < dimensions; d++)
            {
                values[(r * dimensions) + d] = scale > 0 ? (sbyte)Math.Clamp(MathF.Round(row[d] / scale), -127, 127) : (sbyte)0;
            }
        }

        var bytes = Serialize(rows.Length, dimensions, scales, values);
        return new StaticEmbeddingTable(rows.Length, dimensions, scales, values, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    /// <summary>Reads and checks a table file; any problem is an <see cref="InvalidDataException"/> naming the file.</summary>
    public static StaticEmbeddingTable Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Static embedding table not found at '{Path.GetFullPath(path)}'. Write it with `hybridllm distill`.", path);
        }

        return Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>Parses table bytes; <paramref name="source"/> names them in errors.</summary>
    public static StaticEmbeddingTable Parse(byte[] bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        const int header = 16;
        if (bytes.Length < header || !bytes.AsSpan(0, 4).SequenceEqual(Magic))
        {
            throw Invalid(source, "it does not start with the HLSE header");
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4));
        var rows = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        var dimensions = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
        if (version != FormatVersion)
        {
            throw Invalid(source, $"format version is {version}, this build reads {FormatVersion}");
        }

        if (rows is < 1 or > 1_000_000 || dimensions is < 1 or > 4096)
        {
            throw Invalid(source, $"{rows} rows of {dimensions} dimensions is out of range");
        }

        var expected = header + (4L * rows) + ((long)rows * dimensions);
        if (bytes.Length != expected)
        {
            throw Invalid(source, $"it is {bytes.Length} bytes, {rows} rows of {dimensions} dimensions need {expected}");
        }

        var scales = new float[rows];
        for (var r = 0; r < rows; r++)
        {
            scales[r] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(header + (4 * r)));
            if (!float.IsFinite(scales[r]) || scales[r] < 0)
            {
                throw Invalid(source, $"the scale of row {r} is {scales[r]}");
            }
        }

        var values = new sbyte[rows * dimensions];
        bytes.AsSpan(header + (4 * rows)).CopyTo(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
        return new StaticEmbeddingTable(rows, dimensions, scales, values, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    /// <summary>The file bytes <see cref="Load"/> reads back into this table.</summary>
    public byte[] ToBytes() => Serialize(Rows, Dimensions, _scales, _values);

    /// <summary>Adds row <paramref name="id"/> to <paramref name="sum"/>.</summary>
    public void AddRow(int id, Span<float> sum)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(id, Rows);
        var scale = _scales[id];
        var row = _values.AsSpan(id * Dimensions, Dimensions);
        for (var d = 0; d < row.Length; d++)
        {
            sum[d] += row[d] * scale;
        }
    }

    /// <summary>Row <paramref name="id"/> as floats (dequantised).</summary>
    public float[] Row(int id)
    {
        var row = new float[Dimensions];
        AddRow(id, row);
        return row;
    }

    private static byte[] Serialize(int rows, int dimensions, float[] scales, sbyte[] values)
    {
        var bytes = new byte[16 + (4 * rows) + (rows * dimensions)];
        Magic.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), FormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), rows);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(12), dimensions);
        for (var r = 0; r < rows; r++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(16 + (4 * r)), scales[r]);
        }

        System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).CopyTo(bytes.AsSpan(16 + (4 * rows)));
        return bytes;
    }

    private static InvalidDataException Invalid(string source, string problem) =>
        new($"Static embedding table '{source}' is unusable: {problem}.");
}
