using Grpc.Core;
using HybridLlm.Classifier.Analysis;
using HybridLlm.Classifier.Embeddings;
using HybridLlm.Classifier.Grpc;
using HybridLlm.Grpc.V1;

namespace HybridLlm.Classifier.Tests;

[Collection(ClassifierCollection.Name)]
public sealed class ClassifierGrpcServiceTests(ClassifierFixture fixture)
{
    private ClassifierGrpcService Service() =>
        new(fixture.Classifier, fixture.Get<SemanticEmbeddings>());

    [Fact]
    public async Task Classify_MapsTheAnalysisToTheContract()
    {
        var request = new ClassifyRequest { Messages = { new ChatMessage { Role = ChatRole.User, Text = "Solve 3x + 7 = 22 and explain. Mail me at a@example.com" } } };

        var response = await Service().Classify(request, new TestServerCallContext());

        Assert.Equal(TaskType.Math, response.Task);
        Assert.InRange(response.StrongScore, 0, 1);
        Assert.True(response.InputTokens > 10);
        Assert.Equal(HybridLlm.Grpc.V1.PiiKind.Email, Assert.Single(response.Pii).Kind);
        Assert.Contains(response.Reasons, r => r.StartsWith("strong_score=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Classify_NoMessages_IsInvalidArgument()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Service().Classify(new ClassifyRequest(), new TestServerCallContext()));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
    }

    [Fact]
    public async Task Embed_GivesOneUnitVectorPerTextInOrder()
    {
        var response = await Service().Embed(new EmbedRequest { Texts = { "first text", "second text", "third" } }, new TestServerCallContext());
        var direct = await fixture.Get<MiniLmEmbeddingGenerator>().WithMaxTokens(256).GenerateAsync(["second text"]);

        Assert.Equal(3, response.Embeddings.Count);
        Assert.All(response.Embeddings, e => Assert.Equal(1.0, Math.Sqrt(e.Values.Sum(v => (double)v * v)), 4));
        Assert.Equal(direct[0].Vector.ToArray(), response.Embeddings[1].Values);
    }

    [Fact]
    public async Task Embed_TextsDifferingPastAShortWindow_StillDiffer()
    {
        var prefix = string.Concat(Enumerable.Repeat("Please read the following request carefully and answer it. ", 5));
        var tail = string.Concat(Enumerable.Repeat(" Thanks in advance for your help.", 4));
        string[] texts = [prefix + "What is the capital of France?" + tail, prefix + "How do I bake sourdough bread?" + tail];

        using var shortWindow = fixture.Get<MiniLmEmbeddingGenerator>().WithMaxTokens(32);
        var router = await shortWindow.GenerateAsync(texts);
        var semantic = await Service().Embed(new EmbedRequest { Texts = { texts } }, new TestServerCallContext());

        Assert.Equal(router[0].Vector.ToArray(), router[1].Vector.ToArray());
        Assert.NotEqual(semantic.Embeddings[0].Values, semantic.Embeddings[1].Values);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public async Task Embed_TooFewOrTooManyTexts_IsInvalidArgument(int count)
    {
        var request = new EmbedRequest { Texts = { Enumerable.Range(0, count).Select(i => $"text {i}") } };

        var ex = await Assert.ThrowsAsync<RpcException>(() => Service().Embed(request, new TestServerCallContext()));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("between 1 and 64", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithMaxTokens_ViewSharesTheSession_AndDisposingItLeavesTheOwnerWorking()
    {
        var owner = fixture.Get<MiniLmEmbeddingGenerator>();
        var longText = string.Concat(Enumerable.Repeat("word ", 600));

        using (var view = owner.WithMaxTokens(200))
        {
            Assert.Equal(200, (await view.GenerateAsync([longText])).Usage!.InputTokenCount);
        }

        Assert.Equal(owner.MaxTokens, (await owner.GenerateAsync([longText])).Usage!.InputTokenCount);
    }
}
