using HybridLlm.Classifier.Analysis;
using Microsoft.Extensions.DependencyInjection;

namespace HybridLlm.Classifier.Tests;

/// <summary>
/// One classifier for the test run, wired exactly as the service wires it (shipped weights, MiniLM, tokenizer);
/// loading the embedding model takes about a second, so tests share it.
/// </summary>
public sealed class ClassifierFixture : IDisposable
{
    private readonly ServiceProvider _provider = new ServiceCollection().AddPromptClassifier().BuildServiceProvider(validateScopes: true);

    public PromptClassifier Classifier => _provider.GetRequiredService<PromptClassifier>();

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public Task<PromptAnalysis> ClassifyUserAsync(string text) => Classifier.ClassifyAsync([new ClassifierMessage("user", text)]);

    public void Dispose() => _provider.Dispose();
}

[CollectionDefinition(Name)]
public sealed class ClassifierCollection : ICollectionFixture<ClassifierFixture>
{
    public const string Name = "classifier";
}
