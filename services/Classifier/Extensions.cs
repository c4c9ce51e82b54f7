using HybridLlm.Classifier.Analysis;
using HybridLlm.Classifier.Embeddings;
using HybridLlm.Classifier.Model;

namespace HybridLlm.Classifier;

internal static class Extensions
{
    public static void AddClassifierServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpc();
        builder.Services.AddOptions<RouterModelOptions>().Bind(builder.Configuration.GetSection(RouterModelOptions.SectionName));
        builder.Services.AddOptions<MiniLmEmbeddingOptions>().Bind(builder.Configuration.GetSection(MiniLmEmbeddingOptions.SectionName));
        builder.Services.AddPromptClassifier();
        builder.Services.AddHostedService<ClassifierWarmup>();
    }
}
