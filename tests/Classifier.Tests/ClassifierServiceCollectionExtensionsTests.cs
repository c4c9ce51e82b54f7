using HybridLlm.Classifier.Analysis;
using HybridLlm.Classifier.Embeddings;
using HybridLlm.Classifier.Model;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HybridLlm.Classifier.Tests;

public sealed class ClassifierServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddPromptClassifier_RegistersOneSharedClassifierOverTheShippedWeights()
    {
        await using var provider = new ServiceCollection().AddPromptClassifier().BuildServiceProvider(validateScopes: true);

        var first = provider.GetRequiredService<PromptClassifier>();

        Assert.Same(first, provider.GetRequiredService<PromptClassifier>());
        Assert.Same(provider.GetRequiredService<MiniLmEmbeddingGenerator>(), provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
        Assert.Equal(provider.GetRequiredService<RouterModel>().EmbeddingMaxTokens, provider.GetRequiredService<MiniLmEmbeddingGenerator>().MaxTokens);
        Assert.Equal(TaskKind.Summarisation, (await first.ClassifyAsync([new ClassifierMessage("user", "Summarize this article in two sentences: the council met and approved the budget.")])).Task);
    }

    [Fact]
    public void AddPromptClassifier_MissingWeights_FailsWithThePathAndHowToFixIt()
    {
        var services = new ServiceCollection().AddPromptClassifier();
        services.Configure<RouterModelOptions>(o => o.WeightsPath = "/nonexistent/router-weights.json");
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<FileNotFoundException>(() => provider.GetRequiredService<PromptClassifier>());

        Assert.Contains("/nonexistent/router-weights.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("train", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPromptClassifier_EmptyWeightsPath_FailsOptionsValidation()
    {
        var services = new ServiceCollection().AddPromptClassifier();
        services.Configure<RouterModelOptions>(o => o.WeightsPath = "");
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RouterModelOptions>>().Value);
    }

    [Fact]
    public void AddPromptClassifier_EmbeddingOptionsOutOfRange_FailValidation()
    {
        var services = new ServiceCollection().AddPromptClassifier();
        services.Configure<MiniLmEmbeddingOptions>(o => o.MaxBatchSize = 0);
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MiniLmEmbeddingOptions>>().Value);
    }
}
