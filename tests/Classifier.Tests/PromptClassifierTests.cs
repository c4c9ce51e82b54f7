using HybridLlm.Classifier.Analysis;

namespace HybridLlm.Classifier.Tests;

public sealed class PromptClassifierTests
{
    private static readonly PromptClassifier Classifier = new(new PiiDetector(), new TokenCounter(), new TaskCueDetector());

    private static PromptAnalysis ClassifyUser(string text) => Classifier.Classify([new ClassifierMessage("user", text)]);

    [Fact]
    public void Classify_EmptyConversation_HasNoTokensAndNoFindings()
    {
        var analysis = Classifier.Classify([]);

        Assert.Equal(0, analysis.InputTokens);
        Assert.Empty(analysis.Pii);
        Assert.InRange(analysis.StrongScore, 0, 1);
    }

    [Fact]
    public void Classify_Conversation_CountsTokensOverAllMessages()
    {
        var counter = new TokenCounter();
        ClassifierMessage[] messages = [new("system", "Be brief."), new("user", "What is a monad?"), new("assistant", "A monoid.")];

        Assert.Equal(counter.CountTokens(messages), Classifier.Classify(messages).InputTokens);
    }

    [Fact]
    public void Classify_PiiInSeveralMessages_ReportsEachWithItsMessageIndex()
    {
        ClassifierMessage[] messages = [new("system", "No PII here."), new("user", "Mail bob@example.org"), new("user", "IBAN DE89 3704 0044 0532 0130 00")];

        var analysis = Classifier.Classify(messages);

        Assert.Equal([(PiiKind.Email, 1), (PiiKind.Iban, 2)], analysis.Pii.Select(f => (f.Kind, f.MessageIndex)));
        Assert.Contains("pii=email,iban (2 findings)", analysis.Reasons);
    }

    [Fact]
    public void Classify_Reasons_NeverContainThePiiText()
    {
        string[] secrets = ["alice@example.com", "4111 1111 1111 1111", "GB82 WEST 1234 5698 7654 32", "536-90-4567", "hunter2hunter2", "192.168.7.42"];
        var prompt = "Summarize: " + string.Join(" and ", secrets.Select((s, i) => i == 4 ? "password=" + s : s));

        var analysis = ClassifyUser(prompt);

        Assert.Equal(secrets.Length, analysis.Pii.Count);
        Assert.All(analysis.Reasons, reason => Assert.All(secrets, secret => Assert.DoesNotContain(secret, reason, StringComparison.OrdinalIgnoreCase)));
        Assert.All(analysis.Reasons, reason => Assert.DoesNotContain("4111", reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Classify_MathPrompt_ScoresAboveASummary()
    {
        var math = ClassifyUser("Solve 3x + 2 = 11 and explain.");
        var summary = ClassifyUser("Summarize this note: the meeting moved to Monday.");

        Assert.Equal(TaskKind.Math, math.Task);
        Assert.Contains("task=math (+0.35) cue=solve", math.Reasons);
        Assert.True(math.StrongScore > summary.StrongScore);
    }

    [Fact]
    public void Classify_StrongScore_IsMonotoneInLength()
    {
        const string Sentence = "The quarterly figures moved a little in every region we track. ";
        int[] repeats = [1, 100, 400, 1_000, 2_000];

        var analyses = repeats.Select(n => ClassifyUser("Summarize: " + string.Concat(Enumerable.Repeat(Sentence, n)))).ToArray();

        for (var i = 1; i < analyses.Length; i++)
        {
            Assert.True(analyses[i].InputTokens > analyses[i - 1].InputTokens);
            Assert.True(analyses[i].StrongScore >= analyses[i - 1].StrongScore);
        }

        Assert.True(analyses[^1].StrongScore > analyses[0].StrongScore);
        Assert.Contains(analyses[^1].Reasons, r => r.StartsWith($"input_tokens={analyses[^1].InputTokens} > 16000", StringComparison.Ordinal));
    }

    [Fact]
    public void Classify_ExtraQuestionsAndConstraints_RaiseTheScoreWithReasons()
    {
        var plain = ClassifyUser("What is the capital of France?");
        var demanding = ClassifyUser(
            "What is the capital of France? Why there? When did it become so? " +
            "Answer in at most 50 words, you must cite a source and never use bullet points.");

        Assert.True(demanding.StrongScore > plain.StrongScore);
        Assert.Contains("questions=3 (+0.10)", demanding.Reasons);
        Assert.Contains(demanding.Reasons, r => r.StartsWith("constraints=3 ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("hi")]
    [InlineData("Think step by step. First plan, then prove it. Why? How? What? Where? When? You must, must, must, must, must, must not.")]
    public void Classify_StrongScore_StaysWithinZeroAndOne(string prompt)
    {
        var longPrompt = prompt + string.Concat(Enumerable.Repeat(" more words here", 6_000));

        Assert.InRange(ClassifyUser(prompt).StrongScore, 0, 1);
        Assert.InRange(ClassifyUser(longPrompt).StrongScore, 0, 1);
    }

    [Fact]
    public void Classify_CancelledToken_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.Throws<OperationCanceledException>(() => Classifier.Classify([new ClassifierMessage("user", "hi")], cts.Token));
    }
}
