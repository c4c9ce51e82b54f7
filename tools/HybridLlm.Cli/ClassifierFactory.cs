using HybridLlm.Classifier.Analysis;
using HybridLlm.Classifier.Embeddings;
using HybridLlm.Classifier.Model;
using Microsoft.Extensions.DependencyInjection;

namespace HybridLlm.Cli;

/// <summary>
/// Builds the classifier exactly as the service registers it (<see cref="ClassifierServiceCollectionExtensions.AddPromptClassifier"/>),
/// in-process. Dispose the provider to release the ONNX session.
/// </summary>
internal static class ClassifierFactory
{
    /// <summary>The weights shipped with the classifier, copied beside this tool by the project reference.</summary>
    public static string DefaultWeightsPath => new RouterModelOptions().ResolvedWeightsPath;

    public static ServiceProvider Create(string weightsPath, int embeddingBatchSize)
    {
        var services = new ServiceCollection();
        services.AddOptions<RouterModelOptions>().Configure(o => o.WeightsPath = Path.GetFullPath(weightsPath));
        services.AddOptions<MiniLmEmbeddingOptions>().Configure(o => o.MaxBatchSize = embeddingBatchSize);
        services.AddPromptClassifier();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
