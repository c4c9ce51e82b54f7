using HybridLlm.Classifier.Analysis;
using Microsoft.Extensions.DependencyInjection;

namespace HybridLlm.Cli.Tests;

/// <summary>The CLI's in-process classifier over the shipped weights, shared by the tests (model load ~1 s).</summary>
public sealed class ClassifierProviderFixture : IDisposable
{
    private readonly ServiceProvider _provider = ClassifierFactory.Create(ClassifierFactory.DefaultWeightsPath, embeddingBatchSize: 16);

    public PromptClassifier Classifier => _provider.GetRequiredService<PromptClassifier>();

    public void Dispose() => _provider.Dispose();
}
