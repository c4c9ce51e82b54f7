using HybridLlm.Classifier.Embeddings;
using HybridLlm.Classifier.Model;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HybridLlm.Classifier.Analysis;

/// <summary>Registers the prompt classifier and its parts.</summary>
public static class ClassifierServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="PromptClassifier"/> and its parts as singletons: the router weights (loaded and validated
    /// from <see cref="RouterModelOptions.WeightsPath"/>), the MiniLM <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>
    /// (its window set to the one the weights were trained with), <see cref="PiiDetector"/>, <see cref="TokenCounter"/>
    /// and <see cref="TaskCueDetector"/>. Bind <see cref="RouterModelOptions"/> and <see cref="MiniLmEmbeddingOptions"/>
    /// to change the defaults.
    /// </summary>
    public static IServiceCollection AddPromptClassifier(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<RouterModelOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RouterModelOptions>, RouterModelOptionsValidator>());
        services.AddOptions<MiniLmEmbeddingOptions>()
            .PostConfigure<RouterModel>((options, model) =>
            {
                if (!model.UsesStaticEmbeddings)
                {
                    options.MaxTokens = model.EmbeddingMaxTokens;
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MiniLmEmbeddingOptions>, MiniLmEmbeddingOptionsValidator>());

        services.TryAddSingleton(sp => RouterModelLoader.Load(sp.GetRequiredService<IOptions<RouterModelOptions>>().Value.ResolvedWeightsPath));
        // MiniLM is built on first use: with static weights only the Embed RPC (semantic cache) ever needs it.
        services.TryAddSingleton<MiniLmEmbeddingGenerator>();
        services.TryAddSingleton<SemanticEmbeddings>();
        services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
        {
            var model = sp.GetRequiredService<RouterModel>();
            return model.UsesStaticEmbeddings
                ? new StaticEmbeddingGenerator(
                    LoadStaticTable(sp.GetRequiredService<IOptions<RouterModelOptions>>().Value.ResolvedStaticTablePath, model),
                    model.EmbeddingMaxTokens,
                    model.EmbeddingEdgeTokens)
                : sp.GetRequiredService<MiniLmEmbeddingGenerator>();
        });
        services.TryAddSingleton<PiiDetector>();
        services.TryAddSingleton<TokenCounter>();
        services.TryAddSingleton<TaskCueDetector>();
        services.TryAddSingleton(sp => new PromptClassifier(
            sp.GetRequiredService<PiiDetector>(),
            sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(),
            sp.GetRequiredService<TokenCounter>(),
            sp.GetRequiredService<TaskCueDetector>(),
            sp.GetRequiredService<RouterModel>()));
        return services;
    }

    /// <summary>The static table, refused unless it is the very one the weights were trained on.</summary>
    private static StaticEmbeddingTable LoadStaticTable(string path, RouterModel model)
    {
        var table = StaticEmbeddingTable.Load(path);
        if (!string.Equals(table.Sha256, model.EmbeddingTableSha256, StringComparison.Ordinal))
        {
            throw new InvalidDataException(
                $"Static embedding table '{path}' has SHA-256 {table.Sha256}, but the router weights were trained on {model.EmbeddingTableSha256}; ship the matching pair or retrain.");
        }

        var dimensions = StaticEmbeddingGenerator.DimensionsFor(table.Dimensions, model.EmbeddingEdgeTokens);
        if (dimensions != model.EmbeddingDimensions)
        {
            throw new InvalidDataException($"Static embedding table '{path}' gives {dimensions}-dimensional vectors; the router weights read {model.EmbeddingDimensions}.");
        }

        return table;
    }
}
