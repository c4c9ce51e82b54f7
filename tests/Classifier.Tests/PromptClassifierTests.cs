using HybridLlm.Classifier.Analysis;

namespace HybridLlm.Classifier.Tests;

[Collection(ClassifierCollection.Name)]
public sealed class PromptClassifierTests(ClassifierFixture fixture)
{
    [Fact]
    public async Task Classify_EmptyConversation_HasNoTokensAndNoFindings()
    {
        var analysis = await fixture.Classifier.ClassifyAsync([]);

        Assert.Equal(0, analysis.InputTokens);
        Assert.Empty(analysis.Pii);
        Assert.InRange(analysis.StrongScore, 0, 1);
    }

    [Fact]
    public async Task Classify_Conversation_CountsTokensOverAllMessages()
    {
        ClassifierMessage[] messages = [new("system", "Be brief."), new("user", "What is a monad?"), new("assistant", "A monoid.")];

        var analysis = await fixture.Classifier.ClassifyAsync(messages);

        Assert.Equal(fixture.Get<TokenCounter>().CountTokens(messages), analysis.InputTokens);
    }

    [Fact]
    public async Task Classify_PiiInSeveralMessages_ReportsEachWithItsMessageIndex()
    {
        ClassifierMessage[] messages = [new("system", "No PII here."), new("user", "Mail bob@example.org"), new("user", "IBAN DE89 3704 0044 0532 0130 00")];

        var analysis = await fixture.Classifier.ClassifyAsync(messages);

        Assert.Equal([(PiiKind.Email, 1), (PiiKind.Iban, 2)], analysis.Pii.Select(f => (f.Kind, f.MessageIndex)));
        Assert.Contains("pii=email,iban (2 findings)", analysis.Reasons);
    }

    [Fact]
    public async Task Classify_Reasons_NeverContainThePiiText()
    {
        string[] secrets = ["alice@example.com", "4111 1111 1111 1111", "GB82 WEST 1234 5698 7654 32", "536-90-4567", "hunter2hunter2", "192.168.7.42"];
        var prompt = "Summarize: " + string.Join(" and ", secrets.Select((s, i) => i == 4 ? "password=" + s : s));

        var analysis = await fixture.ClassifyUserAsync(prompt);

        Assert.Equal(secrets.Length, analysis.Pii.Count);
        Assert.All(analysis.Reasons, reason => Assert.All(secrets, secret => Assert.DoesNotContain(secret, reason, StringComparison.OrdinalIgnoreCase)));
        Assert.All(analysis.Reasons, reason => Assert.DoesNotContain("4111", reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Classify_Reasons_GiveTheTaskProbabilityAndTheScoresLargestTerms()
    {
        var analysis = await fixture.ClassifyUserAsync("Prove that the sum of the first n odd numbers is n^2, by induction.");

        Assert.Equal(2, analysis.Reasons.Count);
        Assert.Matches(@"^task=[a-z_]+ p=\d\.\d\d \(next [a-z_]+ p=\d\.\d\d\)$", analysis.Reasons[0]);
        Assert.Matches(@"^strong_score=\d\.\d\d from the learned router: semantic [+-]\d+\.\d\d(, [a-z_]+=\d+ [+-]\d+\.\d\d){0,3}$", analysis.Reasons[1]);
    }

    [Fact]
    public async Task Classify_SamePromptTwice_GivesIdenticalResults()
    {
        const string Prompt = "Write a thread-safe LRU cache in C# with per-entry expiry and unit tests.";

        var first = await fixture.ClassifyUserAsync(Prompt);
        var second = await fixture.ClassifyUserAsync(Prompt);

        Assert.Equal(first.StrongScore, second.StrongScore);
        Assert.Equal(first.Task, second.Task);
        Assert.Equal(first.Reasons, second.Reasons);
    }

    [Fact]
    public async Task ClassifyBatch_ReturnsResultsInInputOrder_MatchingOneByOne()
    {
        string[] prompts =
        [
            "hi!",
            "Solve 3x + 7 = 22 and show the steps.",
            "Translate 'good night' into Spanish.",
            "Plan a three-day product launch with two people and a fixed budget; identify the critical path and risks.",
        ];

        var batch = await fixture.Classifier.ClassifyBatchAsync(prompts.Select(p => (IReadOnlyList<ClassifierMessage>)[new ClassifierMessage("user", p)]).ToArray());

        Assert.Equal(prompts.Length, batch.Count);
        for (var i = 0; i < prompts.Length; i++)
        {
            var single = await fixture.ClassifyUserAsync(prompts[i]);
            Assert.Equal(single.Task, batch[i].Task);
            Assert.Equal(single.StrongScore, batch[i].StrongScore, 3);
            Assert.Equal(single.InputTokens, batch[i].InputTokens);
        }
    }

    [Theory]
    [InlineData("Solve the differential equation dy/dx = 2y(1 - y/50) with y(0) = 5 and find when y reaches 40.", TaskKind.Math)]
    [InlineData("Write a Go function that merges k sorted channels into one sorted channel without deadlocks, with tests.", TaskKind.Code)]
    [InlineData("Is this review positive or negative? 'The soup was cold and the waiter ignored us.'", TaskKind.Classification)]
    [InlineData("Translate 'where is the library?' into German.", TaskKind.Rewrite)]
    [InlineData("Write a haiku about a frozen pond.", TaskKind.CreativeWriting)]
    [InlineData("Summarize in one sentence: The council approved two new bus lanes and a cycle path, starting in May.", TaskKind.Summarisation)]
    public async Task Classify_ClearPromptsTheDataNeverSaw_GetTheirTask(string prompt, TaskKind expected)
    {
        var analysis = await fixture.ClassifyUserAsync(prompt);

        Assert.Equal(expected, analysis.Task);
    }

    [Theory]
    [InlineData("Summarize this bug report in two sentences.", TaskKind.Summarisation)]
    [InlineData("Classify the sentiment of this bug report as positive, negative or neutral.", TaskKind.Classification)]
    [InlineData("Extract every date mentioned in the bug report below.", TaskKind.Extraction)]
    public async Task Classify_InstructionOverPastedCodeHeavyText_KeepsTheInstructionsTask(string instruction, TaskKind expected)
    {
        // The pasted material is all about code; the request is not.
        const string pasted = "Steps: run `npm test` on the main branch. The parser throws NullReferenceException in Tokenizer.cs line 212 "
            + "when the config file is empty; the stack trace points at ParseHeader(). Expected: a clear error. Happens since the 3.2 "
            + "release on 2024-03-14, reproduced again on 2024-04-02 with Node 20 and the latest compiler flags.";

        var analysis = await fixture.ClassifyUserAsync($"{instruction}\n\n{pasted}");

        Assert.Equal(expected, analysis.Task);
    }

    [Fact]
    public async Task Classify_HeldOutHardMathAndReasoning_ScoreAboveHeldOutSimpleClassification()
    {
        var heldOut = RepositoryFiles.ValidationPrompts();
        var hard = heldOut.Where(p => p.NeedsStrong && p.Task is "math" or "multi_step_reasoning").Select(p => p.Prompt).ToArray();
        var simple = heldOut.Where(p => !p.NeedsStrong && p.Task == "classification").Select(p => p.Prompt).ToArray();
        Assert.True(hard.Length >= 5 && simple.Length >= 5, $"validation split too small: {hard.Length} hard, {simple.Length} simple");

        var hardScores = await ScoresAsync(hard);
        var simpleScores = await ScoresAsync(simple);

        // Every hard prompt against every simple one: the hard one should almost always score higher (pairwise AUC).
        var pairs = hardScores.SelectMany(h => simpleScores.Select(s => h > s ? 1.0 : h == s ? 0.5 : 0.0)).Average();
        Assert.True(pairs >= 0.9, $"pairwise ordering {pairs:0.000}");
        Assert.True(hardScores.Average() > simpleScores.Average() + 0.3, $"mean hard {hardScores.Average():0.00} vs simple {simpleScores.Average():0.00}");
    }

    [Theory]
    [InlineData("Once upon a time there was a little cat 3f2b9c0d4e5a4b6c8d7e9f0a1b2c3d4e")]
    [InlineData("Once upon a time a dog found a ball 0a1b2c3d4e5f60718293a4b5c6d7e8f9")]
    [InlineData("Hi! Nice to meet you.")]
    [InlineData("Classify this email as spam or not spam: 'You won a free cruise, click now'")]
    public async Task Classify_SimplePrompts_StayBelowTheGatewaysDefaultThreshold(string prompt)
    {
        var analysis = await fixture.ClassifyUserAsync(prompt);

        Assert.True(analysis.StrongScore < 0.5, $"strong_score {analysis.StrongScore}");
    }

    [Theory]
    [InlineData("hi")]
    [InlineData("Think step by step. First plan, then prove it. Why? How? What? Where? When? You must, must, must, must, must, must not.")]
    public async Task Classify_StrongScore_StaysWithinZeroAndOne(string prompt)
    {
        var longPrompt = prompt + string.Concat(Enumerable.Repeat(" more words here", 6_000));

        Assert.InRange((await fixture.ClassifyUserAsync(prompt)).StrongScore, 0, 1);
        Assert.InRange((await fixture.ClassifyUserAsync(longPrompt)).StrongScore, 0, 1);
    }

    [Fact]
    public async Task Classify_CancelledToken_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.Classifier.ClassifyAsync([new ClassifierMessage("user", "hi")], cts.Token));
    }

    private async Task<double[]> ScoresAsync(IEnumerable<string> prompts)
    {
        var analyses = await fixture.Classifier.ClassifyBatchAsync(prompts.Select(p => (IReadOnlyList<ClassifierMessage>)[new ClassifierMessage("user", p)]).ToArray());
        return analyses.Select(a => a.StrongScore).ToArray();
    }
}
