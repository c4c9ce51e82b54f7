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
            .PostConfigure<RouterModel>((options, model) => options.MaxTokens = model.EmbeddingMaxTokens)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MiniLmEmbeddingOptions>, MiniLmEmbeddingOptionsValidator>());

        services.TryAddSingleton(sp => RouterModelLoader.Load(sp.GetRequiredService<IOptions<RouterModelOptions>>().Value.ResolvedWeightsPath));
        services.TryAddSingleton<MiniLmEmbeddingGenerator>();
        services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp => sp.GetRequiredService<MiniLmEmbeddingGenerator>());
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
}
