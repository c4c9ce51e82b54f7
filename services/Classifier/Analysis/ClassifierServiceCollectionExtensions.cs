using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HybridLlm.Classifier.Analysis;

/// <summary>Registers the prompt classifier and its parts.</summary>
public static class ClassifierServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="PromptClassifier"/>, <see cref="PiiDetector"/>, <see cref="TokenCounter"/> and
    /// <see cref="TaskCueDetector"/> as singletons (all are stateless; the tokenizer loads once).
    /// </summary>
    public static IServiceCollection AddPromptClassifier(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<PiiDetector>();
        services.TryAddSingleton<TokenCounter>();
        services.TryAddSingleton<TaskCueDetector>();
        services.TryAddSingleton<PromptClassifier>();
        return services;
    }
}
