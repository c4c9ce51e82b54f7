using HybridLlm.Classifier.Analysis;
using Microsoft.Extensions.DependencyInjection;

namespace HybridLlm.Classifier.Tests;

public sealed class ClassifierServiceCollectionExtensionsTests
{
    [Fact]
    public void AddPromptClassifier_RegistersOneSharedClassifier()
    {
        using var provider = new ServiceCollection().AddPromptClassifier().BuildServiceProvider(validateScopes: true);

        var first = provider.GetRequiredService<PromptClassifier>();

        Assert.Same(first, provider.GetRequiredService<PromptClassifier>());
        Assert.Same(provider.GetRequiredService<TokenCounter>(), provider.GetRequiredService<TokenCounter>());
        Assert.Equal(TaskKind.Summarisation, first.Classify([new ClassifierMessage("user", "tl;dr please")]).Task);
    }
}
