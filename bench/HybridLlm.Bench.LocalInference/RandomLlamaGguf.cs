using System.Text;

namespace HybridLlm.Bench.LocalInference;

/// <summary>
/// Writes a llama-architecture GGUF of realistic size with random weights (the stories110M shape: 768 wide, 12 layers,
/// 12 heads, feed-forward 2048, output tied to the embeddings: about 110M parameters, F16) around the real 32,000-token
/// LLaMA tokenizer copied from a vocabulary-only GGUF. Its text is noise, but every decode does the work of a real
/// 110M model, which shows what batching buys once the model, not per-token overhead, dominates.
/// </summary>
internal static class RandomLlamaGguf
{
    private const uint GgufMagic = 0x46554747;
    private const int Alignment = 32;
    private const uint TypeF32 = 0;
    private const uint TypeF16 = 1;
    private const int Embedding = 768;
    private const int Layers = 12;
    private const int Heads = 12;
    private const int FeedForward = 2048;
    private const int Context = 2048;

    public static void Write(string vocabularyPath, string outputPath, int seed = 42)
    {
        var tokenizer = ReadTokenizerKeyValues(vocabularyPath, out var vocabulary);
        var tensors = Tensors(vocabulary);
        using var output = new BinaryWriter(File.Create(outputPath));
        var kv = new List<Action>
        {
            () => WriteKv(output, "general.architecture", "llama"),
            () => WriteKv(output, "general.name", "random-llama-110m"),
            () => WriteKv(output, "llama.context_length", (uint)Context),
            () => WriteKv(output, "llama.embedding_length", (uint)Embedding),
            () => WriteKv(output, "llama.block_count", (uint)Layers),
            () => WriteKv(output, "llama.feed_forward_length", (uint)FeedForward),
            () => WriteKv(output, "llama.attention.head_count", (uint)Heads),
            () => WriteKv(output, "llama.attention.head_count_kv", (uint)Heads),
            () => WriteKv(output, "llama.rope.dimension_count", (uint)(Embedding / Heads)),
            () => WriteKv(output, "llama.attention.layer_norm_rms_epsilon", 1e-5f),
            () => WriteKv(output, "general.file_type", 1u),
        };
        output.Write(GgufMagic);
        output.Write(3u);
        output.Write((ulong)tensors.Count);
        output.Write((ulong)(kv.Count + tokenizer.Count));
        kv.ForEach(write => write());
        tokenizer.ForEach(output.Write);

        ulong offset = 0;
        foreach (var (name, dims, type) in tensors)
        {
            WriteString(output, name);
            output.Write((uint)dims.Length);
            foreach (var dim in dims)
            {
                output.Write((ulong)dim);
            }

            output.Write(type);
            output.Write(offset);
            offset += Align((ulong)Bytes(dims, type));
        }

        Pad(output);
        var random = new Random(seed);
        foreach (var (_, dims, type) in tensors)
        {
            var count = dims.Aggregate(1L, (a, b) => a * b);
            for (long i = 0; i < count; i++)
            {
                if (type == TypeF32)
                {
                    output.Write(1f); // norm weights
                }
                else
                {
                    output.Write((Half)(Gaussian(random) * 0.02));
                }
            }

            Pad(output);
        }
    }

    private static List<(string Name, long[] Dims, uint Type)> Tensors(int vocabulary)
    {
        var tensors = new List<(string, long[], uint)> { ("token_embd.weight", [Embedding, vocabulary], TypeF16) };
        for (var layer = 0; layer < Layers; layer++)
        {
            var block = $"blk.{layer}.";
            tensors.Add((block + "attn_norm.weight", [Embedding], TypeF32));
            tensors.Add((block + "attn_q.weight", [Embedding, Embedding], TypeF16));
            tensors.Add((block + "attn_k.weight", [Embedding, Embedding], TypeF16));
            tensors.Add((block + "attn_v.weight", [Embedding, Embedding], TypeF16));
            tensors.Add((block + "attn_output.weight", [Embedding, Embedding], TypeF16));
            tensors.Add((block + "ffn_norm.weight", [Embedding], TypeF32));
            tensors.Add((block + "ffn_gate.weight", [Embedding, FeedForward], TypeF16));
            tensors.Add((block + "ffn_up.weight", [Embedding, FeedForward], TypeF16));
            tensors.Add((block + "ffn_down.weight", [FeedForward, Embedding], TypeF16));
        }

        // No output.weight: llama.cpp then uses the token embeddings (tied, as in stories110M).
        tensors.Add(("output_norm.weight", [Embedding], TypeF32));
        return tensors;
    }

    /// <summary>The raw bytes of every <c>tokenizer.*</c> key-value pair, copied as they are.</summary>
    private static List<byte[]> ReadTokenizerKeyValues(string path, out int vocabulary)
    {
        using var input = new BinaryReader(File.OpenRead(path));
        if (input.ReadUInt32() != GgufMagic || input.ReadUInt32() != 3)
        {
            throw new InvalidDataException($"{path} is not a GGUF v3 file.");
        }

        _ = input.ReadUInt64();
        var count = input.ReadUInt64();
        var kept = new List<byte[]>();
        vocabulary = 0;
        for (ulong i = 0; i < count; i++)
        {
            var start = input.BaseStream.Position;
            var key = ReadString(input);
            var type = input.ReadUInt32();
            var arrayLength = SkipValue(input, type);
            if (key.StartsWith("tokenizer.", StringComparison.Ordinal))
            {
                var end = input.BaseStream.Position;
                input.BaseStream.Position = start;
                kept.Add(input.ReadBytes((int)(end - start)));
            }

            if (key == "tokenizer.ggml.tokens")
            {
                vocabulary = (int)arrayLength;
            }
        }

        return kept;
    }

    private static ulong SkipValue(BinaryReader input, uint type)
    {
        switch (type)
        {
            case 8:
                _ = ReadString(input);
                return 0;
            case 9:
                var elementType = input.ReadUInt32();
                var length = input.ReadUInt64();
                for (ulong i = 0; i < length; i++)
                {
                    SkipValue(input, elementType);
                }

                return length;
            default:
                input.BaseStream.Position += type switch { 0 or 1 or 7 => 1, 2 or 3 => 2, 4 or 5 or 6 => 4, _ => 8 };
                return 0;
        }
    }

    private static string ReadString(BinaryReader input) => Encoding.UTF8.GetString(input.ReadBytes((int)input.ReadUInt64()));

    private static void WriteString(BinaryWriter output, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        output.Write((ulong)bytes.Length);
        output.Write(bytes);
    }

    private static void WriteKv(BinaryWriter output, string key, string value)
    {
        WriteString(output, key);
        output.Write(8u);
        WriteString(output, value);
    }

    private static void WriteKv(BinaryWriter output, string key, uint value)
    {
        WriteString(output, key);
        output.Write(4u);
        output.Write(value);
    }

    private static void WriteKv(BinaryWriter output, string key, float value)
    {
        WriteString(output, key);
        output.Write(6u);
        output.Write(value);
    }

    private static long Bytes(long[] dims, uint type) => dims.Aggregate(1L, (a, b) => a * b) * (type == TypeF32 ? 4 : 2);

    private static ulong Align(ulong value) => (value + Alignment - 1) / Alignment * Alignment;

    private static void Pad(BinaryWriter output)
    {
        while (output.BaseStream.Position % Alignment != 0)
        {
            output.Write((byte)0);
        }
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
