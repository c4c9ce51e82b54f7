using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace HybridLlm.LocalInference.Llama;

/// <summary>
/// <see cref="IChatClient"/> over the in-process llama.cpp model. Safe for any number of concurrent callers:
/// each call becomes a <see cref="GenerationRequest"/> served by the single <see cref="LlamaInferenceLoop"/>.
/// </summary>
internal sealed class LlamaChatClient : IChatClient
{
    /// <summary><c>AdditionalProperties</c> key: SHA-256 (lowercase hex) of the GGUF file that answered.</summary>
    public const string ModelDigestKey = "hybridllm.model_digest";

    /// <summary><c>AdditionalProperties</c> key: time to first token in milliseconds (double), queueing included.</summary>
    public const string TimeToFirstTokenKey = "hybridllm.ttft_ms";

    /// <summary><c>AdditionalProperties</c> key: decode milliseconds attributed to this answer (double), see <see cref="GenerationSummary"/>.</summary>
    public const string ComputeKey = "hybridllm.compute_ms";

    private readonly LlamaModel _model;
    private readonly LlamaOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly LlamaInferenceLoop _loop;
    private readonly ChatClientMetadata _metadata;
    private long _nextRequestId;

    public LlamaChatClient(
        LlamaModel model, IOptions<LlamaOptions> options, TimeProvider timeProvider, ILogger<LlamaChatClient> logger)
    {
        _model = model;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _loop = new LlamaInferenceLoop(model, _options, timeProvider, logger);
        _metadata = new ChatClientMetadata("llama.cpp", providerUri: null, defaultModelId: model.Name);
    }

    /// <summary>The loop serving this client (exposed for tests and metrics).</summary>
    internal LlamaInferenceLoop Loop => _loop;

    /// <summary>Same code path as streaming, so both give identical text for the same seed.</summary>
    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken)
            .ToChatResponseAsync(cancellationToken).ConfigureAwait(false);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var request = CreateRequest(messages, options, cancellationToken);
        var responseId = $"llama-{request.Id}";
        var createdAt = _timeProvider.GetUtcNow();
        try
        {
            _loop.Submit(request);
        }
        catch
        {
            request.Sampler.Dispose();
            throw;
        }

        try
        {
            var output = request.Output.Reader;
            while (await output.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (DrainAvailable(output) is not { } text)
                {
                    continue;
                }

                yield return new ChatResponseUpdate(ChatRole.Assistant, text)
                {
                    ResponseId = responseId,
                    MessageId = responseId,
                    ModelId = _model.Name,
                    CreatedAt = createdAt,
                };
            }
        }
        finally
        {
            // Covers a caller that stops enumerating without cancelling: free the sequence either way.
            request.Abandon();
        }

        var summary = request.Summary
            ?? throw new InvalidOperationException("Local inference ended without a result.");
        yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(new UsageDetails
        {
            InputTokenCount = summary.InputTokenCount,
            OutputTokenCount = summary.OutputTokenCount,
            TotalTokenCount = summary.InputTokenCount + summary.OutputTokenCount,
        })])
        {
            // No MessageId here: ToChatResponseAsync then puts these AdditionalProperties on the response itself.
            ResponseId = responseId,
            ModelId = _model.Name,
            CreatedAt = createdAt,
            FinishReason = summary.FinishReason,
            AdditionalProperties = new AdditionalPropertiesDictionary
            {
                [ModelDigestKey] = _model.Digest,
                [TimeToFirstTokenKey] = summary.TimeToFirstTokenMs,
                [ComputeKey] = summary.ComputeMs,
            },
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose() => _loop.Dispose();

    /// <summary>
    /// Everything decoded since the caller last read, as one piece: a reader that keeps up gets a piece per token; one
    /// that falls behind (a slow network write) catches up in one update instead of lagging token by token.
    /// </summary>
    private static string? DrainAvailable(ChannelReader<string> output)
    {
        if (!output.TryRead(out var first))
        {
            return null;
        }

        if (!output.TryRead(out var second))
        {
            return first;
        }

        var text = new StringBuilder(first).Append(second);
        while (output.TryRead(out var next))
        {
            text.Append(next);
        }

        return text.ToString();
    }

    /// <summary>Renders, tokenizes and checks the prompt on the caller's thread, before it takes a place in line.</summary>
    private GenerationRequest CreateRequest(
        IEnumerable<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var maxOutputTokens = Math.Min(options?.MaxOutputTokens ?? _options.MaxOutputTokens, _options.MaxOutputTokens);
        if (maxOutputTokens <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), maxOutputTokens, "MaxOutputTokens must be positive.");
        }

        var id = Interlocked.Increment(ref _nextRequestId);
        var prompt = _model.FormatPrompt(messages);
        _logger.PromptRendered(id, prompt);
        var tokens = _model.Tokenize(prompt);
        if (tokens.Length + maxOutputTokens > _model.ContextSize)
        {
            throw new PromptTooLongException(tokens.Length, maxOutputTokens, _model.ContextSize);
        }

        return new GenerationRequest
        {
            Id = id,
            PromptTokens = tokens,
            MaxOutputTokens = maxOutputTokens,
            StopSequences = options?.StopSequences?.ToArray() ?? [],
            Reproducible = LlamaSampling.IsReproducible(options),
            Sampler = LlamaSampling.Create(options),
            SubmittedTimestamp = _timeProvider.GetTimestamp(),
            CancellationToken = cancellationToken,
        };
    }
}
