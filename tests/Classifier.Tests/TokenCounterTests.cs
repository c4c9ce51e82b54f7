using HybridLlm.Classifier.Analysis;
using Microsoft.ML.Tokenizers;

namespace HybridLlm.Classifier.Tests;

public sealed class TokenCounterTests
{
    private static readonly TokenCounter Counter = new();

    [Fact]
    public void CountTokens_KnownString_MatchesTheO200kTokenizer()
    {
        const string Text = "Hello, world! Summarise the quarterly report in three bullet points.";
        var reference = TiktokenTokenizer.CreateForEncoding("o200k_base");

        var count = Counter.CountTokens(Text);

        Assert.True(count > 0);
        Assert.Equal(reference.CountTokens(Text), count);
        Assert.Equal(4, Counter.CountTokens("Hello, world!"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void CountTokens_EmptyText_IsZero(string? text) => Assert.Equal(0, Counter.CountTokens(text));

    [Fact]
    public void CountTokens_EmptyConversation_IsZero()
    {
        Assert.Equal(0, Counter.CountTokens([]));
        Assert.Equal(0, Counter.CountTokens([new ClassifierMessage("user", "")]));
    }

    [Fact]
    public void CountTokens_Conversation_AddsTheOverheadPerMessage()
    {
        ClassifierMessage[] messages = [new("system", "You are terse."), new("user", "Hi there")];

        var expected = Counter.CountTokens("You are terse.") + Counter.CountTokens("Hi there")
            + (2 * TokenCounter.PerMessageOverheadTokens);

        Assert.Equal(expected, Counter.CountTokens(messages));
    }

    [Fact]
    public void CountTokens_RunLongerThanTheLimit_StaysWithinOneTokenPerPieceOfTheExactCount()
    {
        var text = "blob: " + string.Concat(Enumerable.Repeat("abc", 4 * TokenCounter.MaxRunChars)) + " end";
        var exact = TiktokenTokenizer.CreateForEncoding("o200k_base").CountTokens(text);
        var pieces = text.Length / TokenCounter.MaxRunChars;

        Assert.InRange(Counter.CountTokens(text), exact - pieces, exact + pieces);
    }

    [Fact]
    public void CountTokens_FromManyThreads_GivesTheSameCounts()
    {
        var texts = Enumerable.Range(0, 64).Select(i => $"Request {i}: " + string.Concat(Enumerable.Repeat("token soup ", i))).ToArray();
        var sequential = texts.Select(Counter.CountTokens).ToArray();

        var parallel = texts.AsParallel().AsOrdered().WithDegreeOfParallelism(4).Select(Counter.CountTokens).ToArray();

        Assert.Equal(sequential, parallel);
    }
}
