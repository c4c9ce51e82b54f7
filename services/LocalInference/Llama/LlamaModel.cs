using System.Text;
using HybridLlm.LocalInference.ModelFiles;
using LLama;
using LLama.Common;
using LLama.Native;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace HybridLlm.LocalInference.Llama;

/// <summary>
/// The GGUF weights, loaded once per process and shared by every request. Also knows the model's identity
/// (name and SHA-256 of the file) and how to turn chat messages into prompt tokens.
/// </summary>
internal sealed class LlamaModel : IDisposable
{
    private readonly LlamaChatTemplate _template;

    /// <summary>Loads a local GGUF file named by <c>LocalInference:Model</c>, hashing it (and checking any pin) first.</summary>
    public LlamaModel(IOptions<LlamaOptions> options, ILoggerFactory loggerFactory)
        : this(ModelLocation.VerifyLocal(options.Value.Model, Sha256Digest.Normalize(options.Value.ModelSha256)), options.Value, loggerFactory)
    {
    }

    /// <summary>Loads a file whose digest <see cref="ModelFileAcquirer"/> has already computed and checked.</summary>
    public LlamaModel(ModelFile file, LlamaOptions settings, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(settings);
        var logger = loggerFactory.CreateLogger<LlamaModel>();
        var path = file.Path;
        LlamaNativeLog.RouteTo(loggerFactory.CreateLogger("HybridLlm.LocalInference.Llama.Native"));

        // The digest identifies exactly which weights answered, which the model name alone cannot.
        Digest = file.Sha256;
        FilePath = path;
        Weights = LLamaWeights.LoadFromFile(new ModelParams(path) { GpuLayerCount = settings.GpuLayerCount });

        Name = Weights.Metadata.TryGetValue("general.name", out var name) && !string.IsNullOrWhiteSpace(name)
            ? name
            : Path.GetFileNameWithoutExtension(path);

        var requested = settings.ContextSize ?? LlamaOptions.DefaultContextSizeTokens;
        var trained = Weights.ContextSize;
        ContextSize = trained > 0 ? Math.Min(requested, trained) : requested;
        if (settings.ContextSize > ContextSize)
        {
            logger.ContextSizeClamped(settings.ContextSize.Value, ContextSize);
        }

        _template = LlamaChatTemplate.FromModel(Weights, logger);
        logger.ModelLoaded(Name, Digest, path, Weights.ParameterCount, ContextSize, _template.UsesModelTemplate);
    }

    /// <summary>Model name from GGUF metadata <c>general.name</c>, else the file name without extension.</summary>
    public string Name { get; }

    /// <summary>SHA-256 of the GGUF file, lowercase hex.</summary>
    public string Digest { get; }

    /// <summary>Full path of the loaded GGUF file.</summary>
    public string FilePath { get; }

    /// <summary>Context window of one request (prompt plus output), in tokens.</summary>
    public int ContextSize { get; }

    /// <summary>Whether prompts use the chat template stored in the GGUF (rather than the plain fallback).</summary>
    public bool HasChatTemplate => _template.UsesModelTemplate;

    /// <summary>The loaded weights. Safe to share; contexts built from them are not.</summary>
    public LLamaWeights Weights { get; }

    /// <summary>Renders messages as the prompt text the model expects, ending where the assistant's reply begins.</summary>
    public string FormatPrompt(IEnumerable<ChatMessage> messages) => _template.Format(messages);

    /// <summary>
    /// Tokenizes a rendered prompt, parsing special tokens (the template's markers) and adding BOS once when
    /// the model wants one. Thread-safe: it reads only the vocabulary.
    /// </summary>
    public LLamaToken[] Tokenize(string prompt)
    {
        var tokens = Weights.Tokenize(prompt, add_bos: false, special: true, Encoding.UTF8);
        var vocab = Weights.Vocab;
        if (vocab.ShouldAddBOS && vocab.BOS is { } bos && (tokens.Length == 0 || tokens[0] != bos))
        {
            // Templates that spell out BOS themselves (e.g. "<s>[INST]") must not get a second one.
            return [bos, .. tokens];
        }

        return tokens;
    }

    public void Dispose() => Weights.Dispose();
}
