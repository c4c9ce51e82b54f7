using HybridLlm.Classifier.Analysis;

namespace HybridLlm.Classifier;

internal static class Extensions
{
    public static void AddClassifierServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpc();
        builder.Services.AddPromptClassifier();
    }
}
