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
        var router = Assert.IsType<StaticEmbeddingGenerator>(provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
        Assert.Same(router, provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
        Assert.Equal(provider.GetRequiredService<RouterModel>().EmbeddingMaxTokens, router.MaxTokens);
        Assert.Equal(provider.GetRequiredService<RouterModel>().EmbeddingTableSha256, router.Table.Sha256);
        Assert.Equal(TaskKind.Summarisation, (await first.ClassifyAsync([new ClassifierMessage("user", "Summarize this article in two sentences: the council met and approved the budget.")])).Task);
    }

    [Fact]
    public async Task Classify_WithStaticWeights_NeverLoadsTheTransformer()
    {
        await using var provider = new ServiceCollection().AddPromptClassifier().BuildServiceProvider(validateScopes: true);

        await provider.GetRequiredService<PromptClassifier>().ClassifyAsync([new ClassifierMessage("user", "Translate 'good morning' into German.")]);

        Assert.False(provider.GetRequiredService<SemanticEmbeddings>().IsLoaded);
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
    public void AddPromptClassifier_StaticTableOtherThanTheWeightsWereTrainedOn_IsRefusedNamingBothDigests()
    {
        var directory = Directory.CreateTempSubdirectory("static-table-");
        try
        {
            var other = Path.Combine(directory.FullName, "other.bin");
            File.WriteAllBytes(other, StaticEmbeddingTable.FromRows([[1f, 0f], [0f, 1f]]).ToBytes());
            var services = new ServiceCollection().AddPromptClassifier();
            services.Configure<RouterModelOptions>(o => o.StaticTablePath = other);
            using var provider = services.BuildServiceProvider();

            var ex = Assert.Throws<InvalidDataException>(() => provider.GetRequiredService<PromptClassifier>());

            Assert.Contains(StaticEmbeddingTable.Load(other).Sha256, ex.Message, StringComparison.Ordinal);
            Assert.Contains(provider.GetRequiredService<RouterModel>().EmbeddingTableSha256!, ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
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
