using System.Diagnostics;
using System.Text;
using LLama;
using LLama.Batched;
using LLama.Common;
using LLama.Native;
using LLama.Sampling;

namespace HybridLlm.Bench.LocalInference;

/// <summary>
/// The baseline: LLamaSharp used directly, the way its own batched example does: one <see cref="BatchedExecutor"/>,
/// a <see cref="Conversation"/> per request, sample, decode text, prompt the token, infer. No service, no gRPC, no
/// admission, no padding row. Same prompts, seeds and sampler settings as the service gets.
/// </summary>
internal sealed class RawLlamaRunner : IDisposable
{
    private readonly BenchSettings _settings;
    private readonly LLamaWeights _weights;

    public RawLlamaRunner(BenchSettings settings)
    {
        _settings = settings;
        // llama.cpp's own log (a hundred lines per load) only for errors; the service later routes it to its logger.
        NativeLogConfig.llama_log_set((level, message) =>
        {
            if (level == LLamaLogLevel.Error)
            {
                Console.Error.Write(message);
            }
        });
        _weights = LLamaWeights.LoadFromFile(new ModelParams(settings.Model));
    }

    private readonly Dictionary<int, BatchedExecutor> _executors = [];

    /// <summary>
    /// Serves <paramref name="requests"/> requests, <paramref name="concurrency"/> at a time. One executor (context) per
    /// level, created and warmed on first use, so a run measures decoding, not context creation (as the service's
    /// long-lived context does not pay it either).
    /// </summary>
    public async Task<LevelResult> RunAsync(int concurrency, int requests)
    {
        if (!_executors.TryGetValue(concurrency, out var executor))
        {
            executor = new BatchedExecutor(_weights, new ModelParams(_settings.Model)
            {
                ContextSize = 2048,
                SeqMax = (uint)Math.Max(concurrency, 1),
                Threads = _settings.Threads,
                BatchThreads = _settings.Threads,
            });
            _executors[concurrency] = executor;
            await ServeAsync(executor, concurrency, concurrency);
        }

        return await ServeAsync(executor, concurrency, requests);
    }

    public void Dispose()
    {
        foreach (var executor in _executors.Values)
        {
            executor.Dispose();
        }

        _weights.Dispose();
    }

    private async Task<LevelResult> ServeAsync(BatchedExecutor executor, int concurrency, int requests)
    {
        var active = new List<Stream>();
        var firstTokenMs = new List<double>();
        var next = 0;
        long tokens = 0;
        var clock = Stopwatch.StartNew();
        while (next < requests || active.Count > 0)
        {
            while (active.Count < concurrency && next < requests)
            {
                active.Add(new Stream(executor, _weights, next++, _settings, clock.Elapsed.TotalMilliseconds));
            }

            if (await executor.Infer() != DecodeResult.Ok)
            {
                throw new InvalidOperationException("decode failed");
            }

            for (var i = active.Count - 1; i >= 0; i--)
            {
                var stream = active[i];
                if (!stream.Advance(clock.Elapsed.TotalMilliseconds))
                {
                    continue;
                }

                firstTokenMs.Add(stream.FirstTokenMs);
                tokens += stream.Generated;
                stream.Dispose();
                active.RemoveAt(i);
            }
        }

        return new LevelResult(concurrency, requests, 0, tokens, clock.Elapsed, firstTokenMs);
    }

    private sealed class Stream : IDisposable
    {
        private readonly Conversation _conversation;
        private readonly DefaultSamplingPipeline _sampler;
        private readonly StreamingTokenDecoder _decoder;
        private readonly StringBuilder _text = new();
        private readonly LLamaWeights _weights;
        private readonly int _maxTokens;
        private readonly double _startedMs;

        public Stream(BatchedExecutor executor, LLamaWeights weights, int index, BenchSettings settings, double startedMs)
        {
            _weights = weights;
            _maxTokens = settings.Tokens;
            _startedMs = startedMs;
            _sampler = new DefaultSamplingPipeline { Temperature = Prompts.Temperature, TopP = 0.95f, TopK = 40 };
            if (settings.Seeded)
            {
                _sampler.Seed = Prompts.Seed(index);
            }

            _decoder = new StreamingTokenDecoder(Encoding.UTF8, weights);
            _conversation = executor.Create();
            _conversation.Prompt(weights.Tokenize(Prompts.Rendered(index), add_bos: true, special: true, Encoding.UTF8));
        }

        public int Generated { get; private set; }

        public double FirstTokenMs { get; private set; } = -1;

        /// <summary>Samples one token if this conversation has logits; true when it is finished.</summary>
        public bool Advance(double nowMs)
        {
            if (!_conversation.RequiresSampling)
            {
                return false;
            }

            var token = _conversation.Sample(_sampler);
            if (FirstTokenMs < 0)
            {
                FirstTokenMs = nowMs - _startedMs;
            }

            if (token.IsEndOfGeneration(_weights.Vocab))
            {
                return true;
            }

            Generated++;
            _decoder.Add(token);
            _text.Append(_decoder.Read());
            if (Generated >= _maxTokens)
            {
                return true;
            }

            _conversation.Prompt(token);
            return false;
        }

        public void Dispose()
        {
            _conversation.Dispose();
            _sampler.Dispose();
        }
    }
}
