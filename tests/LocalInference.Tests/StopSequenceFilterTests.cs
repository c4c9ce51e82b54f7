using HybridLlm.LocalInference.Llama;

namespace HybridLlm.LocalInference.Tests;

public sealed class StopSequenceFilterTests
{
    [Fact]
    public void Push_StopSequenceSplitAcrossPieces_IsNeverEmitted()
    {
        var filter = new StopSequenceFilter(["The end"]);

        var emitted = filter.Push("and they were happy. Th", out var stoppedEarly)
            + filter.Push("e e", out var stoppedMiddle)
            + filter.Push("nd! More", out var stopped);

        Assert.False(stoppedEarly);
        Assert.False(stoppedMiddle);
        Assert.True(stopped);
        Assert.Equal("and they were happy. ", emitted);
    }

    [Fact]
    public void Push_HeldPrefixThatTurnsOutNotToStop_IsEmittedLater()
    {
        var filter = new StopSequenceFilter(["\nUser:"]);

        var first = filter.Push("Hello\nUs", out _);
        var second = filter.Push("ually fine", out var stopped);

        Assert.Equal("Hello", first);
        Assert.Equal("\nUsually fine", second);
        Assert.False(stopped);
    }

    [Fact]
    public void Push_TwoStopSequences_CutsAtTheEarliest()
    {
        var filter = new StopSequenceFilter(["zzz", "b"]);

        var emitted = filter.Push("a b zzz", out var stopped);

        Assert.True(stopped);
        Assert.Equal("a ", emitted);
    }

    [Fact]
    public void Flush_AfterHeldPrefix_ReturnsTheHeldText()
    {
        var filter = new StopSequenceFilter(["END"]);

        var emitted = filter.Push("bye E", out _);

        Assert.Equal("bye ", emitted);
        Assert.Equal("E", filter.Flush());
    }

    [Fact]
    public void Push_NoStopSequences_PassesTextThrough()
    {
        var filter = new StopSequenceFilter(["", ""]);

        Assert.Equal("anything", filter.Push("anything", out var stopped));
        Assert.False(stopped);
    }
}
